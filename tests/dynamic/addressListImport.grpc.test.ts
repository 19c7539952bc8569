// AddressListImport through the real dynamic-provider host over gRPC, with the text state stores (the
// forwarder, which requires the built package by name) and the emulator's real import lifecycle.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListAddressListImportJobsCommand, type MailManagerClient } from "@aws-sdk/client-mailmanager";
import type { Emulator } from "../../emulator";
import { ADDRESS_LIST_IMPORT_TYPE } from "../../provider";
import { forwardingProvider } from "../../provider/pulumi/forwardingProvider";
import { rawClient, seedList, startTestEmulator } from "../support/emulatorFixture";
import {
  REPO_ROOT,
  serializeProvider,
  startFakeEngine,
  startProviderHost,
  urnOf,
  type FakeEngine,
  type ProviderHost,
} from "./providerHost";

let emulator: Emulator;
let client: MailManagerClient;
let engine: FakeEngine;
let host: ProviderHost;
let provider: string;
let dir: string;

const CSV = "address\nana@example.com\nbo@example.com\ncy@example.com\n";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  [emulator, engine, provider] = await Promise.all([
    startTestEmulator({ processingMs: 200 }),
    startFakeEngine(),
    serializeProvider(forwardingProvider("AddressListImport")),
  ]);
  client = rawClient(emulator);
  host = await startProviderHost({ cwd: REPO_ROOT, engineAddress: engine.address });
  await host.configure();
  dir = mkdtempSync(join(tmpdir(), "pmij-import-"));
});

afterAll(async () => {
  client?.destroy();
  await host?.close();
  await engine?.close();
  await emulator?.close();
});

/** The resource's inputs as the program sends them, with fast polling. */
function inputs(name: string, addressListId: string, extra: Record<string, unknown> = {}) {
  return {
    __provider: provider,
    addressListId,
    region: emulator.region,
    endpoint: emulator.url,
    minDelay: 0.1,
    maxDelay: 0.2,
    maxWaitTime: 20,
    progressUrn: urnOf(ADDRESS_LIST_IMPORT_TYPE, name),
    ...extra,
  };
}

async function jobsOf(addressListId: string) {
  const out = await client.send(new ListAddressListImportJobsCommand({ AddressListId: addressListId }));
  return out.ImportJobs ?? [];
}

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("AddressListImport through the provider host", () => {
  it("check settles the name, the format and the content's hash; create imports once; state holds no address", async () => {
    const { addressListId } = seedList(emulator, []);
    const urn = urnOf(ADDRESS_LIST_IMPORT_TYPE, "members list");
    const file = csvFile("members.csv", CSV);
    const checked = await host.check(urn, {}, inputs("members list", addressListId, { file }));
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toMatchObject({ name: "members-list", format: "CSV", contentSha256: sha256(CSV) });

    emulator.resetCalls();
    const created = await host.create(urn, checked.inputs);
    expect(emulator.calls("CreateAddressListImportJob")).toBe(1);
    expect(emulator.calls("StartAddressListImportJob")).toBe(1);
    expect(emulator.uploads()).toBe(1);
    expect(created.properties).toMatchObject({
      jobId: created.id,
      status: "COMPLETED",
      importedItemsCount: 3,
      failedItemsCount: 0,
      name: "members-list",
      format: "CSV",
      contentSha256: sha256(CSV),
    });
    expect(JSON.stringify(created.properties)).not.toMatch(/@example\.com|X-Amz-Signature/);
    expect(await jobsOf(addressListId)).toHaveLength(1);

    // A create retried after a crash (same resource, same content): the same job, nothing imported again.
    emulator.resetCalls();
    const again = await host.create(urn, checked.inputs);
    expect(again.id).toBe(created.id);
    expect(emulator.uploads()).toBe(0);
    expect(emulator.calls("StartAddressListImportJob")).toBe(0);
    expect(await jobsOf(addressListId)).toHaveLength(1);

    // No change: no diff. Policy only: an update in place. Content: a replacement.
    expect(await host.diff(created.id, urn, created.properties, checked.inputs)).toEqual({
      changes: "DIFF_NONE",
      replaces: [],
    });
    const stricter = await host.check(
      urn,
      {},
      inputs("members list", addressListId, { file, maxFailedItems: 0 }),
    );
    expect((await host.diff(created.id, urn, created.properties, stricter.inputs)).replaces).toEqual([]);
    writeFileSync(file, `${CSV}dee@example.com\n`);
    const edited = await host.check(urn, {}, inputs("members list", addressListId, { file }));
    expect(await host.diff(created.id, urn, created.properties, edited.inputs)).toEqual({
      changes: "DIFF_SOME",
      replaces: ["contentSha256"],
    });

    const read = await host.read(created.id, urn, created.properties);
    expect(read.properties).toMatchObject({ jobId: created.id, status: "COMPLETED", importedItemsCount: 3 });

    emulator.resetCalls();
    await host.delete(created.id, urn, created.properties);
    expect(emulator.calls("StopAddressListImportJob")).toBe(0);
  });

  it("takes content as text, and a file the service rejects fails `up` naming the job and its error", async () => {
    const { addressListId } = seedList(emulator, []);
    const urn = urnOf(ADDRESS_LIST_IMPORT_TYPE, "bad");
    const checked = await host.check(
      urn,
      {},
      inputs("bad", addressListId, { content: "email\nana@example.com\n", format: "CSV" }),
    );
    expect(checked.failures).toEqual([]);
    const error = await host.create(urn, checked.inputs).then(
      () => undefined,
      (e: Error) => e,
    );
    const [job] = await jobsOf(addressListId);
    expect(error?.message).toContain("[ImportJobFailedError]");
    expect(error?.message).toContain(job.JobId);
    expect(error?.message).toContain("FAILED");
    expect(error?.message).not.toMatch(/@example\.com/);
  });

  it("rejects bad inputs in check, tagged as the function's error, before any request", async () => {
    const { addressListId } = seedList(emulator, []);
    const urn = urnOf(ADDRESS_LIST_IMPORT_TYPE, "x");
    emulator.resetCalls();
    const missing = await host.check(urn, {}, inputs("x", addressListId, { file: join(dir, "nope.csv") }));
    expect(missing.failures).toEqual([
      {
        property: "file",
        reason: expect.stringMatching(/^\[InvalidArgumentError\] .*nope\.csv.*no such file/),
      },
    ]);
    const token = await host.check(urn, {}, inputs("x", addressListId, { content: "a", clientToken: "t" }));
    expect(token.failures.map((f) => f.property)).toEqual(expect.arrayContaining(["clientToken"]));
    expect(emulator.calls()).toBe(0);
  });
});

describe("the engine's Cancel (the first Ctrl-C)", () => {
  it("ends an import's wait and a gate's wait at once, through the host that ignores Cancel itself", async () => {
    const slow = await startTestEmulator({ processingMs: 120_000 });
    const own = await startProviderHost({ cwd: REPO_ROOT, engineAddress: engine.address });
    try {
      await own.configure();
      const { addressListId } = seedList(slow, []);
      const urn = urnOf(ADDRESS_LIST_IMPORT_TYPE, "slow");
      const checked = await own.check(
        urn,
        {},
        {
          ...inputs("slow", addressListId, { content: CSV, format: "CSV", maxWaitTime: 600 }),
          endpoint: slow.url,
        },
      );
      const gateText = await serializeProvider(forwardingProvider("ImportJobsGate"));
      const gateUrn = urnOf("pulumi-nodejs:dynamic/mailmanager:ImportJobsGate", "gate");
      const creating = own.create(urn, checked.inputs).then(
        () => undefined,
        (e: Error) => e,
      );
      const gating = own
        .create(gateUrn, {
          __provider: gateText,
          addressListId,
          region: slow.region,
          endpoint: slow.url,
          select: "latest",
          minDelay: 0.1,
          maxDelay: 0.2,
          maxWaitTime: 600,
          progressUrn: gateUrn,
        })
        .then(
          () => undefined,
          (e: Error) => e,
        );
      // Both are waiting once the job is PROCESSING.
      for (let i = 0; i < 100 && slow.calls("StartAddressListImportJob") === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const cancelledAt = Date.now();
      await own.cancel();
      const [importError, gateError] = await Promise.all([creating, gating]);
      const took = Date.now() - cancelledAt;
      expect(took).toBeLessThan(5_000);
      expect(importError?.message).toContain("[WaitAbortedError]");
      expect(importError?.message).toContain("the deployment was cancelled");
      expect(gateError?.message).toContain("[WaitAbortedError]");
      expect(importError?.message.split("\n")).toHaveLength(1);
    } finally {
      await own.close();
      await slow.close();
    }
  });
});
