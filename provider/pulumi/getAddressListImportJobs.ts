import * as pulumi from "@pulumi/pulumi";
import {
  fetchAddressListImportJobs,
  lookupImportJobs,
  type LookupContext,
} from "../core/fetchAddressListImportJobs";
import { InvalidArgumentError, type ArgumentFailure } from "../core/errors";
import { restateError } from "../core/terms";
import { PULUMI_TERMS } from "./pulumiTerms";
import type { Inputs } from "./inputs";
import type { GetAddressListImportJobsArgs, GetAddressListImportJobsResult } from "../core/lookupTypes";
import { someDeep } from "./dynamicInputs";
import { quietLateHandling, toProgramError } from "./toProgramError";
import { assertValidArgs, validateArgs } from "../core/validateArgs";
import { awsProviderSettings, programAwsDefaults } from "./resolveClientDefaults";

export type { GetAddressListImportJobsArgs, GetAddressListImportJobsResult } from "../core/lookupTypes";

/** Arguments of {@link getAddressListImportJobsOutput}: those of {@link GetAddressListImportJobsArgs}, each an `Input`. */
export type GetAddressListImportJobsOutputArgs = Inputs<GetAddressListImportJobsArgs>;

/**
 * The lookup context in a Pulumi program: region and profile from the aws.Provider, then the
 * `aws:region` / `aws:profile` stack config; and the run's resource monitor as the cache scope, so that
 * an Automation API program run again in the same process does not reuse the previous run's jobs.
 */
function lookupContext(provider: { region?: string; profile?: string }): LookupContext {
  const { region, profile } = programAwsDefaults(provider);
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
  try {
    // Validate before anything else, the provider's outputs included: a bad argument never waits or calls.
    assertValidArgs(args);
    const provider = await knownValue(awsProviderSettings(opts), "opts.provider");
    return await lookupImportJobs(args, lookupContext(provider));
  } catch (error) {
    throw restateError(error, PULUMI_TERMS);
  }
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
const isDeferred = (value: unknown): boolean =>
  someDeep(value, (item) => pulumi.Output.isInstance(item) || isPromiseLike(item));

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
    .all([pulumi.output(args), awsProviderSettings(opts), dependencies])
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
