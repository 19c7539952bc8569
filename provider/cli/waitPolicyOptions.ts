import type { Command } from "commander";
import type { WaitForImportJobsArgs } from "../client";
import {
  DEFAULT_MAX_DELAY,
  DEFAULT_MAX_WAIT_TIME,
  DEFAULT_MIN_DELAY,
} from "../waiter/validateWaitForImportJobsArgs";
import { given } from "./lookupOptions";
import { parseDuration, parseInteger } from "./parseFlagValues";

/** The wait policy and timing flags, as commander hands them to an action. */
export interface WaitPolicyFlags {
  readonly allowStopped?: boolean;
  readonly maxFailedItems?: number;
  readonly minImportedItems?: number;
  /** Always set: commander fills in the default, which the progress display shows. */
  readonly maxWait: number;
  readonly minDelay?: number;
  readonly maxDelay?: number;
}

/** The waiter's policy and timing arguments, which `importAddresses` takes too. */
export type WaitPolicyArgs = Pick<
  WaitForImportJobsArgs,
  "allowStopped" | "maxFailedItems" | "minImportedItems" | "maxWaitTime" | "minDelay" | "maxDelay"
>;

/**
 * Adds how long and how often to poll, and what a finished job must meet (`wait` and `import`).
 *
 * @example
 * addWaitPolicyOptions(new Command("wait"));
 */
export function addWaitPolicyOptions(command: Command): Command {
  return command
    .option(
      "--max-wait <duration>",
      "longest wait: seconds, or 90s, 15m, 1h",
      parseDuration,
      DEFAULT_MAX_WAIT_TIME,
    )
    .option(
      "--min-delay <duration>",
      `first delay between polls, doubling (default: ${DEFAULT_MIN_DELAY}s)`,
      parseDuration,
    )
    .option(
      "--max-delay <duration>",
      `longest delay between polls (default: ${DEFAULT_MAX_DELAY}s)`,
      parseDuration,
    )
    .option("--max-failed-items <n>", "fail when a finished job has more failed items, e.g. 0", parseInteger)
    .option("--min-imported-items <n>", "fail when a finished job imported fewer items, e.g. 1", parseInteger)
    .option("--allow-stopped", "accept STOPPED jobs (otherwise they fail like FAILED ones)");
}

/**
 * The waiter's policy arguments of the flags; flags not given are left out (the library's defaults apply).
 *
 * @example
 * const args = { ...lookupArgsOf(flags), ...waitPolicyArgsOf(flags) };
 */
export function waitPolicyArgsOf(flags: WaitPolicyFlags): WaitPolicyArgs {
  return given([
    ["allowStopped", flags.allowStopped],
    ["maxFailedItems", flags.maxFailedItems],
    ["minImportedItems", flags.minImportedItems],
    ["maxWaitTime", flags.maxWait],
    ["minDelay", flags.minDelay],
    ["maxDelay", flags.maxDelay],
  ] as const) as WaitPolicyArgs;
}
