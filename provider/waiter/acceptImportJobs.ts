import type { AcceptorState } from "./pollUntil";
import type { ImportJob } from "../core/types";

/** Statuses a job never leaves (an array, not a Set: the closure serialiser of dynamic providers). */
const FINISHED: readonly string[] = ["COMPLETED", "FAILED", "STOPPED"];

/**
 * Whether a job's status is one it never leaves; CREATED, PROCESSING and any status this package
 * does not know yet are not finished.
 */
export const isFinished = (status: string | undefined): boolean => FINISHED.includes(status ?? "");

/**
 * The waiter's one acceptor: what a poll of the selected jobs means for the gate. The single definition
 * of "done", "failed" and "keep waiting", used by `waitForImportJobs` on every poll and by the
 * `ImportJobsGate` provider when it re-checks in `diff`.
 */

/** When selected jobs count as failed. */
export interface ImportJobsPolicy {
  /** Accept STOPPED jobs instead of failing on them. @default false */
  readonly allowStopped?: boolean;
  /** Fail when a finished job has more failed items than this (per job). @default no limit */
  readonly maxFailedItems?: number;
  /** Fail when a finished job has fewer imported items than this (per job). @default no minimum */
  readonly minImportedItems?: number;
}

/** The acceptor's verdict on one poll. */
export interface ImportJobsVerdict {
  /** SUCCESS: every selected job finished within the policy; FAILURE: one broke it; RETRY: keep waiting. */
  readonly state: AcceptorState;
  /** The selected jobs as this poll saw them. */
  readonly jobs: readonly ImportJob[];
  /** On FAILURE, the jobs that broke the policy; on RETRY, the jobs still running; else empty. */
  readonly offending: readonly ImportJob[];
  /** On FAILURE, why, e.g. "did not pass the gate (FAILED)"; on RETRY, what is awaited; else "". */
  readonly reason: string;
}

/** Why one job breaks the policy, or undefined when it does not (yet). */
function violation(job: ImportJob, policy: ImportJobsPolicy): string | undefined {
  if (job.status === "FAILED") {
    return "FAILED";
  }
  if (job.status === "STOPPED" && !policy.allowStopped) {
    return "STOPPED, which fails unless `allowStopped` is true";
  }
  if (job.status !== "COMPLETED" && job.status !== "STOPPED") {
    return undefined;
  }
  if (policy.maxFailedItems !== undefined && (job.failedItemsCount ?? 0) > policy.maxFailedItems) {
    return `more than \`maxFailedItems\` (${policy.maxFailedItems}) failed items`;
  }
  if (policy.minImportedItems !== undefined && (job.importedItemsCount ?? 0) < policy.minImportedItems) {
    return `fewer than \`minImportedItems\` (${policy.minImportedItems}) imported items`;
  }
  return undefined;
}

/**
 * Maps the selected jobs of one poll to SUCCESS, FAILURE or RETRY. A FAILED job fails; a STOPPED job
 * fails unless `allowStopped`; a finished job outside `maxFailedItems` / `minImportedItems` fails. Any
 * failure ends the wait at once, even while other jobs still run (as an SDK waiter's failure acceptor
 * does). SUCCESS needs at least one selected job, every one COMPLETED (or STOPPED when allowed).
 *
 * @example
 * acceptImportJobs([{ ...job, status: "FAILED" }], {}).state; // "FAILURE"
 */
export function acceptImportJobs(
  jobs: readonly ImportJob[],
  policy: ImportJobsPolicy = {},
): ImportJobsVerdict {
  const broken = jobs
    .map((job) => ({ job, why: violation(job, policy) }))
    .filter((entry): entry is { job: ImportJob; why: string } => entry.why !== undefined);
  if (broken.length > 0) {
    const reasons = [...new Set(broken.map((entry) => entry.why))];
    return {
      state: "FAILURE",
      jobs,
      offending: broken.map((entry) => entry.job),
      reason: `did not pass the gate (${reasons.join("; ")})`,
    };
  }
  const running = jobs.filter((job) => !isFinished(job.status));
  if (jobs.length === 0) {
    return { state: "RETRY", jobs, offending: [], reason: "no import job matches the selection yet" };
  }
  if (running.length > 0) {
    return {
      state: "RETRY",
      jobs,
      offending: running,
      reason: `${running.length} of ${jobs.length} import job${jobs.length === 1 ? "" : "s"} still running`,
    };
  }
  return { state: "SUCCESS", jobs, offending: [], reason: "" };
}
