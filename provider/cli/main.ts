#!/usr/bin/env node
// The `mailmanager-import-jobs` bin (also `npx pulumi-mailmanager-import-jobs`): `list`, `wait` and
// `import` on the Pulumi-free entry, for CI pipelines and operators. One concern per file in this
// folder; this one wires the commands, the signals, closed pipes and the exit codes.
import { Command } from "commander";
import { restateError } from "../core/terms";
import { EXIT_CODES_HELP, exitCodeOf } from "./exitCodes";
import { endQuietlyOnClosedOutput } from "./closedOutput";
import { CLI_TERMS } from "./flagNames";
import { importCommand } from "./importCommand";
import { listCommand } from "./listCommand";
import { handleInterrupts, stoppingOnSignal } from "./onInterrupt";
import { packageVersion } from "./packageVersion";
import { terminalStyle } from "./terminalStyle";
import { waitCommand } from "./waitCommand";

const EXAMPLES = `
Examples:
  $ mailmanager-import-jobs list --address-list-id al-123456789abc --region eu-west-1
  $ mailmanager-import-jobs wait --address-list-id al-123456789abc --latest --max-failed-items 0 --max-wait 15m
  $ mailmanager-import-jobs import --address-list-id al-123456789abc --file members.csv --client-token "$RUN_ID"
  $ mailmanager-import-jobs import --help

Credentials and region come from the AWS SDK's default chain (AWS_PROFILE, AWS_REGION, ...);
--endpoint (or AWS_ENDPOINT_URL_MAILMANAGER) points at another endpoint, e.g. the local emulator.

${EXIT_CODES_HELP}
`;

const stderrStyle = terminalStyle(process.stderr);
endQuietlyOnClosedOutput(process.stdout, process.stderr);
handleInterrupts(process.stderr);

const program = new Command("mailmanager-import-jobs")
  .description("List, wait for and run AWS SES Mail Manager address-list import jobs.")
  .version(packageVersion(), "-V, --version", "print the version")
  .helpOption("-h, --help", "show help")
  .showSuggestionAfterError()
  .addCommand(listCommand(process.stdout))
  .addCommand(waitCommand(process.stdout, process.stderr))
  .addCommand(importCommand(process.stdout, process.stderr))
  .addHelpText("after", EXAMPLES);

// Per command: commander does not pass output settings on to commands added with addCommand.
for (const command of [program, ...program.commands]) {
  command.configureOutput({
    // One line per usage error: commander puts its "(Did you mean …?)" on a line of its own.
    outputError: (text, write) =>
      write(
        text
          .replace(/\n\(Did you mean (.*)\?\)/, " (did you mean $1?)")
          .replace(/^(error: unknown (?:option|command) .*?)\n$/, "$1; see --help for what is allowed\n")
          .replace(/^error:/, stderrStyle.paint("red", "error:")),
      ),
  });
}

program.parseAsync(process.argv).catch((error: unknown) => {
  // The cancellation a signal caused: the signal's own line says what was cut short.
  if (stoppingOnSignal()) return;
  // The package's messages are one line that names the list, the job and the fix; a stack would only
  // bury it in a CI log.
  restateError(error, CLI_TERMS);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${stderrStyle.paint("red", "error:")} ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = exitCodeOf(error);
});
