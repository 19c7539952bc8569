import { Command, Option } from "commander";
import { validateArgs } from "../client";
import { lookupImportJobs } from "../core/fetchAddressListImportJobs";
import { EXIT_CODES_HELP } from "./exitCodes";
import { formatCsv } from "./formatCsv";
import { formatTable } from "./formatTable";
import {
  addFilterOptions,
  addLookupOptions,
  failOnInvalid,
  lookupArgsOf,
  type LookupFlags,
} from "./lookupOptions";
import { terminalStyle, type OutputStream } from "./terminalStyle";

/** The formats of `list --output`. */
const LIST_FORMATS = ["table", "json", "csv"] as const;

const LIST_EXAMPLES = `
Examples:
  # What happened to the newsletter list's imports (a table on a terminal)
  $ mailmanager-import-jobs list --address-list-id al-123456789abc --region eu-west-1

  # Failed or stopped imports of May, newest first, as JSON for jq
  $ mailmanager-import-jobs list --address-list-id al-123456789abc --status FAILED,STOPPED \\
      --created-after 2024-05-01 --created-before 2024-06-01 --sort descending --output json | jq '.jobIds'

  # The last 10 CSV imports into a spreadsheet
  $ mailmanager-import-jobs list --address-list-id al-123456789abc --type CSV --sort descending \\
      --limit 10 --output csv > imports.csv

Output: a table on a terminal, JSON otherwise. --output json is exactly the result of
getAddressListImportJobs (sorted jobs, counts, totals, latest, fingerprint); NO_COLOR turns colours off.

${EXIT_CODES_HELP}
`;

interface ListFlags extends LookupFlags {
  readonly output?: (typeof LIST_FORMATS)[number];
}

/**
 * `mailmanager-import-jobs list`: every import job of an address list, filtered, sorted and
 * summarised by the library, printed as a table (terminal), JSON or CSV on `stdout`.
 *
 * @example
 * program.addCommand(listCommand(process.stdout));
 */
export function listCommand(stdout: OutputStream): Command {
  const command = new Command("list").description(
    "List the import jobs of an address list: every page, filtered, sorted and summarised.",
  );
  addFilterOptions(addLookupOptions(command));
  command
    .addOption(
      new Option("--output <format>", "output format (default: table on a terminal, json otherwise)").choices(
        LIST_FORMATS,
      ),
    )
    .addHelpText("after", LIST_EXAMPLES)
    .action(async (flags: ListFlags) => {
      // No cache: one lookup per process, and the library's cache would only hold memory.
      const args = { ...lookupArgsOf(flags), cache: false };
      failOnInvalid(command, validateArgs(args));
      const result = await lookupImportJobs(args); // validated just above
      const style = terminalStyle(stdout);
      const format = flags.output ?? (style.tty ? "table" : "json");
      stdout.write(
        format === "table"
          ? formatTable(result, style)
          : format === "csv"
            ? formatCsv(result)
            : `${JSON.stringify(result, null, 2)}\n`,
      );
    });
  return command;
}
