// The Mail Manager API's `ImportJobStatus` and `ImportDataType` (2023-10-17 model) and the normalised job.

/** Every status an import job can have, in lifecycle order (the API's `ImportJobStatus` enum). */
export const IMPORT_JOB_STATUSES = ["CREATED", "PROCESSING", "COMPLETED", "FAILED", "STOPPED"] as const;

/** Status of an import job: CREATED → PROCESSING → COMPLETED | FAILED | STOPPED. */
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** Every file format an import job can read (the API's `ImportDataType` enum). */
export const IMPORT_DATA_TYPES = ["CSV", "JSON"] as const;

/** File format of an import job. */
export type ImportDataType = (typeof IMPORT_DATA_TYPES)[number];

/** Both directions the jobs can be sorted in; the key is always `createdTimestamp`, then `jobId`. */
export const SORT_ORDERS = ["ascending", "descending"] as const;

/** Direction of the result's order. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * One import job as this package returns it: camelCase, plain JSON (timestamps are ISO-8601 UTC
 * strings), absent values left out, and never the pre-signed upload URL.
 */
export interface ImportJob {
  /** Identifier of the import job. */
  readonly jobId: string;
  /** Name given to the job when it was created. */
  readonly name: string;
  /** Current status of the job. */
  readonly status: ImportJobStatus;
  /** Format of the file the job imports. */
  readonly importDataType?: ImportDataType;
  /** Address list the job imports into. */
  readonly addressListId: string;
  /** Addresses imported successfully so far; absent until the service reports it. */
  readonly importedItemsCount?: number;
  /** Addresses that failed to import; absent until the service reports it. */
  readonly failedItemsCount?: number;
  /** When the job was created, ISO-8601 UTC (e.g. `2024-05-01T12:00:00.000Z`). */
  readonly createdTimestamp: string;
  /** When the job was started, ISO-8601 UTC; absent for a job that was never started. */
  readonly startTimestamp?: string;
  /** When the job finished, ISO-8601 UTC; absent while it runs. */
  readonly completedTimestamp?: string;
  /** The service's reason for a failure; absent unless the job failed. */
  readonly error?: string;
}

/** Number of jobs per status; every key is always present, zero included. */
export interface ImportJobCounts {
  /** Number of jobs in the result. */
  readonly total: number;
  /** Jobs created but not started (or whose file was not uploaded). */
  readonly CREATED: number;
  /** Jobs running. */
  readonly PROCESSING: number;
  /** Jobs that finished successfully. */
  readonly COMPLETED: number;
  /** Jobs that failed. */
  readonly FAILED: number;
  /** Jobs that were stopped. */
  readonly STOPPED: number;
}

/** Item counts summed over the jobs of a result. */
export interface ImportJobTotals {
  /** Sum of `importedItemsCount` (absent counts as 0). */
  readonly importedItems: number;
  /** Sum of `failedItemsCount` (absent counts as 0). */
  readonly failedItems: number;
}
