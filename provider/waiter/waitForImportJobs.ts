import type { ImportJob } from "../core/types";
import { checkImportJobs, newPollMemory } from "./checkImportJobs";
import { ImportJobFailedError, WaitAbortedError, WaitTimeoutError } from "../core/errors";
import { pollUntil } from "./pollUntil";
import { now as systemNow, sleep as systemSleep } from "../core/sleep";
import { summarizeImportJobs } from "../core/summarizeImportJobs";
import {
  assertValidWaitForImportJobsArgs,
  DEFAULT_MAX_DELAY,
  DEFAULT_MAX_WAIT_TIME,
  DEFAULT_MIN_DELAY,
} from "./validateWaitForImportJobsArgs";
import type { WaitForImportJobsArgs, WaitForImportJobsResult } from "./waiterTypes";

export type {
  ImportJobSelection,
  WaitForImportJobsArgs,
  WaitForImportJobsResult,
  WaitProgress,
} from "./waiterTypes";

/**
 * Waits until the selected import jobs of an address list have finished, polling with backoff
 * (`minDelay` doubling up to `maxDelay`) and one last poll just before `maxWaitTime`. With `jobIds`, a
 * poll reads each job not yet finished with GetAddressListImportJob; with `select`, every page of
 * ListAddressListImportJobs. Resolves when every selected job COMPLETED (or was STOPPED, with
 * `allowStopped`) within `maxFailedItems` / `minImportedItems`. Rejects with an `ImportJobFailedError`
 * as soon as one FAILED, was STOPPED or broke an item limit, and with a `WaitTimeoutError` at the
 * deadline; both messages list each offending job (id, name, status, error text, counts). Every option
 * is validated before the first request (`InvalidArgumentError`). `abortSignal` cancels the wait with a
 * `WaitAbortedError`.
 *
 * @example
 * const { jobIds, totals } = await waitForImportJobs({ addressListId: "al-123456789abc", select: "latest", maxWaitTime: 900 });
 */
export async function waitForImportJobs(args: WaitForImportJobsArgs): Promise<WaitForImportJobsResult> {
  assertValidWaitForImportJobsArgs(args);
  const maxWaitTime = args.maxWaitTime ?? DEFAULT_MAX_WAIT_TIME;
  const memory = newPollMemory();
  let seen: readonly ImportJob[] | undefined;
  const outcome = await pollUntil(
    async ({ poll, elapsedSeconds }) => {
      const check = await checkImportJobs(args, memory);
      seen = check.verdict.jobs;
      if (args.onProgress) {
        try {
          args.onProgress({
            addressListId: check.addressListId,
            region: check.region,
            poll,
            elapsedSeconds,
            maxWaitTime,
            state: check.verdict.state,
            jobs: check.verdict.jobs,
            reason: check.verdict.reason,
          });
        } catch {
          // Progress is a courtesy; it must never change the outcome of the wait.
        }
      }
      return { state: check.verdict.state, value: check };
    },
    {
      maxWaitTime,
      minDelay: args.minDelay ?? DEFAULT_MIN_DELAY,
      maxDelay: args.maxDelay ?? DEFAULT_MAX_DELAY,
      sleep: args.sleep ?? systemSleep,
      now: args.now ?? systemNow,
      ...(args.abortSignal
        ? {
            abortSignal: args.abortSignal,
            aborted: (reason: unknown) =>
              new WaitAbortedError({
                addressListId: args.addressListId,
                reason,
                ...(seen ? { jobs: seen } : args.jobIds ? { jobIds: args.jobIds } : {}),
              }),
          }
        : {}),
    },
  );
  const { addressListId, region, verdict } = outcome.value;
  if (outcome.state === "FAILURE") {
    throw new ImportJobFailedError({
      addressListId,
      jobs: verdict.offending,
      reason: verdict.describeReason,
    });
  }
  if (outcome.state === "TIMEOUT") {
    throw new WaitTimeoutError({ addressListId, jobs: verdict.offending, maxWaitTime });
  }
  const importJobs = [...verdict.jobs];
  const { counts, totals } = summarizeImportJobs(importJobs);
  return {
    addressListId,
    region,
    importJobs,
    jobIds: importJobs.map((job) => job.jobId),
    counts,
    totals,
    polls: outcome.polls,
    waitedSeconds: outcome.waitedSeconds,
  };
}
