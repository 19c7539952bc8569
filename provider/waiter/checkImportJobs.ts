import { acceptImportJobs, isFinished, type ImportJobsVerdict } from "./acceptImportJobs";
import { sortImportJobs } from "../core/sortImportJobs";
import { createClient, resolveRegion } from "../core/createClient";
import { fetchAddressListImportJobs } from "../core/fetchAddressListImportJobs";
import { getImportJobs } from "../core/getImportJobs";
import type { GetAddressListImportJobsArgs } from "../core/lookupTypes";
import type { ImportJob } from "../core/types";
import { SELECT_FILTER_KEYS } from "./validateWaitForImportJobsArgs";
import type { WaitForImportJobsArgs } from "./waiterTypes";

/** What one check needs: where the list is, which jobs, and the policy (the timing is the waiter's). Assumed valid. */
export type CheckImportJobsArgs = Omit<
  WaitForImportJobsArgs,
  "maxWaitTime" | "minDelay" | "maxDelay" | "sleep" | "now" | "onProgress"
>;

export interface ImportJobsCheck {
  readonly addressListId: string;
  readonly region: string;
  readonly verdict: ImportJobsVerdict;
}

/**
 * What the polls of one wait remember: with `jobIds`, each job as last read. A finished job cannot
 * change any more, so later polls do not read it again; a job that was seen and is gone has vanished.
 */
export interface ImportJobsPollMemory {
  readonly seen: Map<string, ImportJob>;
}

export const newPollMemory = (): ImportJobsPollMemory => ({ seen: new Map() });

/**
 * One poll of the waiter: read the jobs, select those to wait for, and ask the acceptor. With `jobIds`
 * a poll reads only the jobs not yet finished in `memory`, one request each; with `select`, every page
 * of the list, never from the lookup cache.
 *
 * @example
 * const { verdict } = await checkImportJobs({ addressListId: "al-1", select: "latest" });
 */
export async function checkImportJobs(
  args: CheckImportJobsArgs,
  memory: ImportJobsPollMemory = newPollMemory(),
): Promise<ImportJobsCheck> {
  const settings = {
    ...(args.region === undefined ? {} : { region: args.region }),
    ...(args.profile === undefined ? {} : { profile: args.profile }),
    ...(args.endpoint === undefined ? {} : { endpoint: args.endpoint }),
    ...(args.maxAttempts === undefined ? {} : { maxAttempts: args.maxAttempts }),
  };
  const policy = {
    allowStopped: args.allowStopped,
    maxFailedItems: args.maxFailedItems,
    minImportedItems: args.minImportedItems,
  };
  if (args.jobIds !== undefined) {
    const client = createClient(settings);
    try {
      const region = await resolveRegion(client);
      const ids = [...new Set(args.jobIds)];
      const pending = ids.filter((id) => !isFinished(memory.seen.get(id)?.status));
      const fresh = await getImportJobs({
        client,
        region,
        addressListId: args.addressListId,
        jobIds: pending,
        seen: memory.seen,
        ...(args.abortSignal ? { abortSignal: args.abortSignal } : {}),
      });
      for (const job of fresh) {
        memory.seen.set(job.jobId, job);
      }
      const selected = sortImportJobs(ids.map((id) => memory.seen.get(id)!));
      return { addressListId: args.addressListId, region, verdict: acceptImportJobs(selected, policy) };
    } finally {
      client.destroy();
    }
  }
  const filters: Record<string, unknown> = {};
  for (const key of SELECT_FILTER_KEYS) {
    if (args[key] !== undefined) {
      filters[key] = args[key];
    }
  }
  const lookup: GetAddressListImportJobsArgs = {
    addressListId: args.addressListId,
    ...settings,
    ...(args.pageSize === undefined ? {} : { pageSize: args.pageSize }),
    ...filters,
    cache: false,
  };
  const result = await fetchAddressListImportJobs(
    lookup,
    args.abortSignal ? { abortSignal: args.abortSignal } : {},
  );
  const selected =
    (args.select ?? "latest") === "all"
      ? result.importJobs
      : result.latest === undefined
        ? []
        : [result.latest];
  return {
    addressListId: result.addressListId,
    region: result.region,
    verdict: acceptImportJobs(selected, policy),
  };
}
