import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "./forwardingProvider";
import type { GetAddressListImportJobsOutputArgs } from "./getAddressListImportJobs";
import { resolveClientDefaults, withoutAwsProvider } from "./resolveClientDefaults";
import type { ImportJob, ImportJobCounts, ImportJobTotals } from "../core/types";

/** Arguments of {@link AddressListImportJobs}: those of `getAddressListImportJobsOutput` but `cache`. */
export type AddressListImportJobsArgs = Omit<GetAddressListImportJobsOutputArgs, "cache">;

/** What Pulumi stores as this resource's provider: a forwarder to the installed package (one object, serialised once). */
const provider = forwardingProvider("AddressListImportJobs");

/** The resource's type token. */
export const ADDRESS_LIST_IMPORT_JOBS_TYPE = "pulumi-nodejs:dynamic/mailmanager:AddressListImportJobs";

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
  /** Address list that was queried. */
  declare readonly addressListId: pulumi.Output<string>;
  /** Region that was queried. */
  declare readonly region: pulumi.Output<string>;
  /** The jobs after filtering, sorting and `limit`; never with pre-signed URLs. */
  declare readonly importJobs: pulumi.Output<ImportJob[]>;
  /** `jobId` of each job in `importJobs`, same order. */
  declare readonly jobIds: pulumi.Output<string[]>;
  /** Jobs per status; every status key is present. */
  declare readonly counts: pulumi.Output<ImportJobCounts>;
  /** Imported and failed item counts, summed. */
  declare readonly totals: pulumi.Output<ImportJobTotals>;
  /** The most recently created job; undefined when there are none. */
  declare readonly latest: pulumi.Output<ImportJob | undefined>;
  /** The most recently created COMPLETED job; undefined when there is none. */
  declare readonly latestCompleted: pulumi.Output<ImportJob | undefined>;
  /** Every job is COMPLETED; false when there are no jobs. */
  declare readonly allCompleted: pulumi.Output<boolean>;
  /** Some job FAILED or was STOPPED. */
  declare readonly anyFailed: pulumi.Output<boolean>;
  /** SHA-256 of the result: equal results ⇔ equal fingerprints; usable as a replacement trigger. */
  declare readonly fingerprint: pulumi.Output<string>;
  /** Pre-signed upload URL per `jobId`, secret; only with `includePreSignedUrls`, as of the last read. */
  declare readonly preSignedUrls: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: AddressListImportJobsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        // Every output key must be present for the SDK to create its Output property (pulumi/pulumi#5174).
        importJobs: undefined,
        jobIds: undefined,
        counts: undefined,
        totals: undefined,
        latest: undefined,
        latestCompleted: undefined,
        allCompleted: undefined,
        anyFailed: undefined,
        fingerprint: undefined,
        preSignedUrls: undefined,
        ...args,
        ...resolveClientDefaults(args, opts),
      },
      pulumi.mergeOptions(withoutAwsProvider(opts), { additionalSecretOutputs: ["preSignedUrls"] }),
      "mailmanager",
      "AddressListImportJobs",
    );
  }
}
