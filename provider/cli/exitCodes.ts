import { isImportJobFailedError, isWaitTimeoutError } from "../client";

/**
 * The bin's exit codes, distinct so that a pipeline can tell "the import is bad" from "it is late"
 * from "the step itself is broken". Their meanings are in EXIT_CODES_HELP and the README.
 */
export const EXIT_CODES = {
  ok: 0,
  error: 1,
  failed: 2,
  timedOut: 3,
  /** Ctrl-C (SIGINT): the shell's 128 + 2. */
  interrupted: 130,
  /** The reader of stdout or stderr closed it: 128 + SIGPIPE (13), as a shell reports `ls | head`. */
  closedOutput: 141,
  /** SIGTERM (a CI runner cancelling a step, `kill`): 128 + 15. */
  terminated: 143,
} as const;

/** The exit-code paragraph of `--help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0    done: the list was printed, or every awaited (or imported) job finished within the policy
  1    usage error (nothing was requested) or service error (not found, access denied, throttled, network)
  2    a job FAILED, was STOPPED (without --allow-stopped) or broke --max-failed-items/--min-imported-items
  3    timed out: jobs still running at --max-wait
  130  interrupted (Ctrl-C); import prints the --client-token that resumes it
  141  stdout or stderr was closed by its reader (e.g. | head): the command ends quietly, as ls does
  143  terminated (SIGTERM), as 130`;

/**
 * The exit code for an error that ended a command: the waiter's verdicts get their own, anything else 1.
 *
 * @example
 * process.exitCode = exitCodeOf(error); // 3 for a WaitTimeoutError
 */
export function exitCodeOf(error: unknown): number {
  if (isImportJobFailedError(error)) return EXIT_CODES.failed;
  if (isWaitTimeoutError(error)) return EXIT_CODES.timedOut;
  return EXIT_CODES.error;
}
