import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import type { CollectedImportJobs } from "./collectImportJobs";
import { filterImportJobs } from "./filterImportJobs";
import { fingerprint } from "./fingerprint";
import type { GetAddressListImportJobsArgs, GetAddressListImportJobsResult } from "./lookupTypes";
import { normalizeImportJob } from "./normalizeImportJob";
import { sortImportJobs } from "./sortImportJobs";
import { summarizeImportJobs } from "./summarizeImportJobs";

/** What shapes a result: the queried list and region, plus the filter, order and output arguments. */
export type ImportJobsResultOptions = Pick<
  GetAddressListImportJobsArgs,
  | "statuses"
  | "importDataType"
  | "nameRegex"
  | "createdAfter"
  | "createdBefore"
  | "sortOrder"
  | "limit"
  | "includePreSignedUrls"
> & {
  /** Address list that was queried (echoed). */
  readonly addressListId: string;
  /** Region that was queried (echoed). */
  readonly region: string;
};

/**
 * Turns the collected raw jobs of one address list into the result: normalise, filter, sort, limit,
 * summarise, fingerprint. Pure and deterministic: the same set of jobs gives byte-identical JSON
 * whatever order they were collected in or how their pre-signed URLs were signed, because every object
 * is built with a fixed key order and the fingerprint covers everything but the URLs. Summaries
 * describe the returned jobs (after `limit`). Options are assumed valid (see `validateArgs`).
 *
 * @example
 * const result = buildImportJobsResult(rawJobs, { addressListId: "al-1", region: "us-east-1", statuses: ["FAILED"] });
 */
export function buildImportJobsResult(
  rawJobs: readonly SdkImportJob[],
  options: ImportJobsResultOptions,
): GetAddressListImportJobsResult {
  return buildResultFromCollected(
    {
      jobs: rawJobs.map(normalizeImportJob),
      ...(options.includePreSignedUrls
        ? { preSignedUrls: new Map(rawJobs.map((job) => [job.JobId, job.PreSignedUrl])) }
        : {}),
    },
    options,
  );
}

/**
 * {@link buildImportJobsResult} for jobs normalised as they were collected (`collectImportJobs`),
 * with their URLs when `includePreSignedUrls` is set: the same result, byte for byte.
 *
 * @example
 * const result = buildResultFromCollected(await collectImportJobs(input), { addressListId: "al-1", region: "us-east-1" });
 */
export function buildResultFromCollected(
  collected: CollectedImportJobs,
  options: ImportJobsResultOptions,
): GetAddressListImportJobsResult {
  const sorted = sortImportJobs(filterImportJobs(collected.jobs, options));
  if (options.sortOrder === "descending") {
    sorted.reverse();
  }
  const importJobs = options.limit === undefined ? sorted : sorted.slice(0, options.limit);
  const stable = {
    addressListId: options.addressListId,
    region: options.region,
    importJobs,
    jobIds: importJobs.map((job) => job.jobId),
    ...summarizeImportJobs(importJobs),
  };
  const result = { ...stable, fingerprint: fingerprint(stable) };
  if (!options.includePreSignedUrls) {
    return result;
  }
  const urls = collected.preSignedUrls ?? new Map<string | undefined, string | undefined>();
  const preSignedUrls: Record<string, string> = {};
  for (const { jobId } of importJobs) {
    const url = urls.get(jobId);
    if (typeof url === "string") {
      preSignedUrls[jobId] = url;
    }
  }
  return { ...result, preSignedUrls };
}
