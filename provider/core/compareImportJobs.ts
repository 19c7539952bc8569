import type { ImportJob } from "./types";

/**
 * The one definition of the package's order: by `createdTimestamp`, then by `jobId` to break ties.
 *
 * Both keys are compared as plain strings (UTF-16 code units), never with `localeCompare`, so the order
 * is the same on every machine. ISO-8601 UTC strings from `Date#toISOString` all have the same shape,
 * so string order is time order. A descending result is exactly the reverse of an ascending one.
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
