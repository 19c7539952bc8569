import { checkImportJobs, newPollMemory } from "./checkImportJobs";
import { ImportJobFailedError, WaitAbortedError, WaitTimeoutError } from "./errors";
import { pollUntil, type AcceptorState } from "./pollUntil";
import { now as systemNow, sleep as systemSleep } from "./sleep";
import { summarizeImportJobs } from "./summarizeImportJobs";
import type { ImportJob, ImportJobCounts, ImportJobTotals } from "./types";
import {
  assertValidWaitForImportJobsArgs,
  DEFAULT_MAX_DELAY,
  DEFAULT_MAX_WAIT_TIME,
  DEFAULT_MIN_DELAY,
  type WaitLookupArgs,
} from "./validateWaitForImportJobsArgs";

/** Which jobs to wait for when no `jobIds` are given: every job that passes the filters, or the latest one. */
export type ImportJobSelection = "all" | "latest";

/**
 * Arguments of {@link waitForImportJobs}: the list and client settings and the filters of
 * `getAddressListImportJobs` (`GetAddressListImportJobsArgs`, without `includePreSignedUrls` and
 * `cache`), plus which jobs, the policy and the timing.
 */
export interface WaitForImportJobsArgs extends WaitLookupArgs {
  /** Wait for exactly these import jobs of the list; leave out to pick jobs with `select` and the filters. @default use `select` */
  readonly jobIds?: readonly string[];
  /** Without `jobIds`: wait for "all" jobs that pass the filters, or only the "latest" of them (by creation time). @default "latest" */
  readonly select?: ImportJobSelection;
  /** Accept STOPPED jobs; otherwise a STOPPED job fails the wait like a FAILED one. @default false */
  readonly allowStopped?: boolean;
  /** Fail when a finished job has more failed items than this, e.g. 0 for "no bad address at all". @default no limit */
  readonly maxFailedItems?: number;
  /** Fail when a finished job imported fewer items than this, e.g. 1 for "not empty". @default no minimum */
  readonly minImportedItems?: number;
  /** Longest time to wait, in seconds (fractions allowed, at least 0.1). @default 600 */
  readonly maxWaitTime?: number;
  /** First delay between polls, in seconds; each next delay doubles up to `maxDelay`. @default 5 */
  readonly minDelay?: number;
  /** Longest delay between polls, in seconds. @default 30 */
  readonly maxDelay?: number;
  /** Waits `ms` milliseconds; replace it in tests to run without real waits. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The current time in milliseconds; replace it together with `sleep` in tests. @default Date.now */
  readonly now?: () => number;
  /** Called after every poll, e.g. to report progress; its errors are ignored. @default none */
  readonly onProgress?: (progress: WaitProgress) => void;
  /**
   * Cancels the wait: it rejects with a `WaitAbortedError` as soon as the signal fires, also during a
   * poll or a delay, and requests in flight are cancelled. As the AWS SDK waiters take it.
   * @default none
   */
  readonly abortSignal?: AbortSignal;
}

/** What `onProgress` hears after each poll. */
export interface WaitProgress {
  /** Address list being watched. */
  readonly addressListId: string;
  /** Its region. */
  readonly region: string;
  /** 1 for the first poll. */
  readonly poll: number;
  /** Seconds since the wait started, when the poll began. */
  readonly elapsedSeconds: number;
  /** The wait's `maxWaitTime`, in seconds. */
  readonly maxWaitTime: number;
  /** The acceptor's verdict on this poll: SUCCESS and FAILURE end the wait. */
  readonly state: AcceptorState;
  /** The selected jobs as this poll saw them. */
  readonly jobs: readonly ImportJob[];
  /** Why the wait fails (FAILURE) or goes on (RETRY); "" on SUCCESS. */
  readonly reason: string;
}

/** Result of {@link waitForImportJobs}: the jobs it accepted, all finished within the policy. */
export interface WaitForImportJobsResult {
  /** Address list that was watched. */
  readonly addressListId: string;
  /** Region that was watched. */
  readonly region: string;
  /** The accepted jobs, in the package's order (creation time, then `jobId`; `sortOrder` for `select: "all"`). */
  readonly importJobs: ImportJob[];
  /** `jobId` of each accepted job, same order. */
  readonly jobIds: string[];
  /** Accepted jobs per status; every status key is present. */
  readonly counts: ImportJobCounts;
  /** Imported and failed items of the accepted jobs, summed. */
  readonly totals: ImportJobTotals;
  /** Polls made (with `jobIds`, each reads the jobs still running; otherwise every page of the list). */
  readonly polls: number;
  /** Seconds waited, from the first poll to the end of the last. */
  readonly waitedSeconds: number;
}

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
  const outcome = await pollUntil(
    async ({ poll, elapsedSeconds }) => {
      const check = await checkImportJobs(args, memory);
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
            aborted: (reason: unknown) => new WaitAbortedError({ addressListId: args.addressListId, reason }),
          }
        : {}),
    },
  );
  const { addressListId, region, verdict } = outcome.value;
  if (outcome.state === "FAILURE") {
    throw new ImportJobFailedError({ addressListId, jobs: verdict.offending, reason: verdict.reason });
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
