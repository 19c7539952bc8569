import { randomUUID } from "node:crypto";
import { Command, Option } from "commander";
import {
  IMPORT_DATA_TYPES,
  importAddresses,
  isAddressImportAbortedError,
  validateImportAddressesArgs,
  type ImportAddressesArgs,
  type ImportAddressesResult,
  type ImportDataType,
  type WaitProgress,
} from "../client";
import { EXIT_CODES_HELP } from "./exitCodes";
import { addClientOptions, clientArgsOf, failOnInvalid, given, type ClientFlags } from "./lookupOptions";
import { onInterrupt } from "./onInterrupt";
import { parseChoice } from "./parseFlagValues";
import { terminalStyle, type OutputStream } from "./terminalStyle";
import { createUploadView } from "./uploadView";
import { addWaitPolicyOptions, waitPolicyArgsOf, type WaitPolicyFlags } from "./waitPolicyOptions";
import { createWaitView, describeSuccess, type WaitView } from "./waitView";

/** The formats of `import --output`. */
const IMPORT_FORMATS = ["text", "json"] as const;

const IMPORT_EXAMPLES = `
Examples:
  # Import a CSV file and wait until it has completed without a single bad address
  $ mailmanager-import-jobs import --address-list-id al-123456789abc --file members.csv --max-failed-items 0

  # Safe to rerun: the same --client-token finds the first run's job instead of importing twice
  $ mailmanager-import-jobs import --address-list-id al-123456789abc --file members.json \\
      --client-token "members-$(date -u +%F)" --output json

  # Upload and start only; wait for it in a later step
  $ mailmanager-import-jobs import --address-list-id al-123456789abc --file members.csv --no-wait --output json

Without --client-token every run is a new import job, even of the same file. With --client-token, a
rerun (after a crash, a cancelled CI step, Ctrl-C) finds the job of the first run with that token and the
same --name and format: it uploads and starts it if it is still CREATED, otherwise only waits for it, so
nothing is imported twice. An interrupted run prints the --client-token (and job id) that resumes it.

The file is streamed as it is: CSV with an "address" header line, or JSON {"items": [{"address": ...}]};
the service judges it (a file it rejects fails the job: exit 2). Progress goes to stderr: the upload,
then the wait, on a live line on a terminal, as timestamped lines otherwise. On success stdout gets one
line, or with --output json the result of importAddresses (jobId, status, job with its counts,
contentSha256, clientToken, ...). No address and no pre-signed URL is ever printed.

${EXIT_CODES_HELP}
`;

interface ImportFlags extends ClientFlags, WaitPolicyFlags {
  readonly file: string;
  readonly format?: ImportDataType;
  readonly name?: string;
  readonly clientToken?: string;
  readonly jobId?: string;
  /** False with --no-wait. */
  readonly wait: boolean;
  readonly output?: (typeof IMPORT_FORMATS)[number];
}

/** The importer's arguments from the flags; flags not given are left out (the library's defaults apply). */
function importArgsOf(flags: ImportFlags): ImportAddressesArgs {
  return {
    ...clientArgsOf(flags),
    ...given([
      ["file", flags.file],
      ["format", flags.format],
      ["name", flags.name],
      ["clientToken", flags.clientToken],
      ["jobId", flags.jobId],
      ["wait", flags.wait ? undefined : false],
    ] as const),
    ...waitPolicyArgsOf(flags),
  } as ImportAddressesArgs;
}

/** What an interrupted import had got to. */
interface ImportState {
  readonly addressListId: string;
  readonly file: string;
  /** The token this run sends (the user's, or one of its own); absent with --job-id. */
  readonly clientToken?: string;
  jobId?: string;
  /** When the wait began, in ms since the epoch; absent before. */
  waitStarted?: number;
}

/**
 * The one line printed when a signal ends `import`: what was cut short, what the job is left as, and the
 * flag that resumes it. `error` is how the cancelled import ended (undefined if it did not in time).
 */
function interruptedLine(state: ImportState, error: unknown): string {
  const aborted = isAddressImportAbortedError(error) ? error : undefined;
  const jobId = state.jobId ?? aborted?.jobId;
  const resume =
    state.clientToken !== undefined ? `--client-token ${state.clientToken}` : `--job-id ${state.jobId}`;
  const job = `import job ${jobId} of address list ${state.addressListId}`;
  if (state.waitStarted !== undefined) {
    return (
      `interrupted after ${Math.round((Date.now() - state.waitStarted) / 1000)}s of waiting for ${job}; ` +
      `the job keeps running in Mail Manager: to wait for it again, run the same command with ${resume} ` +
      "(the file is not uploaded again)"
    );
  }
  if (jobId === undefined) {
    return (
      `interrupted while creating the import job of ${state.file} for address list ${state.addressListId}; ` +
      `if it was created, running the same command with ${resume} picks it up instead of creating another`
    );
  }
  return aborted?.step === "start"
    ? `interrupted while starting ${job}; run the same command with ${resume} to make sure it starts ` +
        "(nothing is imported twice)"
    : `interrupted while uploading ${state.file}: ${job} stays CREATED; run the same command with ${resume} ` +
        "to upload and start it";
}

/** The one line `import` prints on success without --output json. */
function describeImport(result: ImportAddressesResult, maxWaitTime: number): string {
  if (result.waited) {
    return describeSuccess({
      addressListId: result.addressListId,
      region: result.region,
      importJobs: [result.job],
      polls: result.polls,
      waitedSeconds: result.waitedSeconds,
      maxWaitTime,
    });
  }
  return (
    `import job ${result.jobId} of address list ${result.addressListId} is ${result.status} (not waited for: ` +
    `--no-wait); mailmanager-import-jobs wait --address-list-id ${result.addressListId} --job-id ${result.jobId} ` +
    "waits for it"
  );
}

/**
 * `mailmanager-import-jobs import`: imports a file of addresses into an address list with
 * `importAddresses` (create the job, stream the file to its pre-signed URL, start it, wait), with the
 * progress of the upload and then of the wait on `stderr`; exits as `wait` does (see
 * {@link EXIT_CODES_HELP}). SIGINT and SIGTERM cancel it through the importer's `abortSignal` and print
 * the flag that resumes the job.
 *
 * @example
 * program.addCommand(importCommand(process.stdout, process.stderr));
 */
export function importCommand(stdout: OutputStream, stderr: OutputStream): Command {
  const command = new Command("import").description(
    "Import a CSV or JSON file of addresses into an address list: upload it, start the job and wait for it.",
  );
  addClientOptions(command, "address list to import into, e.g. al-123456789abc")
    .requiredOption("--file <path>", "file of addresses to upload: .csv (with an address header) or .json")
    .addOption(
      new Option("--format <format>", "csv or json (default: from the file's extension)").argParser(
        parseChoice(IMPORT_DATA_TYPES),
      ),
    )
    .option("--name <name>", "name of the import job (default: the file's name without its extension)")
    .option(
      "--client-token <token>",
      "idempotency token, 1-128 characters: a rerun with the same token finds this run's job instead of " +
        "importing twice (default: a new token per run, so every run is a new import)",
    )
    .option(
      "--job-id <id>",
      "resume this import job (e.g. one a failed upload left CREATED) instead of creating one",
    )
    .option("--no-wait", "upload and start the job, then exit without waiting for it");
  addWaitPolicyOptions(command)
    .addOption(
      new Option("--output <format>", "what stdout gets on success (default: text)").choices(IMPORT_FORMATS),
    )
    .addHelpText("after", IMPORT_EXAMPLES)
    .action(async (flags: ImportFlags) => {
      const args = importArgsOf(flags);
      failOnInvalid(command, validateImportAddressesArgs(args));
      // A token of its own when none was given (as the importer would make one), so that an interrupted
      // run can name the token that resumes it.
      const clientToken = args.jobId === undefined ? (args.clientToken ?? randomUUID()) : undefined;
      const state: ImportState = {
        addressListId: args.addressListId,
        file: flags.file,
        ...(clientToken === undefined ? {} : { clientToken }),
        ...(args.jobId === undefined ? {} : { jobId: args.jobId }),
      };
      const style = terminalStyle(stderr);
      const upload = createUploadView(stderr, style, flags.file, args.addressListId);
      let wait: WaitView | undefined;
      const onProgress = (progress: WaitProgress): void => {
        if (wait === undefined) {
          state.jobId = progress.jobs[0]?.jobId ?? state.jobId;
          state.waitStarted = Date.now();
          upload.finish(state.jobId ?? "");
          wait = createWaitView(stderr, style, flags.maxWait, args.addressListId);
        }
        wait.update(progress);
      };
      const stopViews = (): void => {
        upload.stop();
        wait?.stop();
      };
      const controller = new AbortController();
      const running = importAddresses({
        ...args,
        ...(clientToken === undefined ? {} : { clientToken }),
        abortSignal: controller.signal,
        onUpload: upload.update,
        onProgress,
      });
      const forget = onInterrupt(async (deadline) => {
        controller.abort();
        stopViews();
        // The importer ends at once, naming the job its upload or start leaves behind.
        const ended = running.then(
          () => undefined,
          (error: unknown) => error,
        );
        return interruptedLine(state, await Promise.race([ended, deadline]));
      });
      try {
        const result = await running;
        upload.finish(result.jobId);
        stopViews();
        stdout.write(
          flags.output === "json"
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${describeImport(result, flags.maxWait)}\n`,
        );
      } finally {
        stopViews();
        forget();
      }
    });
  return command;
}
