import type {
  ImportDataType,
  ImportJob,
  ImportJobCounts,
  ImportJobStatus,
  ImportJobTotals,
  SortOrder,
} from "./types";

// The lookup's argument and result types, apart from the Pulumi forms that use them: the Pulumi-free
// entry (client.ts), the core and the bin import them without loading @pulumi/pulumi.

/** Arguments of {@link getAddressListImportJobs}. */
export interface GetAddressListImportJobsArgs {
  /** Address list whose import jobs are read: 1–255 letters, digits or hyphens, e.g. `al-123456789abc`. */
  readonly addressListId: string;
  /** AWS region of the list. @default `aws:region` stack config, then AWS_REGION / AWS_DEFAULT_REGION, then the profile's region */
  readonly region?: string;
  /** Shared-config profile for credentials (and region). @default `aws:profile` stack config, then the SDK's default chain */
  readonly profile?: string;
  /** Endpoint URL, e.g. a local emulator's `http://127.0.0.1:4566`. @default the SDK's, which honours AWS_ENDPOINT_URL_MAILMANAGER */
  readonly endpoint?: string;
  /** Jobs per ListAddressListImportJobs request, 1–50; N jobs take ceil(N / pageSize) requests. @default 50 */
  readonly pageSize?: number;
  /** Keep only jobs in these statuses. @default every status */
  readonly statuses?: readonly ImportJobStatus[];
  /** Keep only jobs importing this file format. @default both */
  readonly importDataType?: ImportDataType;
  /** Keep only jobs whose name matches this JavaScript regular expression anywhere (anchor with ^…$). @default no filter */
  readonly nameRegex?: string;
  /** Keep only jobs created at or after this ISO-8601 instant, e.g. `2024-05-01T00:00:00Z`. @default no lower bound */
  readonly createdAfter?: string;
  /** Keep only jobs created strictly before this ISO-8601 instant. @default no upper bound */
  readonly createdBefore?: string;
  /** Order of `importJobs` by `createdTimestamp`, ties by `jobId`. @default "ascending" */
  readonly sortOrder?: SortOrder;
  /** Keep the first N jobs after filtering and sorting; the summaries describe these N. @default no limit */
  readonly limit?: number;
  /** Also return each job's pre-signed upload URL in `preSignedUrls` (the Output form is then secret). @default false */
  readonly includePreSignedUrls?: boolean;
  /** Requests per page, retries included, for throttling and 5xx, with the SDK's backoff. @default 8 */
  readonly maxAttempts?: number;
  /** Share one pagination pass between identical lookups in this program run (filters apply afterwards). @default true */
  readonly cache?: boolean;
}

/**
 * Which jobs of which list: the part every result shares (the lookup's, the waiter's, the gate's
 * outputs), in the package's order.
 */
export interface ImportJobList {
  /** Address list that was queried. */
  readonly addressListId: string;
  /** Region that was queried. */
  readonly region: string;
  /** The jobs, in the package's order (`createdTimestamp`, then `jobId`, or `sortOrder`); never with pre-signed URLs. */
  readonly importJobs: ImportJob[];
  /** `jobId` of each job in `importJobs`, same order. */
  readonly jobIds: string[];
}

/** How many jobs and items: the counts every result carries. */
export interface ImportJobTally {
  /** Jobs per status; every status key is present. */
  readonly counts: ImportJobCounts;
  /** Imported and failed item counts, summed. */
  readonly totals: ImportJobTotals;
}

/** The summaries of the lookup's result beyond the tally. */
export interface ImportJobsSummary extends ImportJobTally {
  /** The most recently created job (by `createdTimestamp`, then `jobId`); absent when there are none. */
  readonly latest?: ImportJob;
  /** The most recently created COMPLETED job; absent when there is none. */
  readonly latestCompleted?: ImportJob;
  /** Every job is COMPLETED; false when there are no jobs. */
  readonly allCompleted: boolean;
  /** Some job FAILED or was STOPPED. */
  readonly anyFailed: boolean;
}

/**
 * Result of {@link getAddressListImportJobs}: the jobs after filtering, sorting and `limit`, their
 * summaries and fingerprint. The same set of jobs always gives byte-identical JSON.
 */
export interface GetAddressListImportJobsResult extends ImportJobList, ImportJobsSummary {
  /** SHA-256 of everything above: equal results ⇔ equal fingerprints; usable as a replacement trigger. */
  readonly fingerprint: string;
  /** Pre-signed upload URL per `jobId`; only with `includePreSignedUrls`, and re-signed on every call. */
  readonly preSignedUrls?: Readonly<Record<string, string>>;
}

/**
 * The result's members that are always secret outputs (sensitive, and re-signed on every call): the
 * resources' `additionalSecretOutputs`, the plugin's schema and its invoke.
 */
export const SECRET_RESULT_KEYS = [
  "preSignedUrls",
] as const satisfies readonly (keyof GetAddressListImportJobsResult)[];

/** Every key of {@link GetAddressListImportJobsResult}, in result order (the compile fails when one is missing). */
export const RESULT_KEYS = [
  "addressListId",
  "region",
  "importJobs",
  "jobIds",
  "counts",
  "totals",
  "latest",
  "latestCompleted",
  "allCompleted",
  "anyFailed",
  "fingerprint",
  "preSignedUrls",
] as const satisfies readonly (keyof GetAddressListImportJobsResult)[];
const _everyResultKey: Exclude<
  keyof GetAddressListImportJobsResult,
  (typeof RESULT_KEYS)[number]
> extends never
  ? true
  : never = true;
void _everyResultKey;
