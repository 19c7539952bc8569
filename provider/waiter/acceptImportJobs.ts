import type { AcceptorState } from "./pollUntil";
import type { ImportJob } from "../core/types";
import { ARGUMENT_TERMS, type Describe } from "../core/terms";

/**
 * Statuses a job never leaves. An array, not a Set: the dynamic-provider tests closure-serialise the
 * inner providers, and the serialiser empties a Set.
 */
const FINISHED: readonly string[] = ["COMPLETED", "FAILED", "STOPPED"];

/** A status this package does not know yet is not finished. */
export const isFinished = (status: string | undefined): boolean => FINISHED.includes(status ?? "");

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
  /** On FAILURE, why, e.g. "did not meet the policy (FAILED)"; on RETRY, what is awaited; else "". */
  readonly reason: string;
  /** `reason` in a front end's terms (it may name the policy's arguments). */
  readonly describeReason: Describe;
}

/** Why one job breaks the policy, or undefined when it does not (yet). */
function violation(job: ImportJob, policy: ImportJobsPolicy): Describe | undefined {
  if (job.status === "FAILED") {
    return () => "FAILED";
  }
  if (job.status === "STOPPED" && !policy.allowStopped) {
    return (t) => `STOPPED, which fails unless ${t.argument("allowStopped")} is true`;
  }
  if (job.status !== "COMPLETED" && job.status !== "STOPPED") {
    return undefined;
  }
  if (policy.maxFailedItems !== undefined && (job.failedItemsCount ?? 0) > policy.maxFailedItems) {
    const limit = policy.maxFailedItems;
    return (t) => `more than ${t.argument("maxFailedItems")} (${limit}) failed items`;
  }
  if (policy.minImportedItems !== undefined && (job.importedItemsCount ?? 0) < policy.minImportedItems) {
    const minimum = policy.minImportedItems;
    return (t) => `fewer than ${t.argument("minImportedItems")} (${minimum}) imported items`;
  }
  return undefined;
}

/**
 * The one definition of done, failed and keep waiting, for the waiter's polls and the gate's `diff`.
 * Any violation is FAILURE at once, even while other jobs run (as an SDK waiter's failure acceptor);
 * SUCCESS needs at least one selected job, every one COMPLETED (or STOPPED when allowed).
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
    .filter((entry): entry is { job: ImportJob; why: Describe } => entry.why !== undefined);
  if (broken.length > 0) {
    const describeReason: Describe = (t) =>
      `did not meet the policy (${[...new Set(broken.map((entry) => entry.why(t)))].join("; ")})`;
    return {
      state: "FAILURE",
      jobs,
      offending: broken.map((entry) => entry.job),
      reason: describeReason(ARGUMENT_TERMS),
      describeReason,
    };
  }
  const running = jobs.filter((job) => !isFinished(job.status));
  if (jobs.length === 0) {
    return { state: "RETRY", jobs, offending: [], ...plainReason("no import job matches the selection yet") };
  }
  if (running.length > 0) {
    return {
      state: "RETRY",
      jobs,
      offending: running,
      ...plainReason(
        `${running.length} of ${jobs.length} import job${jobs.length === 1 ? "" : "s"} still running`,
      ),
    };
  }
  return { state: "SUCCESS", jobs, offending: [], ...plainReason("") };
}

/** A reason that names no argument, so reads the same in every front end. */
function plainReason(reason: string): Pick<ImportJobsVerdict, "reason" | "describeReason"> {
  return { reason, describeReason: () => reason };
}
