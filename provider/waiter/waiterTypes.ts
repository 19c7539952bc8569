// The waiter's public shapes, apart from the functions that use them, so that the poll loop, the
// check and the waiter import them without importing each other.
import type { ImportJobList, ImportJobTally } from "../core/lookupTypes";
import type { ImportJob } from "../core/types";
import type { AcceptorState } from "./pollUntil";
import type { WaitLookupArgs } from "./validateWaitForImportJobsArgs";

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

/** Result of {@link waitForImportJobs}: the jobs it accepted, all finished within the policy, and how long it took. */
export interface WaitForImportJobsResult extends ImportJobList, ImportJobTally {
  /** Polls made (with `jobIds`, each reads the jobs still running; otherwise every page of the list). */
  readonly polls: number;
  /** Seconds waited, from the first poll to the end of the last. */
  readonly waitedSeconds: number;
}
