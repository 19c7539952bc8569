import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import type { ImportDataType, ImportJob, ImportJobStatus } from "./types";

/** ISO-8601 UTC text of a timestamp, or undefined when absent or not a valid date. */
function isoTimestamp(value: Date | undefined): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}

/**
 * Turns one job as the SDK returns it into an {@link ImportJob}.
 *
 * The result is plain JSON on purpose: dynamic-provider outputs go through `Struct.fromJavaScript`,
 * where a `Date` silently becomes `{}` and an `undefined` value fails the RPC (docs/MAINTAINING.md,
 * "Pulumi constraints"). So absent values are left out rather than set to
 * `undefined`, and the keys are written in one fixed order so that `JSON.stringify` of equal jobs gives
 * equal bytes. `PreSignedUrl` is dropped: it is sensitive and re-signed on every call.
 *
 * @example
 * normalizeImportJob({ JobId: "job-1", Name: "march", Status: "COMPLETED", PreSignedUrl: "https://…",
 *   ImportDataFormat: { ImportDataType: "CSV" }, AddressListId: "al-1",
 *   CreatedTimestamp: new Date(1700000000000) });
 * // → { jobId: "job-1", name: "march", status: "COMPLETED", importDataType: "CSV",
 * //     addressListId: "al-1", createdTimestamp: "2023-11-14T22:13:20.000Z" }
 */
export function normalizeImportJob(raw: SdkImportJob): ImportJob {
  // One object literal for the keys every job has, then the optional ones in their fixed places; no
  // helper closure per job (this runs once per job, 100 000 times for a large list).
  // Required members are typed `| undefined` by the SDK and not enforced at runtime; "" keeps the
  // record well-typed without inventing data.
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
