// Asks a plugin executable what the engine asks it: starts it as the engine does (the engine's
// address as the last argument; the port it serves on is its first line of stdout), then calls
// GetPluginInfo and GetSchema over gRPC. Used by the release dry run and the executable's tests.
import { spawn } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { GetSchemaRequest } from "@pulumi/pulumi/proto/provider_pb";

export interface PluginInfo {
  /** GetPluginInfo's version. */
  readonly version: string;
  /** The `version` of the schema GetSchema returns. */
  readonly schemaVersion: string;
  /** The whole schema. */
  readonly schema: Record<string, unknown>;
}

/**
 * Runs `executable` with `env`, asks it for its version and schema, and stops it. Fails, with what it
 * printed, when it exits or prints no port within `timeoutMs`.
 */
export function pluginInfo(
  executable: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<PluginInfo> {
  return new Promise((resolve, reject) => {
    // No engine listens there: the plugin serves without one until it is asked to log.
    const child = spawn(executable, ["127.0.0.1:1"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let settled = false;
    const finish = (error: Error | undefined, info?: PluginInfo) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      if (error) reject(error);
      else resolve(info as PluginInfo);
    };
    const timer = setTimeout(
      () => finish(new Error(`${executable} printed no port in ${timeoutMs} ms:\n${stdout}${stderr}`)),
      timeoutMs,
    );
    child.on("error", (error) => finish(error));
    child.on("exit", (code, signal) => {
      finish(new Error(`${executable} exited (${code ?? signal}) before answering:\n${stdout}${stderr}`));
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.on("data", (chunk: Buffer) => {
      const first = !stdout.includes("\n");
      stdout += chunk.toString("utf8");
      const port = /^(\d+)\n/.exec(stdout)?.[1];
      if (!first || !stdout.includes("\n")) return;
      if (!port) return finish(new Error(`${executable} printed ${JSON.stringify(stdout)}, not a port`));
      const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
      client.getPluginInfo(new Empty(), (infoError, info) => {
        if (infoError) return finish(infoError);
        client.getSchema(new GetSchemaRequest(), (schemaError, response) => {
          client.close();
          if (schemaError) return finish(schemaError);
          const schema = JSON.parse(response.getSchema()) as Record<string, unknown>;
          finish(undefined, { version: info.getVersion(), schemaVersion: String(schema.version), schema });
        });
      });
    });
  });
}
