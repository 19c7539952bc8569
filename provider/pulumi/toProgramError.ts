import { isImportJobsError } from "../core/errors";
import { restateError } from "../core/terms";
import { PULUMI_TERMS } from "./pulumiTerms";

/**
 * How a failed Output-form lookup reaches a program's user: as one line, at once. The Node runtime's
 * `unhandledRejection` handler (@pulumi/pulumi `cmd/run`) prints a `pulumi.RunError` as its message alone
 * (hence the marker on every `ImportJobsError`), but first `util.inspect`s the error, which looped for a
 * minute on the source-mapped stack frames of `apply` callbacks: so the error leaves without its stack.
 * And the outputs derived from the failed Output are read only after it rejected, so Node would warn
 * "handled asynchronously" for each ({@link quietLateHandling}).
 */

/** The registered symbol's name that marks the listeners as installed (once per process, across package copies). */
const INSTALLED = "pulumi-mailmanager-import-jobs/quiet-late-handling";

/**
 * `error` ready to reject a program's Output with: a package error loses its stack trace (see above);
 * anything else is returned unchanged.
 *
 * @example
 * lookup().catch((error) => { throw toProgramError(error); });
 */
export function toProgramError(error: unknown): unknown {
  restateError(error, PULUMI_TERMS);
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
