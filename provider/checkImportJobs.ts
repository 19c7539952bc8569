import { acceptImportJobs, type ImportJobsVerdict } from "./acceptImportJobs";
import { InvalidArgumentError } from "./errors";
import { fetchAddressListImportJobs } from "./fetchAddressListImportJobs";
import type { GetAddressListImportJobsArgs } from "./getAddressListImportJobs";
import type { ImportJob } from "./types";
import { SELECT_FILTER_KEYS } from "./validateWaitForImportJobsArgs";
import type { WaitForImportJobsArgs } from "./waitForImportJobs";

/** What one check needs: where the list is, which jobs, and the policy (the timing is the waiter's). Assumed valid. */
export type CheckImportJobsArgs = Omit<
  WaitForImportJobsArgs,
  "maxWaitTime" | "minDelay" | "maxDelay" | "sleep" | "now" | "onProgress"
>;

/** One check's result. */
export interface ImportJobsCheck {
  /** Address list that was read. */
  readonly addressListId: string;
  /** Region that was read. */
  readonly region: string;
  /** The acceptor's verdict on the selected jobs. */
  readonly verdict: ImportJobsVerdict;
}

/**
 * One poll of the waiter: read every job of the list (never from the lookup cache), select the jobs
 * to wait for, and ask the acceptor. Explicit `jobIds` that the list does not hold fail at once with an
 * `InvalidArgumentError`: a typo should not cost `maxWaitTime`.
 *
 * @example
 * const { verdict } = await checkImportJobs({ addressListId: "al-1", select: "latest" });
 */
export async function checkImportJobs(args: CheckImportJobsArgs): Promise<ImportJobsCheck> {
  const lookup: GetAddressListImportJobsArgs = {
    addressListId: args.addressListId,
    ...(args.region === undefined ? {} : { region: args.region }),
    ...(args.profile === undefined ? {} : { profile: args.profile }),
    ...(args.endpoint === undefined ? {} : { endpoint: args.endpoint }),
    ...(args.pageSize === undefined ? {} : { pageSize: args.pageSize }),
    ...(args.maxAttempts === undefined ? {} : { maxAttempts: args.maxAttempts }),
    cache: false,
  };
  let selected: ImportJob[];
  let result;
  if (args.jobIds !== undefined) {
    result = await fetchAddressListImportJobs(lookup);
    const byId = new Map(result.importJobs.map((job) => [job.jobId, job]));
    const missing = [...new Set(args.jobIds)].filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new InvalidArgumentError([
        {
          property: "jobIds",
          reason:
            `Expected every \`jobIds\` entry to be an import job of address list \`${result.addressListId}\` in ` +
            `region ${result.region}, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not ` +
            `among its ${result.importJobs.length} job${result.importJobs.length === 1 ? "" : "s"}. ` +
            "Check the ids, `addressListId` and `region`.",
        },
      ]);
    }
    // The package's order (creation time, then id), whatever order the ids were given in.
    selected = result.importJobs.filter((job) => args.jobIds?.includes(job.jobId));
  } else {
    const filters: Record<string, unknown> = {};
    for (const key of SELECT_FILTER_KEYS) {
      if (args[key] !== undefined) {
        filters[key] = args[key];
      }
    }
    result = await fetchAddressListImportJobs({ ...lookup, ...filters });
    selected =
      (args.select ?? "latest") === "all"
        ? result.importJobs
        : result.latest === undefined
          ? []
          : [result.latest];
  }
  return {
    addressListId: result.addressListId,
    region: result.region,
    verdict: acceptImportJobs(selected, {
      allowStopped: args.allowStopped,
      maxFailedItems: args.maxFailedItems,
      minImportedItems: args.minImportedItems,
    }),
  };
}
