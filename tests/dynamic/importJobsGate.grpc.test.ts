// ImportJobsGate's provider through the real dynamic-provider host over gRPC, with the emulator's
// real import lifecycle (upload, start, processing timer) and a fake engine that records the
// progress messages the provider sends to the address the host was started with.
import {
  CreateAddressListImportJobCommand,
  StartAddressListImportJobCommand,
  type MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import type { Emulator, SeedJob } from "../../emulator";
import { IMPORT_JOBS_GATE_TYPE } from "../../provider";
import { importJobsGateProvider } from "../../provider/pulumi/importJobsGateProvider";
import { T0, createJob, rawClient, seedList, startTestEmulator } from "../support/emulatorFixture";
import {
  REPO_ROOT,
  UNKNOWN,
  serializeProvider,
  startFakeEngine,
  startProviderHost,
  urnOf,
  type FakeEngine,
  type ProviderHost,
} from "./providerHost";

/** Time from StartAddressListImportJob (or seeding a PROCESSING job) to its end, in ms. */
const PROCESSING_MS = 300;

let emulator: Emulator;
let client: MailManagerClient;
let engine: FakeEngine;
let host: ProviderHost;
let provider: string;

beforeAll(async () => {
  [emulator, engine, provider] = await Promise.all([
    startTestEmulator({ processingMs: PROCESSING_MS }),
    startFakeEngine(),
    serializeProvider(importJobsGateProvider),
  ]);
  client = rawClient(emulator);
  host = await startProviderHost({ cwd: REPO_ROOT, engineAddress: engine.address });
  await host.configure();
});

afterAll(async () => {
  client?.destroy();
  await host?.close();
  await engine?.close();
  await emulator?.close();
});

let counter = 0;
function job(status: SeedJob["status"], extra: Partial<SeedJob> = {}): SeedJob {
  counter += 1;
  return {
    jobId: `g${counter}-job`,
    name: `import-${counter}`,
    status,
    createdTimestamp: T0 + counter * 1000,
    ...extra,
  };
}

/** The gate's inputs as the program sends them, with fast polling. */
function inputs(
  name: string,
  addressListId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    __provider: provider,
    addressListId,
    region: emulator.region,
    endpoint: emulator.url,
    minDelay: 0.1,
    maxDelay: 0.2,
    maxWaitTime: 20,
    progressUrn: urnOf(IMPORT_JOBS_GATE_TYPE, name),
    ...extra,
  };
}

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await host.check(String(news.progressUrn), {}, news);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

/** Creates an import job, uploads `file` and starts it: it finishes PROCESSING_MS later. */
async function startImport(addressListId: string, name: string, file: string): Promise<string> {
  const created = await client.send(
    new CreateAddressListImportJobCommand({
      AddressListId: addressListId,
      Name: name,
      ImportDataFormat: { ImportDataType: "CSV" },
    }),
  );
  expect((await fetch(created.PreSignedUrl as string, { method: "PUT", body: file })).status).toBe(200);
  await client.send(new StartAddressListImportJobCommand({ JobId: created.JobId }));
  return created.JobId as string;
}

/** Resolves once `predicate` holds, polling every 20 ms, or fails after `ms`. */
async function eventually(predicate: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("ImportJobsGate provider in the real host", () => {
  it("check returns bad options as failures and accepts unknown values", async () => {
    const urn = urnOf(IMPORT_JOBS_GATE_TYPE, "check");
    const bad = await host.check(
      urn,
      {},
      inputs("check", "al-1", { minDelay: 0, select: "first", progressUrn: 3 }),
    );
    expect(bad.failures.map((f) => f.property)).toEqual(["select", "minDelay", "progressUrn"]);
    const unknown = await host.check(
      urn,
      {},
      inputs("check", UNKNOWN, { maxWaitTime: UNKNOWN, jobIds: [UNKNOWN] }),
    );
    expect(unknown.failures).toEqual([]);
  });

  it("opens when an import job completes while it waits, reporting progress on the gate's row", async () => {
    const { addressListId } = seedList(emulator, []);
    const created = await client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: "newsletter",
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    const jobId = created.JobId as string;
    const put = await fetch(created.PreSignedUrl as string, {
      method: "PUT",
      body: "address\na@example.com\nb@example.com\nnot-an-address\n",
    });
    expect(put.status).toBe(200);

    const news = await checked(inputs("release", addressListId, { jobIds: [jobId] }));
    const urn = String(news.progressUrn);
    const opening = host.create(urn, news);
    // The gate is waiting and says so (the job is not started yet)...
    await eventually(() =>
      engine.logs.some((log) => log.urn === urn && log.message.includes(`${jobId} CREATED`)),
    );
    // ...until the job is started and the emulator finishes it.
    await client.send(new StartAddressListImportJobCommand({ JobId: jobId }));
    const { id, properties } = await opening;

    expect(id).toBe(`${emulator.region}/${addressListId}/gate`);
    expect(properties).toEqual({
      ...news,
      importJobs: [
        expect.objectContaining({
          jobId,
          name: "newsletter",
          status: "COMPLETED",
          importedItemsCount: 2,
          failedItemsCount: 1,
        }),
      ],
      acceptedJobIds: [jobId],
      counts: { total: 1, CREATED: 0, PROCESSING: 0, COMPLETED: 1, FAILED: 0, STOPPED: 0 },
      totals: { importedItems: 2, failedItems: 1 },
      // The old, narrower form of importJobs, deprecated, for one release.
      acceptedJobs: [
        { jobId, name: "newsletter", status: "COMPLETED", importedItemsCount: 2, failedItemsCount: 1 },
      ],
    });
    expect(Object.keys((properties.importJobs as object[])[0])).toEqual(
      expect.arrayContaining(["addressListId", "importDataType", "createdTimestamp", "completedTimestamp"]),
    );

    const mine = engine.logs.filter((log) => log.urn === urn);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0]).toMatchObject({
      severity: 1, // INFO
      ephemeral: true,
      message: expect.stringMatching(
        new RegExp(
          `^waiting for 1 import job of address list ${addressListId}: ${jobId} CREATED \\(\\d+s of 20s\\)$`,
        ),
      ),
    });
    expect(mine[mine.length - 1]).toEqual({
      severity: 1,
      ephemeral: false,
      urn,
      message: `1 import job of address list ${addressListId} finished: ${jobId} COMPLETED (imported 2, failed 1)`,
    });
    // Throttled: one message per change of status or counts, not one per poll (about 0.1–0.2 s each).
    const distinct = new Set(mine.map((log) => log.message.replace(/\(\d+s of 20s\)/, "")));
    expect(distinct.size).toBe(mine.length);
  });

  it("fails with the job's error text in the gRPC error when the job fails while it waits", async () => {
    const { addressListId, jobIds } = seedList(emulator, [
      job("PROCESSING", {
        error: "Input file has no address header",
        importedItemsCount: 0,
        failedItemsCount: 4,
      }),
    ]);
    const news = await checked(inputs("failing", addressListId, { select: "latest" }));
    const error = (await host.create(String(news.progressUrn), news).catch((e: unknown) => e)) as {
      code: number;
      details: string;
    };
    expect(error.code).toBe(2); // UNKNOWN, as the host reports a thrown error
    expect(error.details).toBe(
      `[ImportJobFailedError] 1 import job of address list \`${addressListId}\` did not meet the policy (FAILED): ` +
        `${jobIds[0]} (import-${counter}): FAILED, "Input file has no address header", imported 0, failed 4. ` +
        "Fix the input file and create a new import job.",
    );
  });

  it("times out with the never-started hint in the gRPC error", async () => {
    const { addressListId } = seedList(emulator, [job("CREATED")]);
    const news = await checked(inputs("stuck", addressListId, { maxWaitTime: 0.5 }));
    const error = (await host.create(String(news.progressUrn), news).catch((e: unknown) => e)) as {
      details: string;
    };
    expect(error.details).toMatch(
      /^\[WaitTimeoutError\] 1 import job of address list .* did not finish within 0.5 s: /,
    );
    expect(error.details).toContain("A job still CREATED was probably never started");
  });

  it("diff reports no change while the accepted jobs still hold, and a change when new jobs match", async () => {
    const { addressListId } = seedList(emulator, [
      job("COMPLETED", { importedItemsCount: 5 }),
      job("COMPLETED", { importedItemsCount: 6 }),
    ]);
    const news = await checked(inputs("steady", addressListId, { select: "all" }));
    const urn = String(news.progressUrn);
    const { id, properties } = await host.create(urn, news);
    expect(properties.acceptedJobIds).toHaveLength(2);
    expect(await host.diff(id, urn, properties, news)).toEqual({ changes: "DIFF_NONE", replaces: [] });
    // The URN is how progress finds the row, not a setting.
    expect(await host.diff(id, urn, properties, { ...news, progressUrn: "urn:other" })).toEqual({
      changes: "DIFF_NONE",
      replaces: [],
    });
    // The state is read back as is on refresh; the next diff re-checks.
    expect(await host.read(id, urn, properties)).toEqual({ id, properties });

    await createJob(emulator, addressListId, "late-import");
    expect(await host.diff(id, urn, properties, news)).toEqual({ changes: "DIFF_SOME", replaces: [] });
  });

  it("diff reports a change when the condition no longer holds or a setting changed", async () => {
    const { addressListId, jobIds } = seedList(emulator, [job("COMPLETED", { importedItemsCount: 5 })]);
    const news = await checked(inputs("latest", addressListId));
    const urn = String(news.progressUrn);
    const { id, properties } = await host.create(urn, news);
    expect(properties.acceptedJobIds).toEqual(jobIds);
    expect((await host.diff(id, urn, properties, { ...news, minImportedItems: 1 })).changes).toBe(
      "DIFF_SOME",
    );
    expect(await host.diff(id, urn, properties, { ...news, addressListId: "al-other" })).toEqual({
      changes: "DIFF_SOME",
      replaces: ["addressListId"],
    });
    expect((await host.diff(id, urn, properties, { ...news, maxWaitTime: UNKNOWN })).changes).toBe(
      "DIFF_SOME",
    );
    // The latest job is now one that has not finished: the gate no longer holds.
    await createJob(emulator, addressListId, "newer");
    expect((await host.diff(id, urn, properties, news)).changes).toBe("DIFF_SOME");
  });

  it("update waits again and records the newly accepted jobs", async () => {
    const { addressListId, jobIds } = seedList(emulator, [job("COMPLETED", { importedItemsCount: 1 })]);
    const news = await checked(inputs("again", addressListId, { select: "all" }));
    const urn = String(news.progressUrn);
    const { id, properties } = await host.create(urn, news);
    // A new import runs: the diff sees it, and the update waits until it finished.
    const running = await startImport(addressListId, "second", "address\nc@example.com\n");
    expect((await host.diff(id, urn, properties, news)).changes).toBe("DIFF_SOME");
    const updated = await host.update(id, urn, properties, news);
    expect(updated.properties.acceptedJobIds).toEqual([...jobIds, running]);
    expect(updated.properties.totals).toEqual({ importedItems: 2, failedItems: 0 });
    expect(await host.diff(id, urn, updated.properties, news)).toEqual({
      changes: "DIFF_NONE",
      replaces: [],
    });
  });

  it("delete does nothing and makes no request", async () => {
    const { addressListId } = seedList(emulator, [job("COMPLETED")]);
    const news = await checked(inputs("deleted", addressListId));
    const urn = String(news.progressUrn);
    const { id, properties } = await host.create(urn, news);
    emulator.resetCalls();
    await host.delete(id, urn, properties);
    expect(emulator.calls()).toBe(0);
  });

  it("keeps waiting without progress messages when the engine cannot be reached", async () => {
    const silent = await startProviderHost({ cwd: REPO_ROOT, engineAddress: "127.0.0.1:1" });
    try {
      await silent.configure();
      const { addressListId, jobIds } = seedList(emulator, [job("PROCESSING", { importedItemsCount: 3 })]);
      const news = inputs("silent", addressListId);
      const { properties } = await silent.create(String(news.progressUrn), news);
      expect(properties.acceptedJobIds).toEqual(jobIds);
      // The host's stderr reaches this process through a pipe, possibly after the RPC's answer.
      await eventually(() => silent.stderr().includes("cannot send progress to the engine at 127.0.0.1:1"));
    } finally {
      await silent.close();
    }
  });
});
