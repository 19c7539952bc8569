import type { ImportDataType, ImportJob, ImportJobStatus } from "./types";

/** The client-side filters (the API has none); each one left out keeps every job. */
export interface ImportJobFilters {
  /** Keep jobs in these statuses. */
  readonly statuses?: readonly ImportJobStatus[];
  /** Keep jobs of this file format. */
  readonly importDataType?: ImportDataType;
  /** Keep jobs whose name matches this regular expression anywhere (anchor it with ^…$ for whole names). */
  readonly nameRegex?: string;
  /** Keep jobs created at or after this ISO-8601 instant. */
  readonly createdAfter?: string;
  /** Keep jobs created strictly before this ISO-8601 instant. */
  readonly createdBefore?: string;
}

/**
 * The jobs that pass every given filter, in their original order; `jobs` itself when no filter is
 * given (nothing is copied: callers do not change the list). The window is half-open,
 * `[createdAfter, createdBefore)`, so adjacent windows never count a job twice.
 *
 * @example
 * filterImportJobs(jobs, { statuses: ["FAILED", "STOPPED"], createdAfter: "2024-05-01" });
 */
export function filterImportJobs(
  jobs: readonly ImportJob[],
  filters: ImportJobFilters,
): readonly ImportJob[] {
  const statuses = filters.statuses === undefined ? undefined : new Set<string>(filters.statuses);
  const importDataType = filters.importDataType;
  const nameRegex = filters.nameRegex === undefined ? undefined : new RegExp(filters.nameRegex);
  const after = filters.createdAfter === undefined ? undefined : Date.parse(filters.createdAfter);
  const before = filters.createdBefore === undefined ? undefined : Date.parse(filters.createdBefore);
  if (
    !statuses &&
    importDataType === undefined &&
    !nameRegex &&
    after === undefined &&
    before === undefined
  ) {
    return jobs;
  }
  const window = after !== undefined || before !== undefined;
  return jobs.filter((job) => {
    if (statuses !== undefined && !statuses.has(job.status)) return false;
    if (importDataType !== undefined && job.importDataType !== importDataType) return false;
    if (nameRegex !== undefined && !nameRegex.test(job.name)) return false;
    // Parsed only when a window is set: 100 000 Date.parse calls are not free.
    if (window) {
      const created = Date.parse(job.createdTimestamp);
      if (after !== undefined && !(created >= after)) return false;
      if (before !== undefined && !(created < before)) return false;
    }
    return true;
  });
}
