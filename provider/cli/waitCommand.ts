import { Command, Option } from "commander";
import { validateWaitForImportJobsArgs, waitForImportJobs, type WaitForImportJobsArgs } from "../client";
import { EXIT_CODES_HELP } from "./exitCodes";
import {
  addFilterOptions,
  addLookupOptions,
  failOnInvalid,
  given,
  lookupArgsOf,
  type LookupFlags,
} from "./lookupOptions";
import { onInterrupt } from "./onInterrupt";
import { terminalStyle, type OutputStream } from "./terminalStyle";
import { createWaitView, describeSuccess } from "./waitView";
import { addWaitPolicyOptions, waitPolicyArgsOf, type WaitPolicyFlags } from "./waitPolicyOptions";

/** The formats of `wait --output`. */
const WAIT_FORMATS = ["text", "json"] as const;

const WAIT_EXAMPLES = `
Examples:
  # Before a deploy: the newest import of the list must have completed, without a single bad address
  $ mailmanager-import-jobs wait --address-list-id al-123456789abc --latest --max-failed-items 0 --max-wait 15m

  # The job a previous step started (its id from create-address-list-import-job)
  $ mailmanager-import-jobs wait --address-list-id al-123456789abc --job-id "$JOB_ID" --min-imported-items 1

  # Every CSV import created since midnight, accepting stopped ones, result as JSON
  $ mailmanager-import-jobs wait --address-list-id al-123456789abc --all --type CSV \\
      --created-after "$(date -u +%F)" --allow-stopped --output json

Which jobs: --job-id (one or more), or --latest (the default) / --all with the filters.
Polls at once, then after --min-delay doubling up to --max-delay, and once more just before --max-wait.
Progress goes to stderr: a live status line on a terminal, timestamped lines otherwise (CI logs).
On success stdout gets one line, or with --output json the result of waitForImportJobs.

${EXIT_CODES_HELP}
`;

interface WaitFlags extends LookupFlags, WaitPolicyFlags {
  readonly jobId?: string[];
  readonly latest?: boolean;
  readonly all?: boolean;
  readonly output?: (typeof WAIT_FORMATS)[number];
}

/** The waiter's arguments from the flags; flags not given are left out (the library's defaults apply). */
function waitArgsOf(flags: WaitFlags): WaitForImportJobsArgs {
  return {
    ...lookupArgsOf(flags),
    ...given([
      ["jobIds", flags.jobId],
      ["select", flags.all ? "all" : flags.latest ? "latest" : undefined],
    ] as const),
    ...waitPolicyArgsOf(flags),
  } as WaitForImportJobsArgs;
}

/**
 * `mailmanager-import-jobs wait`: waits until the selected import jobs have finished, with live
 * progress on `stderr`; exits 0 when they completed within the policy, 2 when one failed or broke a
 * limit, 3 at the deadline (see {@link EXIT_CODES_HELP}).
 *
 * @example
 * program.addCommand(waitCommand(process.stdout, process.stderr));
 */
export function waitCommand(stdout: OutputStream, stderr: OutputStream): Command {
  const command = new Command("wait").description(
    "Wait until import jobs of an address list have finished; fail on a failed job or a broken limit.",
  );
  addLookupOptions(command)
    .addOption(
      new Option("--job-id <ids...>", "wait for exactly these jobs (repeat or list several)").conflicts([
        "latest",
        "all",
      ]),
    )
    .addOption(
      new Option("--latest", "wait for the newest job that passes the filters (default)").conflicts("all"),
    )
    .option("--all", "wait for every job that passes the filters");
  addWaitPolicyOptions(addFilterOptions(command, "select"))
    .addOption(
      new Option("--output <format>", "what stdout gets on success (default: text)").choices(WAIT_FORMATS),
    )
    .addHelpText("after", WAIT_EXAMPLES)
    .action(async (flags: WaitFlags) => {
      const args = waitArgsOf(flags);
      failOnInvalid(command, validateWaitForImportJobsArgs(args));
      const style = terminalStyle(stderr);
      const view = createWaitView(stderr, style, flags.maxWait, args.addressListId);
      const started = Date.now();
      const forget = onInterrupt(() => {
        view.stop();
        return (
          `interrupted after ${Math.round((Date.now() - started) / 1000)}s of waiting for the import jobs of ` +
          `address list ${args.addressListId}; the jobs themselves keep running in Mail Manager`
        );
      });
      try {
        const result = await waitForImportJobs({ ...args, onProgress: view.update });
        view.stop();
        stdout.write(
          flags.output === "json"
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${describeSuccess({ ...result, maxWaitTime: flags.maxWait })}\n`,
        );
      } finally {
        view.stop();
        forget();
      }
    });
  return command;
}
