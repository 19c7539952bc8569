import { EXIT_CODES } from "./exitCodes";
import type { OutputStream } from "./terminalStyle";

/**
 * Longest wait, in ms, for hooks that answer later (an import cancelling its request in flight, to learn
 * which job it leaves behind); the bin exits within a second of the signal whatever they do.
 */
export const INTERRUPT_GRACE_MS = 600;

/**
 * What runs before the bin exits on SIGINT or SIGTERM: e.g. clear the live status line, cancel a request,
 * say what was cut short. It may answer later, but only until `deadline` resolves: after that its line is
 * not waited for.
 */
export type InterruptHook = (deadline: Promise<void>) => string | undefined | Promise<string | undefined>;

/** The signals that end the bin, each with its exit code. */
const SIGNAL_EXIT_CODES = { SIGINT: EXIT_CODES.interrupted, SIGTERM: EXIT_CODES.terminated } as const;

const hooks = new Set<InterruptHook>();

let stopping = false;

/**
 * Registers `hook` to run on SIGINT and SIGTERM; returns a function that removes it. The last registered
 * hook that returns text supplies the one line printed.
 *
 * @example
 * const done = onInterrupt(() => { view.stop(); return "interrupted while waiting"; });
 */
export function onInterrupt(hook: InterruptHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/**
 * True once a signal is ending the bin: a command's error caused by the cancellation (the hooks abort
 * requests) is then not worth a line of its own.
 *
 * @example
 * catch (error) { if (!stoppingOnSignal()) report(error); }
 */
export function stoppingOnSignal(): boolean {
  return stopping;
}

/** The hooks' line, waiting for late answers until the deadline. */
async function interruptLine(): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, INTERRUPT_GRACE_MS);
  });
  const late = deadline.then(() => undefined);
  const answers = await Promise.all(
    [...hooks].map((hook) => {
      try {
        return Promise.race([Promise.resolve(hook(deadline)).catch(() => undefined), late]);
      } catch {
        return undefined;
      }
    }),
  );
  clearTimeout(timer);
  return answers.reduce<string>((line, answer) => answer ?? line, "interrupted");
}

/**
 * Makes Ctrl-C (SIGINT, exit 130) and SIGTERM (exit 143) end the bin within a second, with one line on
 * `stderr` from the hooks and no stack. A second signal ends it at once, without the line.
 *
 * @example
 * handleInterrupts(process.stderr);
 */
export function handleInterrupts(stderr: OutputStream): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      if (stopping) {
        process.exit(code);
      }
      stopping = true;
      void interruptLine().then((line) => {
        stderr.write(`${line}\n`);
        process.exit(code);
      });
    });
  }
}
