import {
  ListAddressListImportJobsCommand,
  type ImportJob as SdkImportJob,
  type MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import { PaginationError } from "./errors";
import { resolveRegion } from "./createClient";
import { mapServiceError } from "./mapServiceError";

/** Largest `PageSize` ListAddressListImportJobs accepts (the model's `PageSize` range is 1–50). */
export const MAX_PAGE_SIZE = 50;

/** Pages read before giving up: 500,000 jobs at 50 per page, far beyond any real list. */
export const DEFAULT_MAX_PAGES = 10_000;

export interface ListImportJobPagesInput {
  /** Client to call, e.g. from `createClient`; it is not destroyed here. */
  readonly client: MailManagerClient;
  /** Address list whose import jobs are listed. */
  readonly addressListId: string;
  /** Jobs per request, 1–50. @default 50 */
  readonly pageSize?: number;
  /** Pages read before failing with a `PaginationError` ("page-cap"). @default 10000 */
  readonly maxPages?: number;
  /** The client's region, when the caller has resolved it already (errors name it). @default the client's */
  readonly region?: string;
  /** Cancels the request in flight and ends the walk with its error. @default none */
  readonly abortSignal?: AbortSignal;
}

/**
 * The one page iterator over ListAddressListImportJobs: yields each page's jobs until the service
 * returns no `NextToken`.
 *
 * - A `NextToken` seen before (repeated or cyclic) ends the walk with a `PaginationError`; the SDK
 *   paginator would loop forever on it and, even with `stopOnSameToken`, misses an A → B → A cycle
 *   (@smithy/core `createPaginator` compares each token with the previous one only).
 * - Past `maxPages` pages it fails the same way.
 * - A job already yielded is not yielded again (jobs can move between pages while jobs are created).
 * - Each request gets a fresh input object: the SDK paginator mutates the one it is given.
 * - A page without `ImportJobs` counts as empty (the SDK does not enforce the model's `required`).
 * - Service errors become the package's errors (`mapServiceError`).
 *
 * @example
 * for await (const jobs of listImportJobPages({ client, addressListId: "al-1", pageSize: 50 })) {
 *   console.log(jobs.length);
 * }
 */
export async function* listImportJobPages(
  input: ListImportJobPagesInput,
): AsyncGenerator<SdkImportJob[], void> {
  const { client, addressListId } = input;
  const pageSize = input.pageSize ?? MAX_PAGE_SIZE;
  const maxPages = input.maxPages ?? DEFAULT_MAX_PAGES;
  const region = input.region ?? (await resolveRegion(client));
  const seenTokens = new Set<string>();
  const seenJobIds = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (pages >= maxPages) {
      throw new PaginationError({ addressListId, region, fault: "page-cap", pages });
    }
    let output;
    try {
      output = await client.send(
        new ListAddressListImportJobsCommand({
          AddressListId: addressListId,
          PageSize: pageSize,
          ...(nextToken === undefined ? {} : { NextToken: nextToken }),
        }),
        input.abortSignal ? { abortSignal: input.abortSignal } : {},
      );
    } catch (error) {
      throw mapServiceError(error, { addressListId, region, maxAttempts: await client.config.maxAttempts() });
    }
    pages += 1;
    // "" ends the listing, as it does for the SDK paginator.
    nextToken = output.NextToken || undefined;
    if (nextToken !== undefined) {
      if (seenTokens.has(nextToken)) {
        throw new PaginationError({ addressListId, region, fault: "repeated-token", pages });
      }
      seenTokens.add(nextToken);
    }
    const fresh = (output.ImportJobs ?? []).filter((job) => {
      if (job.JobId === undefined) {
        return true;
      }
      if (seenJobIds.has(job.JobId)) {
        return false;
      }
      seenJobIds.add(job.JobId);
      return true;
    });
    yield fresh;
  } while (nextToken !== undefined);
}
