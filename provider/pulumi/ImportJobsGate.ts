import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "./forwardingProvider";
import {
  PROGRESS_URN_INPUT,
  type ImportJobsGateInputs,
  type ImportJobsGateJob,
} from "./importJobsGateProvider";
import type { Inputs } from "./inputs";
import { resolveClientDefaults, withoutAwsProvider } from "./resolveClientDefaults";
import type { ImportJobCounts, ImportJobTotals } from "../core/types";

/**
 * Arguments of {@link ImportJobsGate}: those of `waitForImportJobs` (list and client settings, filters,
 * `jobIds`/`select`, policy, `maxWaitTime`/`minDelay`/`maxDelay` in seconds), each an `Input`.
 */
export type ImportJobsGateArgs = Inputs<ImportJobsGateInputs>;

/** What Pulumi stores as this resource's provider: a forwarder to the installed package (one object, serialised once). */
const provider = forwardingProvider("ImportJobsGate");

/** The resource's type token. */
export const IMPORT_JOBS_GATE_TYPE = "pulumi-nodejs:dynamic/mailmanager:ImportJobsGate";

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
  /** Address list that was watched. */
  declare readonly addressListId: pulumi.Output<string>;
  /** Region that was watched. */
  declare readonly region: pulumi.Output<string>;
  /** `jobId` of each job the gate accepted, in the package's order. */
  declare readonly acceptedJobIds: pulumi.Output<string[]>;
  /** The accepted jobs with their statuses and item counts, same order. */
  declare readonly acceptedJobs: pulumi.Output<ImportJobsGateJob[]>;
  /** Accepted jobs per status; every status key is present. */
  declare readonly counts: pulumi.Output<ImportJobCounts>;
  /** Imported and failed items of the accepted jobs, summed. */
  declare readonly totals: pulumi.Output<ImportJobTotals>;

  constructor(name: string, args: ImportJobsGateArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        // Every output key must be present for the SDK to create its Output property (pulumi/pulumi#5174).
        acceptedJobIds: undefined,
        acceptedJobs: undefined,
        counts: undefined,
        totals: undefined,
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
