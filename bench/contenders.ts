import {
  MailManagerClient,
  paginateListAddressListImportJobs,
  type ImportJob as SdkImportJob,
} from "@aws-sdk/client-mailmanager";
import { getAddressListImportJobs } from "../provider";

/** Where to look; credentials and region come from the environment, as in a user's program. */
export interface Lookup {
  readonly endpoint: string;
  readonly addressListId: string;
}

/** Our data function with its defaults: one call is one lookup (memoised per process). */
export async function ours(lookup: Lookup): Promise<number> {
  const result = await getAddressListImportJobs({
    addressListId: lookup.addressListId,
    endpoint: lookup.endpoint,
  });
  return result.importJobs.length;
}

/**
 * What a user writes today: a client with the SDK's defaults, the SDK's paginator with no page size (the
 * service's default page), every page collected, then sorted by creation time (ties by id).
 */
export async function sdkLoop(
  lookup: Lookup,
  clientOptions: { retryMode?: "standard" | "adaptive" } = {},
): Promise<number> {
  const client = new MailManagerClient({ endpoint: lookup.endpoint, ...clientOptions });
  try {
    const jobs: SdkImportJob[] = [];
    for await (const page of paginateListAddressListImportJobs(
      { client },
      { AddressListId: lookup.addressListId },
    )) {
      jobs.push(...(page.ImportJobs ?? []));
    }
    jobs.sort(
      (a, b) =>
        (a.CreatedTimestamp?.getTime() ?? 0) - (b.CreatedTimestamp?.getTime() ?? 0) ||
        ((a.JobId ?? "") < (b.JobId ?? "") ? -1 : 1),
    );
    return jobs.length;
  } finally {
    client.destroy();
  }
}
