import * as pulumi from "@pulumi/pulumi";
import { fetchAddressListImportJobs, type LookupContext } from "./fetchAddressListImportJobs";
import { InvalidArgumentError, type ArgumentFailure } from "./errors";
import type { Inputs } from "./inputs";
import type {
  ImportDataType,
  ImportJob,
  ImportJobCounts,
  ImportJobStatus,
  ImportJobTotals,
  SortOrder,
} from "./types";
import { quietLateHandling, toProgramError } from "./toProgramError";
import { assertValidArgs, validateArgs } from "./validateArgs";

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

/** Arguments of {@link getAddressListImportJobsOutput}: those of {@link GetAddressListImportJobsArgs}, each an `Input`. */
export type GetAddressListImportJobsOutputArgs = Inputs<GetAddressListImportJobsArgs>;

/** Result of {@link getAddressListImportJobs}: the same set of jobs always gives byte-identical JSON. */
export interface GetAddressListImportJobsResult {
  /** Address list that was queried. */
  readonly addressListId: string;
  /** Region that was queried. */
  readonly region: string;
  /** The jobs after filtering, sorting and `limit`; never with pre-signed URLs. */
  readonly importJobs: ImportJob[];
  /** `jobId` of each job in `importJobs`, same order. */
  readonly jobIds: string[];
  /** Jobs per status; every status key is present. */
  readonly counts: ImportJobCounts;
  /** Imported and failed item counts, summed. */
  readonly totals: ImportJobTotals;
  /** The most recently created job (by `createdTimestamp`, then `jobId`); absent when there are none. */
  readonly latest?: ImportJob;
  /** The most recently created COMPLETED job; absent when there is none. */
  readonly latestCompleted?: ImportJob;
  /** Every job is COMPLETED; false when there are no jobs. */
  readonly allCompleted: boolean;
  /** Some job FAILED or was STOPPED. */
  readonly anyFailed: boolean;
  /** SHA-256 of everything above: equal results ⇔ equal fingerprints; usable as a replacement trigger. */
  readonly fingerprint: string;
  /** Pre-signed upload URL per `jobId`; only with `includePreSignedUrls`, and re-signed on every call. */
  readonly preSignedUrls?: Readonly<Record<string, string>>;
}

/**
 * Where @pulumi/aws resources would take their region and profile from: an explicit `aws.Provider`
 * (`opts.provider`, or one inherited through `opts.parent`). Duck-typed so that @pulumi/aws stays optional.
 */
function awsProviderOf(
  opts: pulumi.InvokeOptions | undefined,
): { region?: unknown; profile?: unknown } | undefined {
  const provider = (opts?.provider ??
    opts?.parent?.getProvider("aws:mailmanager:getAddressListImportJobs")) as
    { pkg?: unknown; region?: unknown; profile?: unknown } | undefined;
  // `pkg` is set by every ProviderResource; another package's provider says nothing about AWS settings.
  return provider === undefined || (typeof provider.pkg === "string" && provider.pkg !== "aws")
    ? undefined
    : provider;
}

/** The provider's region and profile as Inputs (undefined when not an Output/string). */
function providerSettings(
  opts: pulumi.InvokeOptions | undefined,
): pulumi.Output<{ region?: string; profile?: string }> {
  const provider = awsProviderOf(opts);
  const asInput = (value: unknown): pulumi.Input<string | undefined> =>
    pulumi.Output.isInstance(value) || typeof value === "string"
      ? (value as pulumi.Input<string>)
      : undefined;
  return pulumi.output({ region: asInput(provider?.region), profile: asInput(provider?.profile) });
}

/**
 * The lookup context in a Pulumi program: region and profile from the aws.Provider, then the
 * `aws:region` / `aws:profile` stack config; and the run's resource monitor as the cache scope, so that
 * an Automation API program run again in the same process does not reuse the previous run's jobs.
 */
function lookupContext(provider: { region?: string; profile?: string }): LookupContext {
  // Read at call time, never at module load: stack config is only set once the program runs.
  const config = new pulumi.Config("aws");
  const region = provider.region || config.get("region");
  const profile = provider.profile || config.get("profile");
  const cacheScope = pulumi.runtime.getMonitor();
  return {
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    ...(cacheScope ? { cacheScope } : {}),
  };
}

/** The value of an Output for the direct form, or an error when it is unknown (preview). */
async function knownValue<T>(output: pulumi.Output<T>, what: string): Promise<T> {
  // `isKnown` and `promise()` are not in the public typings but exist on every Output since 1.0;
  // `apply` cannot be used because it never runs (and so never settles) on an unknown value.
  const internal = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
  if (!(await internal.isKnown)) {
    throw new InvalidArgumentError([
      {
        property: what,
        reason:
          `Expected the region and profile of \`${what}\` to be known, got an unknown value (preview). ` +
          "Use getAddressListImportJobsOutput, which waits for them.",
      },
    ]);
  }
  return internal.promise();
}

/**
 * Reads every import job of an SES Mail Manager address list (all pages of ListAddressListImportJobs)
 * and returns them sorted, filtered and summarised. The direct form: plain arguments, a Promise, no
 * secret marking (use {@link getAddressListImportJobsOutput} in programs that export the result).
 *
 * @example
 * const jobs = await getAddressListImportJobs({ addressListId: "al-123456789abc", statuses: ["COMPLETED"] });
 * console.log(jobs.counts.COMPLETED, jobs.latestCompleted?.jobId);
 */
export async function getAddressListImportJobs(
  args: GetAddressListImportJobsArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetAddressListImportJobsResult> {
  // Validate before anything else, the provider's outputs included: a bad argument never waits or calls.
  assertValidArgs(args);
  const provider = await knownValue(providerSettings(opts), "opts.provider");
  return fetchAddressListImportJobs(args, lookupContext(provider));
}

/**
 * The failures of the arguments that are plain values already (not Outputs or Promises), so that a bad
 * literal or config value fails as the program starts, before any dependency, provider setting or
 * request is waited for. The others are checked once known, by the lookup itself.
 */
function plainArgumentFailures(args: GetAddressListImportJobsOutputArgs): ArgumentFailure[] {
  if (pulumi.Output.isInstance(args) || isPromiseLike(args)) {
    return [];
  }
  const record = args as Record<string, unknown>;
  const deferred = Object.keys(record).filter((key) => isDeferred(record[key]));
  const plain = Object.fromEntries(Object.entries(record).filter(([key]) => !deferred.includes(key)));
  // A deferred `addressListId` is checked later; a stand-in keeps "required" from failing now.
  return validateArgs({ addressListId: "deferred", ...plain }).filter(
    (failure) => !deferred.includes(failure.property),
  );
}

const isPromiseLike = (value: unknown): boolean =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/** An Output or Promise, or an array or object holding one at any depth (e.g. `statuses: [secret("FAILED")]`). */
function isDeferred(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || isPromiseLike(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(isDeferred);
  }
  return typeof value === "object" && value !== null && Object.values(value).some(isDeferred);
}

/**
 * The Output form of {@link getAddressListImportJobs}, as @pulumi/aws's `get…Output` functions behave:
 * arguments may be Inputs; `opts.dependsOn` delays the lookup until those resources exist; while the
 * address list id (or any argument, dependency or provider setting) is unknown during preview, the
 * result is unknown and no request is made; secret arguments make the result secret, and so does
 * `includePreSignedUrls`. A failure rejects the Output with the package's error, which the Pulumi
 * runtime prints as one line (`toProgramError`); a wrong plain argument does so at once, without
 * waiting for the dependencies.
 *
 * @example
 * const jobs = getAddressListImportJobsOutput({ addressListId: config.require("addressListId") }, { dependsOn: [gate] });
 * export const importedItems = jobs.totals.importedItems;
 */
export function getAddressListImportJobsOutput(
  args: GetAddressListImportJobsOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetAddressListImportJobsResult> {
  quietLateHandling();
  const failures = plainArgumentFailures(args);
  if (failures.length > 0) {
    return pulumi.output(Promise.reject(toProgramError(new InvalidArgumentError(failures))));
  }
  // A dependency is ready once its id (custom resources) or urn (components) is known; `apply` runs only
  // on known values, so an unknown dependency keeps the result unknown and the call unmade in preview.
  const dependencies = pulumi
    .output(opts?.dependsOn ?? [])
    .apply((deps) =>
      pulumi.all(
        (Array.isArray(deps) ? deps : [deps]).map((resource: pulumi.Resource) =>
          pulumi.CustomResource.isInstance(resource) ? resource.id : resource.urn,
        ),
      ),
    );
  const result = pulumi
    .all([pulumi.output(args), providerSettings(opts), dependencies])
    .apply(([plainArgs, provider]) =>
      fetchAddressListImportJobs(plainArgs as GetAddressListImportJobsArgs, lookupContext(provider)).catch(
        (error: unknown) => {
          throw toProgramError(error);
        },
      ),
    );
  // Decided from the flag alone, so that the result is secret even while it is still unknown.
  return pulumi
    .output(args.includePreSignedUrls)
    .apply((include) => (include === true ? pulumi.secret(result) : result));
}
