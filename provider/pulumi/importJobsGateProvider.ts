import type * as pulumi from "@pulumi/pulumi";
import { argumentFailure } from "../core/terms";
import { show, type NotArguments } from "../core/validationKit";
import { checkImportJobs } from "../waiter/checkImportJobs";
import { createEngineLog } from "./engineLog";
import { cancellationSignal } from "./cancellation";
import { diffByInputs, knownInputFailures, pickInputs, plainJson } from "./dynamicInputs";
import { fingerprint } from "../core/fingerprint";
import { reportProgress } from "../waiter/reportProgress";
import { summarizeImportJobs } from "../core/summarizeImportJobs";
import type { ImportJobList, ImportJobTally } from "../core/lookupTypes";
import type { ImportJob, ImportJobStatus } from "../core/types";
import { validateWaitForImportJobsArgs, waitArgumentNames } from "../waiter/validateWaitForImportJobsArgs";
import { waitForImportJobs, type WaitForImportJobsArgs } from "../waiter/waitForImportJobs";

/**
 * The dynamic provider behind `ImportJobsGate`: `create`/`update` run the waiter and report its
 * progress to the engine; `diff` re-checks once without waiting. One module-level object of plain
 * functions, as for `addressListImportJobsProvider`.
 */

/** The gate's inputs: the waiter's arguments without its functions. */
export type ImportJobsGateInputs = Omit<
  WaitForImportJobsArgs,
  "sleep" | "now" | "onProgress" | "abortSignal"
>;

/** One accepted job in the gate's outputs: only what does not change once the job finished. */
export interface ImportJobsGateJob {
  /** Identifier of the import job. */
  readonly jobId: string;
  /** Its name. */
  readonly name: string;
  /** COMPLETED, or STOPPED when `allowStopped`. */
  readonly status: ImportJobStatus;
  /** Addresses imported. */
  readonly importedItemsCount: number;
  /** Addresses that failed to import. */
  readonly failedItemsCount: number;
}

/**
 * The gate's outputs besides its inputs: the jobs it accepted, as the waiter returns them, all finished
 * (nothing volatile, no check time). Their ids are `acceptedJobIds`, not `jobIds`: a resource's outputs
 * echo its inputs, and the input `jobIds` names the jobs to wait for.
 */
export interface ImportJobsGateSummary extends Omit<ImportJobList, "jobIds">, ImportJobTally {
  /** `jobId` of each accepted job, in the order of `importJobs`. */
  readonly acceptedJobIds: string[];
  /** The accepted jobs with their statuses and item counts: the old, narrower `importJobs`. @deprecated Use `importJobs`; this alias goes in the next major release. */
  readonly acceptedJobs: ImportJobsGateJob[];
}

/** Every key of {@link ImportJobsGateSummary}: the gate's output properties and what its `diff` compares. */
export const GATE_OUTPUT_KEYS = [
  "addressListId",
  "region",
  "importJobs",
  "acceptedJobIds",
  "counts",
  "totals",
  "acceptedJobs",
] as const satisfies readonly (keyof ImportJobsGateSummary)[];

/** The waiter's arguments that the gate does not take, with the reason. */
const NOT_GATE_ARGUMENTS: NotArguments = {
  cache: "`cache` is not an argument of ImportJobsGate: every poll reads the jobs afresh.",
  includePreSignedUrls:
    "`includePreSignedUrls` is not an argument of ImportJobsGate: the waiter never returns pre-signed URLs.",
  ...Object.fromEntries(
    (["sleep", "now", "onProgress", "abortSignal"] as const).map((key) => [
      key,
      `\`${key}\` is not an argument of ImportJobsGate: a resource input cannot be ` +
        `${key === "abortSignal" ? "an AbortSignal" : "a function"}; waitForImportJobs takes it.`,
    ]),
  ),
};

/** Every input, in argument order: the waiter's arguments but its hooks (`sleep`, `now`, `onProgress`). */
export const GATE_INPUT_KEYS = waitArgumentNames(NOT_GATE_ARGUMENTS);

/**
 * The gate's URN, computed by the program (a provider's `create` is not told it) so that progress
 * messages land on the gate's row. Not a setting: never part of a diff.
 */
export const PROGRESS_URN_INPUT = "progressUrn";

/** Inputs whose change makes it another list: replaced, so that the id stays "region/list/gate". */
const REPLACE_KEYS = ["addressListId", "region"];

function waitArgs(bag: Record<string, unknown>): ImportJobsGateInputs {
  return pickInputs(bag, GATE_INPUT_KEYS) as unknown as ImportJobsGateInputs;
}

/** The summary of a set of accepted jobs; equal sets give equal JSON. */
function summaryOf(addressListId: string, region: string, jobs: readonly ImportJob[]): ImportJobsGateSummary {
  const { counts, totals } = summarizeImportJobs(jobs);
  return {
    addressListId,
    region,
    importJobs: [...jobs],
    acceptedJobIds: jobs.map((job) => job.jobId),
    counts,
    totals,
    acceptedJobs: jobs.map((job) => ({
      jobId: job.jobId,
      name: job.name,
      status: job.status,
      importedItemsCount: job.importedItemsCount ?? 0,
      failedItemsCount: job.failedItemsCount ?? 0,
    })),
  };
}

/** The summary part of the previous outputs, for comparison with a fresh one. */
function previousSummary(olds: Record<string, unknown>): unknown {
  return Object.fromEntries(GATE_OUTPUT_KEYS.map((key) => [key, olds[key]]));
}

/** Waits, reporting progress on the gate's row, and returns the outputs. */
async function openGate(
  inputs: Record<string, unknown>,
): Promise<{ id: string; outs: Record<string, unknown> }> {
  const urn = inputs[PROGRESS_URN_INPUT];
  const log = createEngineLog(typeof urn === "string" ? urn : undefined);
  try {
    const result = await waitForImportJobs({
      ...waitArgs(inputs),
      onProgress: reportProgress(log),
      abortSignal: cancellationSignal(),
    });
    const summary = summaryOf(result.addressListId, result.region, result.importJobs);
    return {
      id: `${result.region}/${result.addressListId}/gate`,
      outs: plainJson({ ...pickInputs(inputs, [...GATE_INPUT_KEYS, PROGRESS_URN_INPUT]), ...summary }),
    };
  } finally {
    await log.close();
  }
}

/** The provider object; `diff` always answers with an explicit `changes` (see addressListImportJobsProvider). */
export const importJobsGateProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const failures = knownInputFailures(news, (known) => {
      const { [PROGRESS_URN_INPUT]: _urn, ...settings } = known;
      return validateWaitForImportJobsArgs(settings, NOT_GATE_ARGUMENTS);
    });
    const urn = news[PROGRESS_URN_INPUT];
    if (urn !== undefined && typeof urn !== "string") {
      failures.push(
        argumentFailure(
          PROGRESS_URN_INPUT,
          (t) =>
            `Expected ${t.argument(PROGRESS_URN_INPUT)} to be a URN string (ImportJobsGate sets it), got ${show(urn)}.`,
        ),
      );
    }
    return { inputs: news, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const byInputs = diffByInputs(olds, news, GATE_INPUT_KEYS, REPLACE_KEYS);
    if (byInputs !== undefined) {
      return byInputs;
    }
    // Same settings: re-check once, without waiting. A change (so the next `up` waits again) when the
    // condition no longer holds or the selection now holds other jobs, statuses or counts.
    const check = await checkImportJobs(waitArgs(news));
    if (check.verdict.state !== "SUCCESS") {
      return { changes: true };
    }
    const summary = summaryOf(check.addressListId, check.region, check.verdict.jobs);
    return { changes: fingerprint(summary) !== fingerprint(previousSummary(olds)) };
  },

  create(inputs: Record<string, unknown>) {
    return openGate(inputs);
  },

  async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    return { outs: (await openGate(news)).outs };
  },

  async read(id: string, props: Record<string, unknown> = {}) {
    // The outputs record what the gate accepted when it opened; a refresh keeps them, and the next
    // `diff` re-checks the jobs against them.
    return { id, props };
  },

  async delete() {
    // A gate holds nothing.
  },
};
