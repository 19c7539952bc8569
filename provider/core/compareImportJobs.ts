import type { ImportJob } from "./types";

/**
 * The package's order: by `createdTimestamp`, then `jobId`. Plain string comparison (UTF-16 code units),
 * never `localeCompare`, so the order is the same on every machine; `Date#toISOString` strings all have
 * one shape, so string order is time order.
 *
 * @example
 * [...jobs].sort(compareImportJobs); // oldest first; same-instant jobs by jobId
 */
export function compareImportJobs(
  a: Pick<ImportJob, "createdTimestamp" | "jobId">,
  b: Pick<ImportJob, "createdTimestamp" | "jobId">,
): number {
  if (a.createdTimestamp !== b.createdTimestamp) {
    return a.createdTimestamp < b.createdTimestamp ? -1 : 1;
  }
  if (a.jobId !== b.jobId) {
    return a.jobId < b.jobId ? -1 : 1;
  }
  return 0;
}
