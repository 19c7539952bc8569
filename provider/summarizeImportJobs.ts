import { compareImportJobs } from "./compareImportJobs";
import type { ImportJob, ImportJobCounts, ImportJobTotals } from "./types";

/** The summaries of a set of jobs, as they appear in the result. */
export interface ImportJobsSummary {
  /** Jobs per status, every status present. */
  readonly counts: ImportJobCounts;
  /** Summed item counts. */
  readonly totals: ImportJobTotals;
  /** The most recently created job; absent when there are none. */
  readonly latest?: ImportJob;
  /** The most recently created COMPLETED job; absent when there is none. */
  readonly latestCompleted?: ImportJob;
  /** Every job COMPLETED; false when there are no jobs. */
  readonly allCompleted: boolean;
  /** Any job FAILED or STOPPED. */
  readonly anyFailed: boolean;
}

/** The greatest job in the package's order ({@link compareImportJobs}), whatever order `jobs` is in. */
function last(jobs: readonly ImportJob[]): ImportJob | undefined {
  return jobs.reduce<ImportJob | undefined>(
    (best, job) => (best === undefined || compareImportJobs(job, best) > 0 ? job : best),
    undefined,
  );
}

/**
 * Counts, totals, latest jobs and the two flags for `jobs`. Keys are written in a fixed order and
 * absent summaries are left out, so the JSON of equal summaries is byte-identical.
 *
 * @example
 * summarizeImportJobs(jobs).counts.FAILED; // 0 when none failed
 */
export function summarizeImportJobs(jobs: readonly ImportJob[]): ImportJobsSummary {
  const count = (status: ImportJob["status"]): number => jobs.filter((job) => job.status === status).length;
  const latest = last(jobs);
  const latestCompleted = last(jobs.filter((job) => job.status === "COMPLETED"));
  return {
    counts: {
      total: jobs.length,
      CREATED: count("CREATED"),
      PROCESSING: count("PROCESSING"),
      COMPLETED: count("COMPLETED"),
      FAILED: count("FAILED"),
      STOPPED: count("STOPPED"),
    },
    totals: {
      importedItems: jobs.reduce((sum, job) => sum + (job.importedItemsCount ?? 0), 0),
      failedItems: jobs.reduce((sum, job) => sum + (job.failedItemsCount ?? 0), 0),
    },
    ...(latest === undefined ? {} : { latest }),
    ...(latestCompleted === undefined ? {} : { latestCompleted }),
    allCompleted: jobs.length > 0 && jobs.every((job) => job.status === "COMPLETED"),
    anyFailed: jobs.some((job) => job.status === "FAILED" || job.status === "STOPPED"),
  };
}
