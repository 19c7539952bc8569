// The package as a user installs it: the `npm pack` tarball (packed once per run by
// tests/support/builtPackage.ts) installed into a fresh program directory with its own node_modules.
// The providers are serialised there by the real resource classes (under mocks, which serialise as
// `pulumi up` does) and run by that directory's dynamic-provider host. This is where the module
// resolution and `exports`-map traps show (docs/MAINTAINING.md, "Pulumi constraints").
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { ADDRESS_LIST_IMPORT_JOBS_TYPE, IMPORT_JOBS_GATE_TYPE } from "../../provider";
import { createConsumer } from "../support/pulumiCli";
import { T0, seedList, startTestEmulator } from "../support/emulatorFixture";
import { requiredModules, storedProviderText } from "./storedProviderText";
import {
  REPO_ROOT,
  startFakeEngine,
  startProviderHost,
  urnOf,
  type FakeEngine,
  type ProviderHost,
} from "./providerHost";

/** Serialises both providers in the consumer the way `pulumi up` does: by constructing the resources. */
const SERIALIZE_SCRIPT = `
const pulumi = require("@pulumi/pulumi");
(async () => {
  const texts = {};
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        texts[args.type] = args.inputs.__provider;
        return { id: args.name + "-id", state: args.inputs };
      },
      call: () => ({}),
    },
    "consumer",
    "dev",
    false,
  );
  const { AddressListImportJobs, ImportJobsGate } = require("pulumi-mailmanager-import-jobs");
  const jobs = new AddressListImportJobs("jobs", { addressListId: "al-1", region: "us-east-1" });
  const gate = new ImportJobsGate("gate", { addressListId: "al-1", region: "us-east-1" });
  await new Promise((resolve) => pulumi.all([jobs.id, gate.id]).apply(resolve));
  process.stdout.write(JSON.stringify(texts));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

let consumer: string;
let texts: Record<string, string>;
let emulator: Emulator;
let engine: FakeEngine;
let host: ProviderHost;

beforeAll(async () => {
  consumer = createConsumer();
  writeFileSync(join(consumer, "serialize.js"), SERIALIZE_SCRIPT);
  texts = JSON.parse(
    execFileSync(process.execPath, ["serialize.js"], { cwd: consumer, encoding: "utf8", timeout: 60_000 }),
  ) as Record<string, string>;
  [emulator, engine] = await Promise.all([startTestEmulator(), startFakeEngine()]);
  host = await startProviderHost({ cwd: consumer, engineAddress: engine.address });
  await host.configure();
}, 180_000);

afterAll(async () => {
  await host?.close();
  await engine?.close();
  await emulator?.close();
});

describe("the package installed from its tarball into a fresh program", () => {
  it("serialises its providers as the golden text: a require of the public entry, never of a file", () => {
    for (const type of [ADDRESS_LIST_IMPORT_JOBS_TYPE, IMPORT_JOBS_GATE_TYPE]) {
      const text = texts[type];
      expect(requiredModules(text)).toEqual(["pulumi-mailmanager-import-jobs/dynamic-provider"]);
      expect(text).toBe(
        storedProviderText(type === IMPORT_JOBS_GATE_TYPE ? "ImportJobsGate" : "AddressListImportJobs"),
      );
      expect(text).not.toContain(REPO_ROOT);
      expect(text).not.toContain(consumer);
    }
  });

  it("runs AddressListImportJobs in that program's host: check, create, diff, update, read, delete", async () => {
    const { addressListId } = seedList(emulator, [
      { jobId: "ci-1", name: "march", status: "COMPLETED", createdTimestamp: T0, importedItemsCount: 4 },
      { jobId: "ci-2", name: "april", status: "FAILED", createdTimestamp: T0 + 1000, error: "bad file" },
    ]);
    const urn = urnOf(ADDRESS_LIST_IMPORT_JOBS_TYPE, "jobs");
    const news = {
      __provider: texts[ADDRESS_LIST_IMPORT_JOBS_TYPE],
      addressListId,
      region: "us-east-1",
      endpoint: emulator.url,
    };
    const checked = await host.check(urn, {}, news);
    expect(checked.failures).toEqual([]);
    const { id, properties } = await host.create(urn, checked.inputs);
    expect(properties).toMatchObject({
      jobIds: ["ci-1", "ci-2"],
      counts: { total: 2, COMPLETED: 1, FAILED: 1 },
    });
    expect(await host.diff(id, urn, properties, news)).toEqual({ changes: "DIFF_NONE", replaces: [] });
    const updated = await host.update(id, urn, properties, { ...news, statuses: ["COMPLETED"] });
    expect(updated.properties.jobIds).toEqual(["ci-1"]);
    expect((await host.read(id, urn, updated.properties)).properties.fingerprint).toBe(
      updated.properties.fingerprint,
    );
    await host.delete(id, urn, updated.properties);
  });

  it("runs ImportJobsGate in that program's host, with progress reaching the engine", async () => {
    const { addressListId } = seedList(emulator, [
      { jobId: "cg-1", name: "may", status: "COMPLETED", createdTimestamp: T0, importedItemsCount: 2 },
    ]);
    const urn = urnOf(IMPORT_JOBS_GATE_TYPE, "gate");
    const news = {
      __provider: texts[IMPORT_JOBS_GATE_TYPE],
      addressListId,
      region: "us-east-1",
      endpoint: emulator.url,
      progressUrn: urn,
    };
    expect((await host.check(urn, {}, news)).failures).toEqual([]);
    const { id, properties } = await host.create(urn, news);
    expect(properties).toMatchObject({
      acceptedJobIds: ["cg-1"],
      importJobs: [expect.objectContaining({ jobId: "cg-1", status: "COMPLETED" })],
      totals: { importedItems: 2, failedItems: 0 },
    });
    expect(await host.diff(id, urn, properties, news)).toEqual({ changes: "DIFF_NONE", replaces: [] });
    expect(engine.logs.filter((log) => log.urn === urn).map((log) => log.message)).toEqual([
      `1 import job of address list ${addressListId} finished: cg-1 COMPLETED (imported 2, failed 0)`,
    ]);
  });
});
