import { Option, type Command } from "commander";
import {
  IMPORT_DATA_TYPES,
  IMPORT_JOB_STATUSES,
  SORT_ORDERS,
  type ArgumentFailure,
  type GetAddressListImportJobsArgs,
} from "../client";
import { DEFAULT_MAX_ATTEMPTS } from "../core/createClient";
import { MAX_PAGE_SIZE } from "../core/listImportJobPages";
import { MAX_ATTEMPTS_LIMIT } from "../core/validateArgs";
import { describeFailure } from "../core/terms";
import { CLI_TERMS } from "./flagNames";
import { parseInteger, parseWordList } from "./parseFlagValues";

/** The client settings every command takes, as commander hands them to an action. */
export interface ClientFlags {
  readonly addressListId: string;
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly maxAttempts?: number;
}

/** The flags `list` and `wait` share. */
export interface LookupFlags extends ClientFlags {
  readonly pageSize?: number;
  readonly status?: GetAddressListImportJobsArgs["statuses"];
  readonly type?: GetAddressListImportJobsArgs["importDataType"];
  readonly nameRegex?: string;
  readonly createdAfter?: string;
  readonly createdBefore?: string;
  readonly sort?: GetAddressListImportJobsArgs["sortOrder"];
  readonly limit?: number;
}

/**
 * Adds where the list is (`--address-list-id`, `--region`, `--profile`, `--endpoint`) and how often a
 * request is tried (`--max-attempts`): the client settings every command takes. `listHelp` says what
 * the command does with the list.
 *
 * @example
 * addClientOptions(new Command("import"), "address list to import into, e.g. al-123456789abc");
 */
export function addClientOptions(command: Command, listHelp: string): Command {
  return command
    .requiredOption("--address-list-id <id>", listHelp)
    .option(
      "--region <region>",
      "AWS region of the list (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's)",
    )
    .option("--profile <name>", "shared-config profile for credentials and region (default: the SDK's chain)")
    .option("--endpoint <url>", "endpoint URL, e.g. a local emulator (default: AWS_ENDPOINT_URL_MAILMANAGER)")
    .option(
      "--max-attempts <n>",
      `attempts per request, retries included, 1-${MAX_ATTEMPTS_LIMIT} (default: ${DEFAULT_MAX_ATTEMPTS})`,
      parseInteger,
    );
}

/**
 * Adds the client settings and how the list's jobs are read (`--page-size`).
 *
 * @example
 * addLookupOptions(new Command("list"));
 */
export function addLookupOptions(command: Command): Command {
  return addClientOptions(command, "address list whose import jobs are read, e.g. al-123456789abc").option(
    "--page-size <n>",
    `jobs per request, 1-${MAX_PAGE_SIZE} (default: ${MAX_PAGE_SIZE})`,
    parseInteger,
  );
}

/**
 * Adds the filters, order and limit of `getAddressListImportJobs`.
 *
 * @example
 * addFilterOptions(addLookupOptions(new Command("list")));
 */
export function addFilterOptions(command: Command, what = "list"): Command {
  return command
    .option(
      "--status <statuses>",
      `${what} only jobs in these statuses, comma-separated or repeated: ${IMPORT_JOB_STATUSES.join(", ")}`,
      parseWordList(IMPORT_JOB_STATUSES),
    )
    .addOption(
      new Option("--type <type>", `${what} only jobs importing this format`).choices(IMPORT_DATA_TYPES),
    )
    .option("--name-regex <regex>", `${what} only jobs whose name matches (JavaScript regex, anywhere)`)
    .option(
      "--created-after <iso>",
      `${what} only jobs created at or after, e.g. 2024-05-01 or 2024-05-01T12:00:00Z`,
    )
    .option("--created-before <iso>", `${what} only jobs created strictly before`)
    .addOption(
      new Option("--sort <order>", "order by creation time, then job id (default: ascending)").choices(
        SORT_ORDERS,
      ),
    )
    .option("--limit <n>", "the first N jobs after filtering and sorting", parseInteger);
}

/**
 * The given (not undefined) values among `entries`, as an object: a flag not given is left out, so the
 * library's default applies.
 *
 * @example
 * given([["limit", 5], ["sortOrder", undefined]] as const); // { limit: 5 }
 */
export function given<K extends string>(
  entries: readonly (readonly [K, unknown])[],
): Partial<Record<K, unknown>> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as Partial<
    Record<K, unknown>
  >;
}

/**
 * The library's client arguments (list, region, profile, endpoint, attempts) of the flags; flags not
 * given are left out (the library's defaults apply).
 *
 * @example
 * const args = { ...clientArgsOf(flags), file: flags.file };
 */
export function clientArgsOf(
  flags: ClientFlags,
): Pick<GetAddressListImportJobsArgs, "addressListId" | "region" | "profile" | "endpoint" | "maxAttempts"> {
  return given([
    ["addressListId", flags.addressListId],
    ["region", flags.region],
    ["profile", flags.profile],
    ["endpoint", flags.endpoint],
    ["maxAttempts", flags.maxAttempts],
  ] as const) as ReturnType<typeof clientArgsOf>;
}

/**
 * The library arguments of the flags `list` and `wait` share; flags not given are left out (the
 * library's defaults apply).
 *
 * @example
 * const args = lookupArgsOf(command.opts<LookupFlags>());
 */
export function lookupArgsOf(flags: LookupFlags): GetAddressListImportJobsArgs {
  return {
    ...clientArgsOf(flags),
    ...given([
      ["pageSize", flags.pageSize],
      ["statuses", flags.status],
      ["importDataType", flags.type],
      ["nameRegex", flags.nameRegex],
      ["createdAfter", flags.createdAfter],
      ["createdBefore", flags.createdBefore],
      ["sortOrder", flags.sort],
      ["limit", flags.limit],
    ] as const),
  } as GetAddressListImportJobsArgs;
}

/**
 * Ends the command with one line naming each bad flag and what is allowed (exit 1), before any
 * request, when the library's validator found failures.
 *
 * @example
 * failOnInvalid(command, validateArgs(args));
 */
export function failOnInvalid(command: Command, failures: readonly ArgumentFailure[]): void {
  if (failures.length > 0) {
    command.error(`error: ${failures.map((failure) => describeFailure(failure, CLI_TERMS)).join(" ")}`, {
      code: "mailmanager-import-jobs.invalidFlag",
    });
  }
}
