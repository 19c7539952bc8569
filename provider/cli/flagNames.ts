import type { Terms } from "../core/terms";

/**
 * The flag of each argument of `getAddressListImportJobs` / `waitForImportJobs` / `importAddresses`. The bin checks its
 * flags with the library's own validators, whose messages name each argument through {@link CLI_TERMS}.
 */
export const FLAG_OF: Readonly<Record<string, string>> = {
  addressListId: "--address-list-id",
  region: "--region",
  profile: "--profile",
  endpoint: "--endpoint",
  pageSize: "--page-size",
  maxAttempts: "--max-attempts",
  statuses: "--status",
  importDataType: "--type",
  nameRegex: "--name-regex",
  createdAfter: "--created-after",
  createdBefore: "--created-before",
  sortOrder: "--sort",
  limit: "--limit",
  jobIds: "--job-id",
  select: "--latest/--all",
  allowStopped: "--allow-stopped",
  maxFailedItems: "--max-failed-items",
  minImportedItems: "--min-imported-items",
  maxWaitTime: "--max-wait",
  minDelay: "--min-delay",
  maxDelay: "--max-delay",
  file: "--file",
  format: "--format",
  name: "--name",
  clientToken: "--client-token",
  jobId: "--job-id",
  wait: "--no-wait",
};

/** How the command line names what its user sets: flags, and the SDK's environment. */
export const CLI_TERMS: Terms = {
  argument: (name) => FLAG_OF[name.replace(/\[\d+\]$/, "")] ?? `\`${name}\``,
  region: "--region (or AWS_REGION)",
  profile: "--profile (or AWS_PROFILE)",
};
