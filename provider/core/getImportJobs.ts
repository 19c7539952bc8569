import { GetAddressListImportJobCommand, type MailManagerClient } from "@aws-sdk/client-mailmanager";
import { ImportJobFailedError, InvalidArgumentError } from "./errors";
import { argumentFailure } from "./terms";
import { mapConcurrently } from "./mapConcurrently";
import { mapServiceError } from "./mapServiceError";
import { normalizeImportJob } from "./normalizeImportJob";
import type { ImportJob } from "./types";

/** GetAddressListImportJob requests in flight at once for one poll. */
export const GET_CONCURRENCY = 5;

export interface GetImportJobsInput {
  /** Client to call, e.g. from `createClient`; it is not destroyed here. */
  readonly client: MailManagerClient;
  /** Region the client calls, for the messages. */
  readonly region: string;
  /** Address list every job must belong to. */
  readonly addressListId: string;
  /** The jobs to read (duplicates are read once). */
  readonly jobIds: readonly string[];
  /**
   * Jobs read by earlier polls of the same wait, by id. A job here that the service no longer knows has
   * disappeared mid-wait (its address list was deleted); one that was never seen is a wrong id.
   * @default none
   */
  readonly seen?: ReadonlyMap<string, ImportJob>;
  /** Cancels the requests in flight. @default none */
  readonly abortSignal?: AbortSignal;
}

const errorName = (error: unknown): string =>
  typeof error === "object" && error !== null && typeof (error as { name?: unknown }).name === "string"
    ? (error as { name: string }).name
    : "";

/**
 * Reads the given import jobs with one `GetAddressListImportJob` each, at most {@link GET_CONCURRENCY}
 * at a time, in the order of the ids (each once): the waiter's poll with `jobIds`.
 *
 * - An id the service does not know, or a job of another address list, fails with an
 *   `InvalidArgumentError` naming every such id (a typo must not cost `maxWaitTime`).
 * - A job that an earlier poll saw (`seen`) and that is gone now fails with an `ImportJobFailedError`:
 *   it can never complete.
 * - Any other failure becomes the package's error for `GetAddressListImportJob` (`mapServiceError`).
 *
 * @example
 * const jobs = await getImportJobs({ client, region: "us-east-1", addressListId: "al-1", jobIds: ["job-1"] });
 */
export async function getImportJobs(input: GetImportJobsInput): Promise<ImportJob[]> {
  const { client, region, addressListId } = input;
  const ids = [...new Set(input.jobIds)];
  const read = await mapConcurrently(ids, GET_CONCURRENCY, async (jobId) => {
    try {
      const output = await client.send(
        new GetAddressListImportJobCommand({ JobId: jobId }),
        input.abortSignal ? { abortSignal: input.abortSignal } : {},
      );
      return { jobId, job: normalizeImportJob(output) };
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException") {
        return { jobId, job: undefined };
      }
      throw mapServiceError(error, {
        addressListId,
        region,
        maxAttempts: await client.config.maxAttempts(),
        operation: "GetAddressListImportJob",
      });
    }
  });
  const vanished = read.filter((r) => r.job === undefined && input.seen?.has(r.jobId));
  if (vanished.length > 0) {
    throw new ImportJobFailedError({
      addressListId,
      jobs: vanished.map((r) => input.seen!.get(r.jobId)!),
      reason:
        "no longer exist (GetAddressListImportJob answered ResourceNotFoundException; was the address list " +
        "deleted?), so they can never complete",
    });
  }
  const unknown = read.filter((r) => r.job === undefined).map((r) => r.jobId);
  const elsewhere = read.filter((r) => r.job !== undefined && r.job.addressListId !== addressListId);
  if (unknown.length > 0 || elsewhere.length > 0) {
    const parts = [
      ...(unknown.length > 0
        ? [
            `${unknown.join(", ")} ${unknown.length === 1 ? "is not an import job" : "are not import jobs"} ` +
              `in region ${region}`,
          ]
        : []),
      ...elsewhere.map((r) => `${r.jobId} belongs to address list \`${r.job!.addressListId}\``),
    ];
    throw new InvalidArgumentError([
      argumentFailure(
        "jobIds",
        (t) =>
          `Expected every ${t.argument("jobIds")} entry to be an import job of address list \`${addressListId}\` ` +
          `in region ${region}, but ${parts.join("; ")}. Check the ids, ${t.argument("addressListId")} and ` +
          `${t.argument("region")}.`,
      ),
    ]);
  }
  return read.map((r) => r.job!);
}
