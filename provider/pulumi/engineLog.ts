/**
 * Messages from inside a dynamic provider to the `pulumi up` display. The dynamic-provider host has no
 * Pulumi runtime (`pulumi.log` there only writes to its stderr), but the engine passes every provider
 * its gRPC address as the last argument (`node cmd/dynamic-provider [--logtostderr] [-v=N] [--tracing
 * URL] <engine>`, pulumi/pulumi `sdk/go/common/resource/plugin/plugin.go`), and `pulumirpc.Engine/Log`
 * with a URN shows on that resource's row; `ephemeral` updates the row without repeating the message
 * under "Diagnostics" (`sdk/go/common/resource/plugin/host_server.go`).
 *
 * grpc-js is resolved from @pulumi/pulumi's own directory, so that the client and the engine stubs
 * share one copy; it is loaded with the first message.
 */

import type * as grpcJs from "@grpc/grpc-js";
import type { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as enginePb from "@pulumi/pulumi/proto/engine_pb";

/** Deadline of one Log call, in ms: a slow engine must not hold up the wait. */
const LOG_DEADLINE_MS = 5_000;

/** Sends messages to the engine for one resource. */
export interface EngineLog {
  /** Queues a message (in order); never throws. `ephemeral` messages only update the resource's row. */
  info(message: string, ephemeral?: boolean): void;
  /** Waits for queued messages and closes the connection; never throws. */
  close(): Promise<void>;
}

/**
 * The engine's gRPC address among a provider host's arguments: the last `host:port` argument that is
 * not an option's value (`--tracing` takes one). Undefined when there is none (e.g. a test that passes
 * a placeholder such as `0`).
 *
 * @example
 * engineAddress(["node", "dynamic-provider", "--logtostderr", "-v=9", "127.0.0.1:51234"]); // "127.0.0.1:51234"
 */
export function engineAddress(argv: readonly string[] = process.argv): string | undefined {
  let address: string | undefined;
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === "--tracing") {
      i += 1;
    } else if (!args[i].startsWith("-") && /^[^\s/]+:\d+$/.test(args[i])) {
      address = args[i];
    }
  }
  return address;
}

/**
 * A log for the resource `urn` on the engine at `address`. Best effort: without an address it is
 * silent; when a call fails it says so once on stderr (which the engine keeps in its own log) and
 * drops later messages, so the caller's work goes on undisturbed.
 *
 * @example
 * const log = createEngineLog(inputs.progressUrn);
 * log.info("waiting for 1 import job of al-1: job-1 PROCESSING", true);
 * await log.close();
 */
export function createEngineLog(
  urn: string | undefined,
  address: string | undefined = engineAddress(),
): EngineLog {
  let client: EngineClient | undefined;
  let grpc: typeof grpcJs | undefined;
  let proto: typeof enginePb | undefined;
  let failed = address === undefined;
  let queue: Promise<void> = Promise.resolve();

  const send = (message: string, ephemeral: boolean): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (client === undefined || grpc === undefined || proto === undefined) {
        if (process.env.MAILMANAGER_IMPORT_JOBS_BUNDLED === "true") {
          // The provider plugin's bundle (its build defines this) holds one grpc-js, the stubs' own;
          // nothing can be resolved from the file system there.
          grpc = require("@grpc/grpc-js") as typeof grpcJs;
        } else {
          const path = require("node:path") as typeof import("node:path");
          const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
          grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as typeof grpcJs;
        }
        const stubs = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineClient: typeof EngineClient };
        proto = require("@pulumi/pulumi/proto/engine_pb") as typeof enginePb;
        client = new stubs.EngineClient(address as string, grpc.credentials.createInsecure());
      }
      const request = new proto.LogRequest();
      request.setSeverity(proto.LogSeverity.INFO);
      request.setMessage(message);
      request.setUrn(urn ?? "");
      request.setEphemeral(ephemeral);
      client.log(request, new grpc.Metadata(), { deadline: Date.now() + LOG_DEADLINE_MS }, (error) =>
        error ? reject(error) : resolve(),
      );
    });

  return {
    info(message, ephemeral = false) {
      if (failed) {
        return;
      }
      queue = queue
        .then(() => (failed ? undefined : send(message, ephemeral)))
        .catch((error: unknown) => {
          if (!failed) {
            failed = true;
            process.stderr.write(
              `pulumi-mailmanager-import-jobs: cannot send progress to the engine at ${address}: ` +
                `${error instanceof Error ? error.message : String(error)}; continuing without progress messages.\n`,
            );
          }
        });
    },
    async close() {
      await queue;
      try {
        client?.close();
      } catch {
        // Closing is best effort too.
      }
      client = undefined;
    },
  };
}
