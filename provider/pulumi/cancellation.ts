/**
 * The engine's `Cancel` (the first Ctrl-C of `pulumi up`, or a CI runner cancelling the job), as an
 * AbortSignal that every wait and upload of the providers in this process takes.
 */

/** The registered symbol's name of the process-wide controller (one per process, across package copies). */
const CONTROLLER = "pulumi-mailmanager-import-jobs/cancellation";

/** The gRPC method the engine calls on every provider when a deployment is cancelled. */
const CANCEL_METHOD = "/pulumirpc.ResourceProvider/Cancel";

function controller(): AbortController {
  const global = globalThis as Record<symbol, unknown>;
  return (global[Symbol.for(CONTROLLER)] ??= new AbortController()) as AbortController;
}

/**
 * The signal that fires when the engine cancels the deployment.
 *
 * @example
 * await waitForImportJobs({ ...args, abortSignal: cancellationSignal() });
 */
export function cancellationSignal(): AbortSignal {
  return controller().signal;
}

/**
 * Aborts every wait and upload in flight: they fail at once with one line, so the engine records no
 * half-done step. Later operations (the engine starts none after `Cancel`) would fail at once too.
 *
 * @example
 * cancelOperations(); // in the plugin's `cancel()`
 */
export function cancelOperations(): void {
  controller().abort(
    new Error(
      "the deployment was cancelled; the import goes on in Mail Manager, and the next `pulumi up` " +
        "waits for it again",
    ),
  );
}

/**
 * Makes the dynamic-provider host's `Cancel` reach {@link cancelOperations}. The host of @pulumi/pulumi
 * (`cmd/dynamic-provider`, up to at least 3.276) answers `Cancel` with an empty reply and tells no one, so
 * a waiting gate would ignore the first Ctrl-C until `maxWaitTime`. The host's gRPC server is that of the
 * `@grpc/grpc-js` next to `@pulumi/pulumi`; its `_retrieveHandler` (grpc-js 1.x) is called for every
 * request, so wrapping it sees `Cancel` arrive. Feature-detected: with another grpc-js the hook is not
 * installed and a cancelled wait lasts until its `maxWaitTime` (README, "Interruption"). Returns whether
 * the hook is installed. Once per process.
 *
 * @example
 * hearHostCancel(); // in `dispatch`, before the first operation
 */
export function hearHostCancel(grpcModule: unknown): boolean {
  const server = (grpcModule as { Server?: { prototype?: Record<string, unknown> } } | undefined)?.Server;
  const proto = server?.prototype;
  const original = proto?._retrieveHandler;
  if (proto === undefined || typeof original !== "function") {
    return false;
  }
  if ((original as { hearsCancel?: boolean }).hearsCancel) {
    return true;
  }
  const wrapped = function (this: unknown, path: unknown, ...rest: unknown[]) {
    if (path === CANCEL_METHOD) {
      cancelOperations();
    }
    return (original as (...args: unknown[]) => unknown).call(this, path, ...rest);
  };
  Object.defineProperty(wrapped, "hearsCancel", { value: true });
  proto._retrieveHandler = wrapped;
  return true;
}
