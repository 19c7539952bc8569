/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- an interface of the same name adds the output properties to the class */
import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "./forwardingProvider";
import {
  GATE_OUTPUT_KEYS,
  PROGRESS_URN_INPUT,
  type ImportJobsGateInputs,
  type ImportJobsGateSummary,
} from "./importJobsGateProvider";
import { outputPlaceholders, type Inputs, type Outputs } from "./inputs";
import { resolveClientDefaults, withoutAwsProvider } from "./resolveClientDefaults";

/**
 * Arguments of {@link ImportJobsGate}: those of `waitForImportJobs` (list and client settings, filters,
 * `jobIds`/`select`, policy, `maxWaitTime`/`minDelay`/`maxDelay` in seconds), each an `Input`.
 */
export type ImportJobsGateArgs = Inputs<ImportJobsGateInputs>;

/** What Pulumi stores as this resource's provider: a forwarder to the installed package (one object, serialised once). */
const provider = forwardingProvider("ImportJobsGate");

/** The resource's type token. */
export const IMPORT_JOBS_GATE_TYPE = "pulumi-nodejs:dynamic/mailmanager:ImportJobsGate";

// Declaration merging: the outputs are the summary type's fields, created from the placeholders below.
export interface ImportJobsGate extends Outputs<ImportJobsGateSummary> {}

/**
 * Holds a deployment until import jobs of an address list have finished: resources that
 * `dependsOn` the gate are created only after every selected job COMPLETED (or STOPPED, with
 * `allowStopped`) within the item limits; `pulumi up` fails with each offending job's id, name,
 * status, error and counts when one FAILED, was STOPPED or did not finish within `maxWaitTime`.
 * While it waits, progress shows on the gate's row of the `pulumi up` output. On later runs,
 * `preview` re-checks: new matching jobs, or a condition that no longer holds, show as an update, and
 * the next `up` waits again.
 *
 * @example
 * const gate = new ImportJobsGate("imports-done", { addressListId: "al-123456789abc", select: "latest", maxWaitTime: 900 });
 * new aws.sesv2.ContactList("newsletter", { contactListName: "newsletter" }, { dependsOn: [gate] });
 */
export class ImportJobsGate extends pulumi.dynamic.Resource {
  constructor(name: string, args: ImportJobsGateArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        ...outputPlaceholders(GATE_OUTPUT_KEYS),
        ...args,
        ...resolveClientDefaults(args, opts),
        // A provider's `create` is not told its URN; progress messages need it to land on this row.
        [PROGRESS_URN_INPUT]: pulumi.createUrn(name, IMPORT_JOBS_GATE_TYPE, opts?.parent),
      },
      withoutAwsProvider(opts),
      "mailmanager",
      "ImportJobsGate",
    );
  }
}
