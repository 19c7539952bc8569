import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import type { ImportDataType, ImportJob, ImportJobStatus } from "./types";

/**
 * Every member of an {@link ImportJob}, in the one order jobs are written in: the normaliser's key order
 * (so equal jobs stringify to equal bytes) and the CSV columns.
 */
export const JOB_KEYS = [
  "jobId",
  "name",
  "status",
  "importDataType",
  "addressListId",
  "importedItemsCount",
  "failedItemsCount",
  "createdTimestamp",
  "startTimestamp",
  "completedTimestamp",
  "error",
] as const satisfies readonly (keyof ImportJob)[];

/** ISO-8601 UTC text of a timestamp, or undefined when absent or not a valid date. */
function isoTimestamp(value: Date | undefined): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}

/**
 * Turns one job as the SDK returns it into an {@link ImportJob}: plain JSON (outputs cross gRPC as a
 * `Struct`, where a `Date` becomes `{}` and an `undefined` member fails), absent values left out, keys in
 * {@link JOB_KEYS} order. `PreSignedUrl` is dropped: it is sensitive and re-signed on every call.
 *
 * @example
 * normalizeImportJob({ JobId: "job-1", Name: "march", Status: "COMPLETED", PreSignedUrl: "https://…",
 *   ImportDataFormat: { ImportDataType: "CSV" }, AddressListId: "al-1",
 *   CreatedTimestamp: new Date(1700000000000) });
 * // → { jobId: "job-1", name: "march", status: "COMPLETED", importDataType: "CSV",
 * //     addressListId: "al-1", createdTimestamp: "2023-11-14T22:13:20.000Z" }
 */
export function normalizeImportJob(raw: SdkImportJob): ImportJob {
  // Written out in JOB_KEYS order rather than looped over it: this runs 100,000 times for a large list
  // (tests/unit/normalizeImportJob.test.ts holds the two orders equal). Required members are typed
  // `| undefined` by the SDK and not enforced at runtime; "" keeps the record well-typed.
  const job: Record<string, string | number> = {
    jobId: raw.JobId ?? "",
    name: raw.Name ?? "",
    status: (raw.Status ?? "") as ImportJobStatus,
  };
  const importDataType = raw.ImportDataFormat?.ImportDataType as ImportDataType | undefined;
  if (importDataType != null) job.importDataType = importDataType;
  job.addressListId = raw.AddressListId ?? "";
  if (raw.ImportedItemsCount != null) job.importedItemsCount = raw.ImportedItemsCount;
  if (raw.FailedItemsCount != null) job.failedItemsCount = raw.FailedItemsCount;
  job.createdTimestamp = isoTimestamp(raw.CreatedTimestamp) ?? "";
  const started = isoTimestamp(raw.StartTimestamp);
  if (started !== undefined) job.startTimestamp = started;
  const completed = isoTimestamp(raw.CompletedTimestamp);
  if (completed !== undefined) job.completedTimestamp = completed;
  if (raw.Error != null) job.error = raw.Error;
  return job as unknown as ImportJob;
}
