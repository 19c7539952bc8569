/**
 * The flag of each argument of `getAddressListImportJobs` / `waitForImportJobs`. The bin checks its
 * flags with the library's own validators (one definition of each rule) and rewrites the argument
 * names in their messages into these flags, so that the user reads the name they typed.
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
};

/**
 * A validator's message with each `` `argumentName` `` (or `` `name[i]` ``) replaced by its flag.
 *
 * @example
 * inFlagTerms("Expected `pageSize` to be an integer from 1 to 50, got 0.");
 * // → "Expected --page-size to be an integer from 1 to 50, got 0."
 */
export function inFlagTerms(message: string): string {
  return message.replace(/`([A-Za-z]+)(\[\d+\])?`/g, (whole, name: string) => FLAG_OF[name] ?? whole);
}
