import { compareImportJobs } from "./compareImportJobs";
import type { ImportJobsSummary } from "./lookupTypes";
import type { ImportJob } from "./types";

export type { ImportJobsSummary } from "./lookupTypes";

/**
 * Counts, totals, latest jobs and the two flags for `jobs`, in one pass. Keys are written in a fixed
 * order and absent summaries are left out, so the JSON of equal summaries is byte-identical. "Latest"
 * is the greatest job in the package's order ({@link compareImportJobs}), whatever order `jobs` is in.
 *
 * @example
 * summarizeImportJobs(jobs).counts.FAILED; // 0 when none failed
 */
export function summarizeImportJobs(jobs: readonly ImportJob[]): ImportJobsSummary {
  const counts = { total: jobs.length, CREATED: 0, PROCESSING: 0, COMPLETED: 0, FAILED: 0, STOPPED: 0 };
  let importedItems = 0;
  let failedItems = 0;
  let latest: ImportJob | undefined;
  let latestCompleted: ImportJob | undefined;
  for (const job of jobs) {
    // Only the five known statuses have a count; an unknown one (a newer API) is in `total` only.
    switch (job.status) {
      case "CREATED":
      case "PROCESSING":
      case "COMPLETED":
      case "FAILED":
      case "STOPPED":
        counts[job.status] += 1;
    }
    importedItems += job.importedItemsCount ?? 0;
    failedItems += job.failedItemsCount ?? 0;
    if (latest === undefined || compareImportJobs(job, latest) > 0) latest = job;
    if (
      job.status === "COMPLETED" &&
      (latestCompleted === undefined || compareImportJobs(job, latestCompleted) > 0)
    ) {
      latestCompleted = job;
    }
  }
  return {
    counts,
    totals: { importedItems, failedItems },
    ...(latest === undefined ? {} : { latest }),
    ...(latestCompleted === undefined ? {} : { latestCompleted }),
    allCompleted: jobs.length > 0 && counts.COMPLETED === jobs.length,
    anyFailed: counts.FAILED + counts.STOPPED > 0,
  };
}
