// The Pulumi-free entry, `pulumi-mailmanager-import-jobs/client`: the lookup, the result builder and
// the waiter for scripts, CI steps and the `mailmanager-import-jobs` bin. Neither this module nor
// anything it imports loads `@pulumi/pulumi` (tests/cli/clientEntry.test.ts checks the built module
// graph), so it starts about as fast as `@aws-sdk/client-mailmanager` alone; the package root adds the
// Pulumi forms (the Output function, the resources) on top of the same core.
import { fetchAddressListImportJobs } from "./core/fetchAddressListImportJobs";
import type { GetAddressListImportJobsArgs, GetAddressListImportJobsResult } from "./core/lookupTypes";

/**
 * Reads every import job of an SES Mail Manager address list (all pages of ListAddressListImportJobs)
 * and returns them sorted, filtered and summarised: the same result as the package root's
 * `getAddressListImportJobs`, without Pulumi. Region and profile come from the arguments, then the
 * environment (AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE) and the SDK's default chain; stack config
 * plays no part here.
 *
 * @example
 * import { getAddressListImportJobs } from "pulumi-mailmanager-import-jobs/client";
 * const { counts } = await getAddressListImportJobs({ addressListId: "al-123456789abc", region: "eu-west-1" });
 */
export function getAddressListImportJobs(
  args: GetAddressListImportJobsArgs,
): Promise<GetAddressListImportJobsResult> {
  return fetchAddressListImportJobs(args);
}

export type { GetAddressListImportJobsArgs, GetAddressListImportJobsResult } from "./core/lookupTypes";
export { buildImportJobsResult, type ImportJobsResultOptions } from "./core/buildImportJobsResult";
export {
  waitForImportJobs,
  type WaitForImportJobsArgs,
  type WaitForImportJobsResult,
  type WaitProgress,
  type ImportJobSelection,
} from "./waiter/waitForImportJobs";
export { describeProgress } from "./waiter/reportProgress";
export { validateArgs } from "./core/validateArgs";
export type { NotArguments } from "./core/validationKit";
export { validateWaitForImportJobsArgs } from "./waiter/validateWaitForImportJobsArgs";
// The job model and its enumerations: core/types.ts holds the public ones only.
export * from "./core/types";
// Every error class, guard and error type: core/errors.ts holds the public ones only.
export * from "./core/errors";
// The importer: create an import job, stream the file to its pre-signed URL, start it and wait.
export {
  importAddresses,
  type ImportAddressesArgs,
  type ImportAddressesResult,
  type UploadProgress,
} from "./importer/importAddresses";
export {
  validateImportAddressesArgs,
  IMPORT_ADDRESSES_ARGUMENT_NAMES,
} from "./importer/validateImportAddressesArgs";
export {
  AddressImportError,
  AddressImportAbortedError,
  isAddressImportError,
  isAddressImportAbortedError,
  type ImportStep,
  type ImportStepContext,
} from "./importer/importErrors";
// How messages are worded for a front end (the errors' constructors take a `Describe`).
export type { Describe, Terms } from "./core/terms";
