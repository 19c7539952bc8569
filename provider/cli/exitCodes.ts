import { isImportJobFailedError, isWaitTimeoutError } from "../client";

/**
 * The bin's exit codes, distinct so that a pipeline can tell "the import is bad" from "it is late"
 * from "the step itself is broken". Documented in `--help` and the README.
 */
export const EXIT_CODES = {
  /** The command did what was asked: the list was printed, or every awaited job finished within the policy. */
  ok: 0,
  /** Usage error (a bad flag, before any request) or a service error (not found, access denied, throttled, network). */
  error: 1,
  /** `wait`: a job FAILED, was STOPPED (without --allow-stopped) or broke --max-failed-items / --min-imported-items. */
  failed: 2,
  /** `wait`: jobs were still running at --max-wait. */
  timedOut: 3,
  /** Interrupted with Ctrl-C (SIGINT), the shell's 128 + 2. */
  interrupted: 130,
} as const;

/** The exit-code paragraph of `--help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0    done: the list was printed, or every awaited job finished within the policy
  1    usage error (nothing was requested) or service error (not found, access denied, throttled, network)
  2    a job FAILED, was STOPPED (without --allow-stopped) or broke --max-failed-items/--min-imported-items
  3    timed out: jobs still running at --max-wait
  130  interrupted (Ctrl-C)`;

/**
 * The exit code for an error that ended a command: the waiter's verdicts get their own codes, anything
 * else (the package's service errors, a job id the list does not hold) is 1.
 *
 * @example
 * process.exitCode = exitCodeOf(error); // 3 for a WaitTimeoutError
 */
export function exitCodeOf(error: unknown): number {
  if (isImportJobFailedError(error)) return EXIT_CODES.failed;
  if (isWaitTimeoutError(error)) return EXIT_CODES.timedOut;
  return EXIT_CODES.error;
}
