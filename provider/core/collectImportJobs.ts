import { listImportJobPages, type ListImportJobPagesInput } from "./listImportJobPages";
import { normalizeImportJob } from "./normalizeImportJob";
import type { ImportJob } from "./types";

/** Every job of one pass, normalised, in the service's order. */
export interface CollectedImportJobs {
  readonly jobs: readonly ImportJob[];
  /**
   * Each job's pre-signed upload URL by the SDK's `JobId` (a later listing of an id wins), kept only
   * when asked for: the URLs are most of a listed job's size.
   */
  readonly preSignedUrls?: ReadonlyMap<string | undefined, string | undefined>;
}

/**
 * Every import job of an address list, each once, normalised page by page: the SDK's objects of a page
 * are garbage before the next page is read, never all held beside their copies (peak memory at 100 000
 * jobs).
 *
 * @example
 * const { jobs } = await collectImportJobs({ client, addressListId: "al-1" });
 */
export async function collectImportJobs(
  input: ListImportJobPagesInput & { readonly keepPreSignedUrls?: boolean },
): Promise<CollectedImportJobs> {
  const jobs: ImportJob[] = [];
  const preSignedUrls = input.keepPreSignedUrls
    ? new Map<string | undefined, string | undefined>()
    : undefined;
  for await (const page of listImportJobPages(input)) {
    for (const raw of page) {
      jobs.push(normalizeImportJob(raw));
      preSignedUrls?.set(raw.JobId, raw.PreSignedUrl);
    }
  }
  return preSignedUrls === undefined ? { jobs } : { jobs, preSignedUrls };
}
