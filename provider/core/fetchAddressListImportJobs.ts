import { buildResultFromCollected } from "./buildImportJobsResult";
import { collectImportJobs } from "./collectImportJobs";
import { createClient, resolveRegion } from "./createClient";
import type { GetAddressListImportJobsArgs, GetAddressListImportJobsResult } from "./lookupTypes";
import { MAX_PAGE_SIZE } from "./listImportJobPages";
import { lookupOnce } from "./lookupOnce";
import { assertValidArgs } from "./validateArgs";

/**
 * What the caller knows beyond the arguments: region and profile defaults (arguments win over these,
 * these over the environment) and the program run that cached passes belong to.
 */
export interface LookupContext {
  /** Region to use when `args.region` is not given. @default the environment's, then the profile's */
  readonly region?: string;
  /** Profile to use when `args.profile` is not given. @default the SDK's default chain */
  readonly profile?: string;
  /** An object that lives as long as one program run; identical lookups within it share a pass. @default the process */
  readonly cacheScope?: object;
  /**
   * Cancels the requests in flight, for a lookup with `cache: false` only: a shared pass serves other
   * callers, whose lookups one caller's signal must not end. @default none
   */
  readonly abortSignal?: AbortSignal;
}

/**
 * The whole lookup without Pulumi: validate, then walk every page (shared with identical lookups unless
 * `cache: false`) and build the result. The dynamic providers call it directly: their host has no
 * Pulumi runtime, so no stack config.
 *
 * @example
 * const result = await fetchAddressListImportJobs({ addressListId: "al-1", cache: false }, { region: "eu-west-1" });
 */
export async function fetchAddressListImportJobs(
  args: GetAddressListImportJobsArgs,
  context: LookupContext = {},
): Promise<GetAddressListImportJobsResult> {
  assertValidArgs(args);
  return lookupImportJobs(args, context);
}

/**
 * {@link fetchAddressListImportJobs} for arguments a front end has validated already
 * (`assertValidArgs`), so that one call validates once.
 */
export async function lookupImportJobs(
  args: GetAddressListImportJobsArgs,
  context: LookupContext = {},
): Promise<GetAddressListImportJobsResult> {
  const profile = args.profile ?? context.profile;
  const endpoint = args.endpoint;
  const client = createClient({
    region: args.region ?? context.region,
    profile,
    endpoint,
    maxAttempts: args.maxAttempts,
  });
  try {
    const region = await resolveRegion(client);
    const pageSize = args.pageSize ?? MAX_PAGE_SIZE;
    // A shared pass keeps the URLs (a later identical lookup may ask for them); a single one only if asked.
    const keepPreSignedUrls = args.cache === false ? args.includePreSignedUrls === true : true;
    const collect = () =>
      collectImportJobs({
        client,
        addressListId: args.addressListId,
        pageSize,
        region,
        keepPreSignedUrls,
        ...(args.cache === false && context.abortSignal ? { abortSignal: context.abortSignal } : {}),
      });
    // The SDK also reads these variables when no endpoint is given; the key must tell such setups apart.
    const effectiveEndpoint =
      endpoint ?? process.env.AWS_ENDPOINT_URL_MAILMANAGER ?? process.env.AWS_ENDPOINT_URL ?? "";
    const collected =
      args.cache === false
        ? await collect()
        : await lookupOnce(
            context.cacheScope ?? globalThis,
            JSON.stringify([region, effectiveEndpoint, profile ?? "", args.addressListId, pageSize]),
            collect,
          );
    return buildResultFromCollected(collected, { ...args, region });
  } finally {
    client.destroy();
  }
}
