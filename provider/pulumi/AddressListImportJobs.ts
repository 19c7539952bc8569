/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- an interface of the same name adds the output properties to the class */
import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "./forwardingProvider";
import type { GetAddressListImportJobsOutputArgs } from "./getAddressListImportJobs";
import { resolveClientDefaults, withoutAwsProvider } from "./resolveClientDefaults";
import { RESULT_KEYS, SECRET_RESULT_KEYS, type GetAddressListImportJobsResult } from "../core/lookupTypes";
import { outputPlaceholders, type Outputs } from "./inputs";

/** Arguments of {@link AddressListImportJobs}: those of `getAddressListImportJobsOutput` but `cache`. */
export type AddressListImportJobsArgs = Omit<GetAddressListImportJobsOutputArgs, "cache">;

/** What Pulumi stores as this resource's provider: a forwarder to the installed package (one object, serialised once). */
const provider = forwardingProvider("AddressListImportJobs");

/** The resource's type token. */
export const ADDRESS_LIST_IMPORT_JOBS_TYPE = "pulumi-nodejs:dynamic/mailmanager:AddressListImportJobs";

// Declaration merging: the outputs are the result type's fields, created from the placeholders below.
export interface AddressListImportJobs extends Outputs<GetAddressListImportJobsResult> {}

/**
 * The import jobs of an address list kept in stack state: the same data as `getAddressListImportJobs`,
 * read when the resource is created, updated or refreshed. `pulumi preview` shows an update exactly
 * when an argument changed or the jobs did (a new job, a status or count change), and nothing
 * otherwise — re-signed upload URLs included. Deleting it deletes nothing in AWS.
 *
 * @example
 * const jobs = new AddressListImportJobs("imports", { addressListId: "al-123456789abc" });
 * export const importedItems = jobs.totals.importedItems;
 */
export class AddressListImportJobs extends pulumi.dynamic.Resource {
  constructor(name: string, args: AddressListImportJobsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        ...outputPlaceholders(RESULT_KEYS),
        ...args,
        ...resolveClientDefaults(args, opts),
      },
      pulumi.mergeOptions(withoutAwsProvider(opts), { additionalSecretOutputs: [...SECRET_RESULT_KEYS] }),
      "mailmanager",
      "AddressListImportJobs",
    );
  }
}
