import { isImportJobsError } from "../core/errors";

/**
 * How a failed Output-form lookup reaches the user of a Pulumi program: as one line, at once.
 *
 * The Output's rejection is reported by the Node language runtime's `unhandledRejection` handler
 * (@pulumi/pulumi `cmd/run`). That handler prints a `pulumi.RunError` as its message alone, which is
 * why every `ImportJobsError` carries the RunError marker (errors.ts). Two things still got in the way:
 *
 * 1. Before printing, the handler formats the whole error with `util.inspect(error, { colors: true })`
 *    (for its tracing span). On Node 20 that call loops for a minute or more, then fails with
 *    "Invalid string length", on any stack line under `node_modules/@pulumi/output.ts` — the
 *    source-mapped frame of every `apply` callback. The program sat on "previewing update…" meanwhile.
 *    The error therefore leaves the Output without its stack, which is never shown anyway.
 * 2. The stack outputs that derive from the failed Output are read by the runtime only after it
 *    rejected, so Node first reports their rejections as unhandled and then warns that each was
 *    "handled asynchronously" (PromiseRejectionHandledWarning). {@link quietLateHandling} keeps those
 *    warnings for this package's errors, which the runtime has already reported, out of the output.
 */

/**
 * The registered symbol that marks the process-wide listeners as installed (once per process, whatever
 * the copies of the package); its name, as a symbol value cannot be captured by the closure serialiser.
 */
const INSTALLED = "pulumi-mailmanager-import-jobs/quiet-late-handling";

/**
 * `error` ready to reject a program's Output with: a package error loses its stack trace (see above);
 * anything else is returned unchanged.
 *
 * @example
 * lookup().catch((error) => { throw toProgramError(error); });
 */
export function toProgramError(error: unknown): unknown {
  if (isImportJobsError(error) && error instanceof Error) {
    error.stack = `${error.name}: ${error.message}`;
  }
  quietLateHandling();
  return error;
}

/**
 * Stops Node's PromiseRejectionHandledWarning for promises rejected with one of this package's errors
 * (the runtime has printed that error already); every other late-handled rejection still gets the
 * warning. Installed only where something else already handles unhandled rejections (the Pulumi
 * runtime does): a listener of our own must not change whether an unhandled rejection ends a process.
 *
 * @example
 * quietLateHandling(); // in getAddressListImportJobsOutput, before any lookup can fail
 */
export function quietLateHandling(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[Symbol.for(INSTALLED)] === true || process.listenerCount("unhandledRejection") === 0) {
    return;
  }
  global[Symbol.for(INSTALLED)] = true;
  const ours = new WeakSet<Promise<unknown>>();
  process.on("unhandledRejection", (reason, promise) => {
    if (isImportJobsError(reason)) {
      ours.add(promise);
    }
  });
  // With a `rejectionHandled` listener Node no longer warns by itself; warn for the others as it would.
  process.on("rejectionHandled", (promise: Promise<unknown>) => {
    if (!ours.has(promise)) {
      process.emitWarning("Promise rejection was handled asynchronously", "PromiseRejectionHandledWarning");
    }
  });
}
