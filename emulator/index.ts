import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { systemClock } from "./clock";
import { Faults } from "./faults";
import { Presigner } from "./presign";
import { seedData, updateJob } from "./seed";
import { createRequestListener, handleClientError, handleConnect, type ServerState } from "./server";
import { Store } from "./store";
import { TokenCodec } from "./tokens";
import type { Emulator, EmulatorOptions, ListOrder } from "./types";

export { ManualClock, type Clock } from "./clock";
export type {
  DenyRule,
  Emulator,
  EmulatorCredentials,
  EmulatorOptions,
  FaultOptions,
  ImportDataType,
  ImportJobStatus,
  ListOrder,
  SeedAddressList,
  SeedData,
  SeedJob,
} from "./types";

const LIST_ORDERS: readonly ListOrder[] = ["shuffled", "creation", "reverse"];

/** Options are checked before anything starts, with the fix in the message. */
function checkOptions(options: EmulatorOptions): void {
  const { port, processingMs, presignedUrlTtlSeconds, listOrder } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new RangeError(`Expected \`port\` to be an integer from 0 to 65535, got ${port}.`);
  }
  if (processingMs !== undefined && !(Number.isFinite(processingMs) && processingMs >= 0)) {
    throw new RangeError(`Expected \`processingMs\` to be a number >= 0, got ${processingMs}.`);
  }
  if (
    presignedUrlTtlSeconds !== undefined &&
    !(Number.isInteger(presignedUrlTtlSeconds) && presignedUrlTtlSeconds > 0)
  ) {
    throw new RangeError(
      `Expected \`presignedUrlTtlSeconds\` to be an integer > 0, got ${presignedUrlTtlSeconds}.`,
    );
  }
  if (listOrder !== undefined && !LIST_ORDERS.includes(listOrder)) {
    throw new RangeError(`Expected \`listOrder\` to be one of ${LIST_ORDERS.join(", ")}, got ${listOrder}.`);
  }
}

/** `http://host:port`, with a wildcard bind address replaced by loopback so the URL is usable. */
function formatUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * Starts a local, wire-compatible SES Mail Manager endpoint (address lists and their import
 * jobs) for the AWS SDKs and CLI: awsJson1_0 on `POST /`, SigV4-checked (signing name `ses`).
 * @example
 * const emulator = await startEmulator();
 * const client = new MailManagerClient({ endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials });
 * // ...
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  checkOptions(options);
  const host = options.host ?? "127.0.0.1";
  const region = options.region ?? "us-east-1";
  const clock = options.clock ?? systemClock;
  const credentials = { ...(options.credentials ?? { accessKeyId: "test", secretAccessKey: "test" }) };
  const store = new Store(clock, region, options.orderSeed ?? 0, options.processingMs ?? 2000);
  let url = "";
  const state: ServerState = {
    store,
    presigner: new Presigner(clock, options.presignedUrlTtlSeconds ?? 900, () => url),
    tokens: new TokenCodec(randomBytes(32)),
    faults: new Faults(clock, options.faults),
    listOrder: options.listOrder ?? "shuffled",
    credentials,
    region,
    deny: [...(options.deny ?? [])],
    calls: { total: 0, byOperation: new Map(), uploads: 0 },
    log: options.log,
  };
  if (options.seed) seedData(store, options.seed);

  const server = createServer(createRequestListener(state));
  // Requests that are not valid HTTP, and CONNECT, still get an AWS error rather than a bare 400 or a
  // dropped connection.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => handleClientError(state, error, socket));
  server.on("connect", (req, socket) => handleConnect(state, req, socket));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  url = formatUrl(host, (server.address() as AddressInfo).port);

  let closing: Promise<void> | undefined;
  return {
    url,
    region,
    credentials,
    clock,
    calls: (operation) =>
      operation === undefined ? state.calls.total : (state.calls.byOperation.get(operation) ?? 0),
    uploads: () => state.calls.uploads,
    resetCalls() {
      state.calls.total = 0;
      state.calls.byOperation.clear();
      state.calls.uploads = 0;
    },
    setFaults: (faults) => state.faults.set(faults),
    seed: (data) => seedData(store, data),
    setDeny(rules) {
      state.deny = [...(rules ?? [])];
    },
    updateJob: (jobId, patch) => updateJob(store, jobId, patch),
    deleteJob(jobId) {
      if (!store.jobs.has(jobId)) throw new Error(`deleteJob: no import job ${jobId}.`);
      store.deleteJob(jobId);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        store.clearTimers();
        server.close(() => resolve());
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
