import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type Emulator, type SeedJob } from "../../emulator";
import {
  AddressListImportJobs,
  ADDRESS_LIST_IMPORT_JOBS_TYPE,
  getAddressListImportJobs,
  getAddressListImportJobsOutput,
  IMPORT_JOBS_GATE_TYPE,
  ImportJobsGate,
  waitForImportJobs,
} from "../../provider";
import { addressListImportJobsProvider } from "../../provider/pulumi/addressListImportJobsProvider";
import { importJobsGateProvider } from "../../provider/pulumi/importJobsGateProvider";
import {
  REPO_ROOT,
  serializeProvider,
  startFakeEngine,
  startProviderHost,
  urnOf,
  type FakeEngine,
  type ProviderHost,
} from "../dynamic/providerHost";
import { settle, useEchoMocks } from "../support/outputHelpers";
import { printSummary, useFastClientEnvironment } from "./support";

/**
 * Part 3 of the hardening issue: a leak scan. With `includePreSignedUrls` off and on, the pre-signed
 * upload URLs and the credentials must never appear in plain text in results, error messages, logs
 * (the emulator's request log, anything written to the console, the provider host's stderr, the
 * progress messages the gate sends to the engine), or the dynamic providers' outputs and state (what
 * `create`/`read`/`update` return, in-process and through the real provider host, and the serialised
 * `__provider`). With the option on, the URLs appear in exactly one place: the `preSignedUrls` result
 * field, which the Output form makes secret and the resource declares in `additionalSecretOutputs`.
 *
 * The credentials are distinctive strings, the test's own; a URL is recognised by what every
 * pre-signed URL carries (`X-Amz-Signature`, `X-Amz-Security-Token`, the emulator's `/upload/…?` path).
 */

void useEchoMocks();

const CREDENTIALS = {
  accessKeyId: "AKIALEAKSCAN7Q3Z9XW2",
  secretAccessKey: "leakScanSecret/9f8e7d6c5b4a3210+Qw",
};
const SESSION_TOKEN = "leakScanSessionToken0123456789abcdef";
const SECRETS: readonly string[] = [CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, SESSION_TOKEN];
const URL_MARKERS: readonly RegExp[] = [/X-Amz-Signature/i, /X-Amz-Security-Token/i, /\/upload\/[^\s"'`]*\?/];

let emulator: Emulator;
let engine: FakeEngine;
let host: ProviderHost;
let restoreEnvironment: () => void;
const savedEnv: Record<string, string | undefined> = {};
const emulatorLog: string[] = [];
const consoleOutput: string[] = [];
const restoreConsole: Array<() => void> = [];
const providers: { resource?: string; gate?: string } = {};
const scanned = { results: 0, errors: 0, logLines: 0, providerStates: 0, urlsSeenWhereAllowed: 0 };
const found: string[] = [];

/** Jobs that finished (COMPLETED) and one that FAILED, so that the gate both opens and fails. */
function jobs(prefix: string, failed = false): SeedJob[] {
  const list: SeedJob[] = [
    {
      jobId: `${prefix}-a`,
      name: `${prefix}-a`,
      status: "COMPLETED",
      importedItemsCount: 3,
      failedItemsCount: 0,
    },
    {
      jobId: `${prefix}-b`,
      name: `${prefix}-b`,
      status: "COMPLETED",
      importedItemsCount: 5,
      failedItemsCount: 1,
    },
    ...(failed ? [{ jobId: `${prefix}-c`, name: `${prefix}-c`, status: "FAILED" as const }] : []),
  ];
  return list.map((job, i) => ({ ...job, createdTimestamp: Date.UTC(2024, 4, 1) + i * 60_000 }));
}

let listCounter = 0;
/** A fresh list; `failed` adds a FAILED job. */
function seed(failed = false): string {
  listCounter += 1;
  const addressListId = `leak-${process.pid}-${listCounter}`;
  emulator.seed({
    addressLists: [{ addressListId, name: addressListId, jobs: jobs(addressListId, failed) }],
  });
  return addressListId;
}

/** What in `text` is a leak: a credential, or a pre-signed URL. */
function leaksIn(text: string): string[] {
  return [
    ...SECRETS.filter((secret) => text.includes(secret)).map((secret) => `credential ${secret.slice(0, 8)}…`),
    ...URL_MARKERS.filter((marker) => marker.test(text)).map((marker) => `URL (${marker.source})`),
  ];
}

/** Scans one haystack; records and fails on any leak. */
function scan(kind: keyof typeof scanned, where: string, text: string): void {
  scanned[kind] += 1;
  const leaks = leaksIn(text);
  if (leaks.length > 0) found.push(`${where}: ${leaks.join(", ")}`);
  expect({ where, leaks }).toEqual({ where, leaks: [] });
}

/** Everything an error shows: message, stack, its inspection (causes included) and its JSON. */
function errorText(error: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(error) ?? "";
  } catch {
    json = "";
  }
  const message = (error as { message?: unknown })?.message;
  return [String(message), String((error as Error)?.stack), inspect(error, { depth: 8 }), json].join("\n");
}

/**
 * A result with the one field where URLs may be: none when the option is off; with it on, only there,
 * and there they must be (so that the scan is known to see them).
 */
function scanResult(where: string, result: Record<string, unknown>, include: boolean): void {
  const { preSignedUrls, ...rest } = result;
  scan("results", where, JSON.stringify(rest));
  if (include) {
    const urls = Object.values((preSignedUrls ?? {}) as Record<string, string>);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(leaksIn(url).some((leak) => leak.startsWith("URL"))).toBe(true);
    scanned.urlsSeenWhereAllowed += urls.length;
  } else {
    expect(preSignedUrls).toBeUndefined();
  }
}

/** A provider's outputs, as they go to the state: the same rule as a result. */
function scanState(where: string, props: Record<string, unknown>, include: boolean): void {
  const { preSignedUrls, ...rest } = props;
  scan("providerStates", where, JSON.stringify(rest));
  if (include && preSignedUrls !== undefined) {
    scanned.urlsSeenWhereAllowed += Object.keys(preSignedUrls as object).length;
  } else {
    expect(preSignedUrls).toBeUndefined();
  }
}

/** The failure of `work`, which must fail. */
async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"])
    savedEnv[name] = process.env[name];
  process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
  process.env.AWS_SESSION_TOKEN = SESSION_TOKEN;
  restoreEnvironment = useFastClientEnvironment();
  // Whatever the code under test writes to the console is a log line to scan.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      consoleOutput.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
    };
    restoreConsole.push(() => (console[method] = original));
  }
  [emulator, engine, providers.resource, providers.gate] = await Promise.all([
    startEmulator({
      credentials: CREDENTIALS,
      processingMs: 2_000_000_000,
      log: (line) => emulatorLog.push(line),
    }),
    startFakeEngine(),
    serializeProvider(addressListImportJobsProvider),
    serializeProvider(importJobsGateProvider),
  ]);
  host = await startProviderHost({ cwd: REPO_ROOT, env: { ...process.env }, engineAddress: engine.address });
  await host.configure();
}, 60_000);

afterAll(async () => {
  await host?.close();
  await engine?.close();
  await emulator?.close();
  for (const restore of restoreConsole) restore();
  restoreEnvironment?.();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  printSummary(
    `leaks: ${found.length} (URLs or credentials in plain text) in ${scanned.results} results, ` +
      `${scanned.errors} error messages, ${scanned.logLines} log lines and ${scanned.providerStates} provider ` +
      `outputs/states, includePreSignedUrls off and on; ${scanned.urlsSeenWhereAllowed} URLs seen, all in ` +
      "the secret preSignedUrls field",
  );
});

describe.each([false, true])("with includePreSignedUrls %s", (include) => {
  it("keeps URLs and credentials out of the data function's results", async () => {
    const addressListId = seed();
    const args = { addressListId, endpoint: emulator.url, includePreSignedUrls: include, cache: false };
    const result = await getAddressListImportJobs(args);
    scanResult("getAddressListImportJobs", result as unknown as Record<string, unknown>, include);
    const output = await settle(getAddressListImportJobsOutput(args));
    // With the option on, the Output form's whole result is secret.
    expect(output.secret).toBe(include);
    scanResult("getAddressListImportJobsOutput", output.value as unknown as Record<string, unknown>, include);
  });

  it("keeps URLs and credentials out of every error message", async () => {
    const addressListId = seed(true);
    const args = {
      addressListId,
      endpoint: emulator.url,
      includePreSignedUrls: include,
      cache: false,
      maxAttempts: 2,
      pageSize: 1,
    };
    const cases: Array<[string, () => void]> = [
      ["throttled", () => emulator.setFaults({ throttleNext: 5 })],
      ["5xx", () => emulator.setFaults({ serverErrorRate: 1 })],
      ["connection reset", () => emulator.setFaults({ resetRate: 1 })],
      ["truncated body", () => emulator.setFaults({ malformedBodyRate: 1 })],
      ["slow response", () => emulator.setFaults({ slowResponseRate: 1, slowResponseMs: 2_000 })],
      ["repeated token", () => emulator.setFaults({ repeatNextToken: true })],
      ["access denied", () => emulator.setDeny([{ operation: "ListAddressListImportJobs" }])],
    ];
    for (const [about, arrange] of cases) {
      arrange();
      const error = await failure(() => getAddressListImportJobs(args));
      emulator.setFaults({});
      emulator.setDeny([]);
      // The emulator's AccessDenied names the caller as IAM does, by an ARN built from the access key id
      // (the real service names the IAM user or role): the only place an id may show, never the secret.
      const text =
        about === "access denied"
          ? errorText(error).split(CREDENTIALS.accessKeyId).join("<id>")
          : errorText(error);
      scan("errors", `error (${about})`, text);
    }
    scan(
      "errors",
      "error (not found)",
      errorText(await failure(() => getAddressListImportJobs({ ...args, addressListId: "al-missing" }))),
    );
    // The waiter's failure lists the offending jobs: ids, names, statuses, counts, never a URL.
    scan(
      "errors",
      "waitForImportJobs failure",
      errorText(
        await failure(() =>
          waitForImportJobs({
            addressListId,
            endpoint: emulator.url,
            select: "all",
            maxWaitTime: 1,
            minDelay: 0.1,
            maxDelay: 0.2,
          }),
        ),
      ),
    );
  });

  it("keeps URLs and credentials out of the resource provider's outputs, in-process and in the host", async () => {
    const addressListId = seed();
    const urn = urnOf(ADDRESS_LIST_IMPORT_JOBS_TYPE, `leak-${include}`);
    const inputs = {
      __provider: providers.resource,
      addressListId,
      region: emulator.region,
      endpoint: emulator.url,
      includePreSignedUrls: include,
    };
    const created = await addressListImportJobsProvider.create(inputs);
    scanState("create (in-process)", created.outs ?? {}, include);
    const read = await addressListImportJobsProvider.read!(created.id, created.outs);
    scanState("read (in-process)", read.props ?? {}, include);
    const updated = await addressListImportJobsProvider.update!(created.id, created.outs, {
      ...inputs,
      pageSize: 1,
    });
    scanState("update (in-process)", updated.outs ?? {}, include);
    scan(
      "providerStates",
      "diff (in-process)",
      JSON.stringify(await addressListImportJobsProvider.diff!(created.id, created.outs, inputs)),
    );

    const remote = await host.create(urn, inputs);
    scanState("create (host)", remote.properties, include);
    scanState("read (host)", (await host.read(remote.id, urn, remote.properties)).properties, include);
    scanState(
      "update (host)",
      (await host.update(remote.id, urn, remote.properties, { ...inputs, pageSize: 1 })).properties,
      include,
    );
    scan(
      "providerStates",
      "diff (host)",
      JSON.stringify(await host.diff(remote.id, urn, remote.properties, inputs)),
    );
    const missing = await failure(() => host.create(urn, { ...inputs, addressListId: "al-missing" }));
    scan("errors", "create error (host)", errorText(missing));
  });

  it("keeps URLs and credentials out of the gate's outputs, progress messages and failures", async () => {
    const addressListId = seed();
    const urn = urnOf(IMPORT_JOBS_GATE_TYPE, `leak-${include}`);
    const inputs = {
      __provider: providers.gate,
      addressListId,
      region: emulator.region,
      endpoint: emulator.url,
      select: "all",
      minDelay: 0.1,
      maxDelay: 0.2,
      maxWaitTime: 5,
      progressUrn: urn,
    };
    scanState("gate create (in-process)", (await importJobsGateProvider.create(inputs)).outs ?? {}, false);
    const remote = await host.create(urn, inputs);
    scanState("gate create (host)", remote.properties, false);
    scan(
      "providerStates",
      "gate diff (host)",
      JSON.stringify(await host.diff(remote.id, urn, remote.properties, inputs)),
    );
    const failing = { ...inputs, addressListId: seed(true) };
    scan("errors", "gate failure (host)", errorText(await failure(() => host.create(urn, failing))));
    scan(
      "errors",
      "gate failure (in-process)",
      errorText(await failure(() => importJobsGateProvider.create(failing))),
    );
  });
});

describe("what reaches the state", () => {
  it("declares preSignedUrls a secret output and serialises no credential into __provider", async () => {
    const registered: Array<{ type: string; secretOutputs: string[]; object: Record<string, unknown> }> = [];
    const monitor = pulumi.runtime.getMonitor() as unknown as {
      registerResource: (req: unknown, callback: unknown) => unknown;
    };
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      const request = req as {
        getType(): string;
        getAdditionalsecretoutputsList(): string[];
        getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
      };
      registered.push({
        type: request.getType(),
        secretOutputs: request.getAdditionalsecretoutputsList(),
        object: request.getObject()?.toJavaScript() ?? {},
      });
      return original(req, callback);
    };
    try {
      const addressListId = seed();
      const resource = new AddressListImportJobs("state-leak", {
        addressListId,
        endpoint: emulator.url,
        includePreSignedUrls: true,
      });
      const gate = new ImportJobsGate("state-leak-gate", { addressListId, endpoint: emulator.url });
      await settle(resource.urn);
      await settle(gate.urn);
    } finally {
      monitor.registerResource = original;
    }
    const resource = registered.find((r) => r.type === ADDRESS_LIST_IMPORT_JOBS_TYPE);
    expect(resource?.secretOutputs).toContain("preSignedUrls");
    expect(registered.map((r) => r.type)).toEqual(
      expect.arrayContaining([ADDRESS_LIST_IMPORT_JOBS_TYPE, IMPORT_JOBS_GATE_TYPE]),
    );
    for (const { type, object } of registered) {
      // The inputs, with the serialised provider code, are written to the state as they are.
      scan("providerStates", `registered inputs of ${type}`, JSON.stringify(object));
    }
    scan("providerStates", "serialised AddressListImportJobs provider", providers.resource ?? "");
    scan("providerStates", "serialised ImportJobsGate provider", providers.gate ?? "");
  });

  it("gives the body of a malformed answer no way into a message (V8 quotes it in SyntaxError)", async () => {
    // Not the emulator: an endpoint whose success body is short garbage holding a signature.
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
      res.end("X-Amz-Signature=f00d");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await failure(() =>
        getAddressListImportJobs({ addressListId: "al-1", endpoint, maxAttempts: 1, cache: false }),
      );
      expect((error as Error).message).toContain(
        "SyntaxError: Unexpected token 'X', (body) is not valid JSON",
      );
      scan("errors", "error (garbage body)", String((error as Error).message));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("logs", () => {
  it("hold no URL and no credential: emulator log, console, provider host stderr, engine messages", () => {
    expect(emulatorLog.length).toBeGreaterThan(0);
    expect(engine.logs.length).toBeGreaterThan(0);
    for (const line of emulatorLog) scan("logLines", "emulator log", line);
    for (const line of consoleOutput) scan("logLines", "console", line);
    for (const line of host.stderr().split("\n")) scan("logLines", "provider host stderr", line);
    for (const record of engine.logs) scan("logLines", "engine message", record.message);
  });
});
