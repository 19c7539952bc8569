// Drives the real dynamic-provider host (@pulumi/pulumi `cmd/dynamic-provider`, what the engine runs
// as `pulumi-resource-pulumi-nodejs`) over gRPC, as the engine does: a `__provider` text serialised as
// the SDK serialises it, Struct round trips, module resolution from a chosen program directory, and
// the engine's address as the host's argument. A fake engine records what the provider logs.
// Reusable by the end-to-end suites: nothing here knows about this package's resources.
import { spawn, type ChildProcess } from "node:child_process";
import { delimiter, dirname } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import type { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { selfNodePath } from "../support/builtPackage";

/** The engine's placeholder for a value unknown during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Deadline of every RPC unless a call says otherwise, in ms (a host that never answers must fail the test). */
const DEFAULT_DEADLINE_MS = 20_000;

/**
 * A provider object's `__provider` text, produced exactly as `pulumi.dynamic.Resource` produces it
 * (@pulumi/pulumi `dynamic/index.js` `serializeFunctionMaybeSecret`).
 */
export async function serializeProvider(provider: object): Promise<string> {
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/** One `pulumirpc.Engine/Log` request as the fake engine received it. */
export interface EngineLogRecord {
  readonly severity: number;
  readonly message: string;
  readonly urn: string;
  readonly ephemeral: boolean;
}

/** A gRPC server with the engine's `Log` RPC that records every request. */
export interface FakeEngine {
  /** `127.0.0.1:<port>`, to pass as the host's argument. */
  readonly address: string;
  /** Every message received, in order. */
  readonly logs: EngineLogRecord[];
  close(): Promise<void>;
}

export async function startFakeEngine(): Promise<FakeEngine> {
  const logs: EngineLogRecord[] = [];
  const server = new grpc.Server();
  server.addService(EngineService, {
    log(call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) {
      const req = call.request;
      logs.push({
        severity: req.getSeverity(),
        message: req.getMessage(),
        urn: req.getUrn(),
        ephemeral: req.getEphemeral(),
      });
      callback(null, new Empty());
    },
  } as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    logs,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

/** How the engine would start the host. */
export interface ProviderHostOptions {
  /** The program directory: the host resolves `@pulumi/pulumi` and every `require` from here. */
  readonly cwd: string;
  /** The host's environment. @default the test process's */
  readonly env?: NodeJS.ProcessEnv;
  /** The engine's gRPC address, the host's argument. @default an address nothing listens on */
  readonly engineAddress?: string;
}

/** The result of Diff, as the engine reads it. */
export interface DiffOutcome {
  /** DIFF_SOME ⇔ `changes: true`, DIFF_NONE ⇔ `changes: false`, DIFF_UNKNOWN otherwise. */
  readonly changes: "DIFF_UNKNOWN" | "DIFF_NONE" | "DIFF_SOME";
  readonly replaces: string[];
}

/** A running host and typed wrappers of its RPCs (every one with a deadline). */
export interface ProviderHost {
  readonly port: number;
  /** What the host wrote to stderr so far. */
  stderr(): string;
  configure(config?: Record<string, unknown>): Promise<void>;
  check(
    urn: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ inputs: Record<string, unknown>; failures: { property: string; reason: string }[] }>;
  diff(
    id: string,
    urn: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<DiffOutcome>;
  create(
    urn: string,
    properties: Record<string, unknown>,
    deadlineMs?: number,
  ): Promise<{ id: string; properties: Record<string, unknown> }>;
  update(
    id: string,
    urn: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    deadlineMs?: number,
  ): Promise<{ properties: Record<string, unknown> }>;
  read(
    id: string,
    urn: string,
    properties: Record<string, unknown>,
  ): Promise<{ id: string; properties: Record<string, unknown>; inputs?: Record<string, unknown> }>;
  delete(id: string, urn: string, properties: Record<string, unknown>): Promise<void>;
  /** The engine's Cancel, as the first Ctrl-C of `pulumi up` sends it. */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

/** A URN of a dynamic resource, as the engine would send it. */
export function urnOf(type: string, name: string, stack = "test", project = "project"): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

const DIFF_NAMES = ["DIFF_UNKNOWN", "DIFF_NONE", "DIFF_SOME"] as const;

/**
 * The host's environment. Started from this repository (not a consumer install), the stored provider
 * text's `require("pulumi-mailmanager-import-jobs/dynamic-provider")` finds the built package through
 * a link to this repository (tests/support/builtPackage.ts), as a program finds it in its node_modules.
 */
function hostEnv(options: ProviderHostOptions): NodeJS.ProcessEnv {
  const env = options.env ?? process.env;
  if (options.cwd !== REPO_ROOT) return env;
  return { ...env, NODE_PATH: [selfNodePath(), env.NODE_PATH].filter(Boolean).join(delimiter) };
}

/** Starts the host from `options.cwd` and waits for its port. */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
  // The engine runs the program's copy of the host (pulumi-resource-pulumi-nodejs resolves it from the cwd).
  const hostScript = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", {
    paths: [options.cwd],
  });
  const child: ChildProcess = spawn(process.execPath, [hostScript, options.engineAddress ?? "127.0.0.1:1"], {
    cwd: options.cwd,
    env: hostEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(
      () => reject(new Error(`provider host did not print its port:\n${stderr}`)),
      30_000,
    );
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && /^\d+$/.test(line.trim())) {
        clearTimeout(timer);
        resolve(Number(line.trim()));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`provider host exited with ${code} before printing its port:\n${stderr}`));
    });
  });
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": 64 * 1024 * 1024,
  });

  const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);
  const call = <Req, Res>(
    method: (
      req: Req,
      md: grpc.Metadata,
      opts: Partial<grpc.CallOptions>,
      cb: (e: grpc.ServiceError | null, r: Res) => void,
    ) => unknown,
    req: Req,
    deadlineMs = DEFAULT_DEADLINE_MS,
  ): Promise<Res> =>
    new Promise((resolve, reject) =>
      method.call(
        client,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + deadlineMs },
        (error, response) => (error ? reject(error) : resolve(response)),
      ),
    );

  return {
    port,
    stderr: () => stderr,
    async configure(config = {}) {
      // Args are required: without them the host's handler throws and never answers.
      const req = new provproto.ConfigureRequest();
      req.setArgs(struct(config));
      req.setAcceptsecrets(true);
      req.setAcceptresources(true);
      await call(client.configure, req);
    },
    async check(urn, olds, news) {
      const req = new provproto.CheckRequest();
      req.setUrn(urn);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const res = await call<provproto.CheckRequest, provproto.CheckResponse>(client.check, req);
      return {
        inputs: (res.getInputs()?.toJavaScript() ?? {}) as Record<string, unknown>,
        failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(id, urn, olds, news) {
      const req = new provproto.DiffRequest();
      req.setId(id);
      req.setUrn(urn);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const res = await call<provproto.DiffRequest, provproto.DiffResponse>(client.diff, req);
      return { changes: DIFF_NAMES[res.getChanges()], replaces: res.getReplacesList() };
    },
    async create(urn, properties, deadlineMs) {
      const req = new provproto.CreateRequest();
      req.setUrn(urn);
      req.setProperties(struct(properties));
      const res = await call<provproto.CreateRequest, provproto.CreateResponse>(
        client.create,
        req,
        deadlineMs,
      );
      return {
        id: res.getId(),
        properties: (res.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
      };
    },
    async update(id, urn, olds, news, deadlineMs) {
      const req = new provproto.UpdateRequest();
      req.setId(id);
      req.setUrn(urn);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const res = await call<provproto.UpdateRequest, provproto.UpdateResponse>(
        client.update,
        req,
        deadlineMs,
      );
      return { properties: (res.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown> };
    },
    async read(id, urn, properties) {
      const req = new provproto.ReadRequest();
      req.setId(id);
      req.setUrn(urn);
      req.setProperties(struct(properties));
      const res = await call<provproto.ReadRequest, provproto.ReadResponse>(client.read, req);
      const inputs = res.getInputs()?.toJavaScript() as Record<string, unknown> | undefined;
      return {
        id: res.getId(),
        properties: (res.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
        ...(inputs ? { inputs } : {}),
      };
    },
    async delete(id, urn, properties) {
      const req = new provproto.DeleteRequest();
      req.setId(id);
      req.setUrn(urn);
      req.setProperties(struct(properties));
      await call<provproto.DeleteRequest, Empty>(client.delete, req);
    },
    async cancel() {
      await call<Empty, Empty>(client.cancel, new Empty());
    },
    async close() {
      client.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** The directory of this repository, where the in-repo suites run the host. */
export const REPO_ROOT = dirname(dirname(__dirname));
