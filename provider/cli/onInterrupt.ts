import { EXIT_CODES } from "./exitCodes";
import type { OutputStream } from "./terminalStyle";

/** What runs before the bin exits on Ctrl-C: e.g. clear the live status line, say what was cut short. */
type InterruptHook = () => string | undefined;

const hooks = new Set<InterruptHook>();

/**
 * Registers `hook` to run on Ctrl-C; returns a function that removes it. The last registered hook that
 * returns text supplies the one line printed.
 *
 * @example
 * const done = onInterrupt(() => { view.stop(); return "interrupted while waiting"; });
 */
export function onInterrupt(hook: InterruptHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/**
 * Makes Ctrl-C (SIGINT) end the bin at once with exit code 130 and one line on `stderr`, no stack.
 * Nothing needs cancelling on the service side: listing and waiting only read, and the import jobs
 * keep running in Mail Manager whatever happens here.
 *
 * @example
 * handleInterrupts(process.stderr);
 */
export function handleInterrupts(stderr: OutputStream): void {
  process.once("SIGINT", () => {
    let line = "interrupted";
    for (const hook of hooks) {
      line = hook() ?? line;
    }
    stderr.write(`${line}\n`);
    process.exit(EXIT_CODES.interrupted);
  });
}
