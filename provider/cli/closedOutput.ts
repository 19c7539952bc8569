import { EXIT_CODES } from "./exitCodes";

/**
 * Makes a reader that stops reading (`mailmanager-import-jobs list | head -n 1`) end the bin quietly,
 * with exit code 141, as SIGPIPE ends `ls` or `git log`: Node ignores SIGPIPE, so a write to the closed
 * pipe fails with EPIPE, which, unhandled, prints a stack and exits 1. Holds for stdout and stderr,
 * whichever is closed (the result, the progress lines, an error line). Any other write error (a full
 * disk) exits 1, named in one line on stderr when stdout failed (stdout stays for the result).
 *
 * @example
 * endQuietlyOnClosedOutput(process.stdout, process.stderr);
 */
export function endQuietlyOnClosedOutput(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): void {
  const onError = (stream: "stdout" | "stderr") => (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      process.exit(EXIT_CODES.closedOutput);
    }
    if (stream === "stdout") {
      stderr.write(`error: cannot write to stdout: ${error.code ?? error.message}\n`);
    }
    process.exit(EXIT_CODES.error);
  };
  stdout.on("error", onError("stdout"));
  stderr.on("error", onError("stderr"));
}
