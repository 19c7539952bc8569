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
 * The result for the raw jobs of one address list: normalised, filtered, sorted, limited, summarised
 * and fingerprinted. The same set of jobs gives byte-identical JSON whatever order they came in or how
 * their pre-signed URLs were signed. Summaries describe the returned jobs (after `limit`). Options are
 * assumed valid (see `validateArgs`).
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
  const jobIds = importJobs.map((job) => job.jobId);
  const summary = summarizeImportJobs(importJobs, options.sortOrder ?? "ascending");
  const result = {
    addressListId: options.addressListId,
    region: options.region,
    importJobs,
    jobIds,
    ...summary,
  } as GetAddressListImportJobsResult;
  // What the fingerprint covers, as built here: changing the returned arrays or summaries before
  // reading it does not move it. Jobs are read-only, so their references are enough (and give the ids).
  const covered = { ...result, counts: { ...summary.counts }, totals: { ...summary.totals } };
  const jobsAsBuilt = importJobs.slice();
  defineLazyFingerprint(result, () =>
    fingerprint({ ...covered, importJobs: jobsAsBuilt, jobIds: jobsAsBuilt.map((job) => job.jobId) }),
  );
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
  (result as { preSignedUrls?: Record<string, string> }).preSignedUrls = preSignedUrls;
  return result;
}

/**
 * A `fingerprint` member, in its place after the summaries, computed on first read: it is a third of
 * the CPU of a 100 000-job result, which a caller that only counts or picks jobs never needs. The first
 * read or an assignment turns it into a plain data member, as an eagerly built result has.
 */
function defineLazyFingerprint(result: GetAddressListImportJobsResult, compute: () => string): void {
  let computed: string | undefined;
  // A frozen result keeps the accessor (it cannot be redefined), which still answers from `computed`.
  const settle = (value: string): boolean =>
    Reflect.defineProperty(result, "fingerprint", {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(result, "fingerprint", {
    enumerable: true,
    configurable: true,
    get: () => {
      computed ??= compute();
      settle(computed);
      return computed;
    },
    set: (value: string) => {
      if (!settle(value))
        throw new TypeError("Cannot assign to read only property 'fingerprint' of a frozen result");
    },
  });
}
