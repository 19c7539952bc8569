// AddressListImportJobs's provider through the real dynamic-provider host over gRPC: serialised as the
// SDK serialises it, deserialised and run by the host from this repository, against the emulator.
import type { Emulator } from "../../emulator";
import { ADDRESS_LIST_IMPORT_JOBS_TYPE, getAddressListImportJobs } from "../../provider";
import { addressListImportJobsProvider } from "../../provider/pulumi/addressListImportJobsProvider";
import { createJob, manyJobs, seedList, startTestEmulator } from "../support/emulatorFixture";
import {
  REPO_ROOT,
  UNKNOWN,
  serializeProvider,
  startProviderHost,
  urnOf,
  type ProviderHost,
} from "./providerHost";

let emulator: Emulator;
let host: ProviderHost;
let provider: string;
const urn = urnOf(ADDRESS_LIST_IMPORT_JOBS_TYPE, "imports");

beforeAll(async () => {
  [emulator, host, provider] = await Promise.all([
    startTestEmulator(),
    startProviderHost({ cwd: REPO_ROOT }),
    serializeProvider(addressListImportJobsProvider),
  ]);
  await host.configure({ "aws:region": "eu-west-1" });
});

afterAll(async () => {
  await host?.close();
  await emulator?.close();
});

let seeded = 0;
/** `count` seed jobs with ids unique in the emulator. */
function jobs(count: number) {
  seeded += 1;
  return manyJobs(count, `j${seeded}`);
}

/** The inputs as the program sends them: resolved client settings and the serialised provider. */
function inputs(addressListId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { __provider: provider, addressListId, region: emulator.region, endpoint: emulator.url, ...extra };
}

/** check then create, as the engine does for a new resource. */
async function created(news: Record<string, unknown>) {
  const checked = await host.check(urn, {}, news);
  expect(checked.failures).toEqual([]);
  return host.create(urn, checked.inputs);
}

describe("AddressListImportJobs provider in the real host", () => {
  it("check returns every bad argument as a failure, and passes valid inputs through", async () => {
    const { addressListId } = seedList(emulator, jobs(1));
    const bad = await host.check(
      urn,
      {},
      inputs(addressListId, { pageSize: 0, statuses: ["DONE"], cache: true }),
    );
    expect(bad.failures.map((f) => f.property)).toEqual(["pageSize", "statuses", "cache"]);
    expect(bad.failures[0].reason).toBe("Expected `pageSize` to be an integer from 1 to 50, got 0.");
    const good = await host.check(urn, {}, inputs(addressListId, { pageSize: 10 }));
    expect(good).toEqual({ inputs: inputs(addressListId, { pageSize: 10 }), failures: [] });
  });

  it("check accepts values that are unknown during preview", async () => {
    const checked = await host.check(
      urn,
      {},
      inputs(UNKNOWN, { pageSize: UNKNOWN, statuses: ["COMPLETED", UNKNOWN] }),
    );
    expect(checked.failures).toEqual([]);
  });

  it("create returns the data function's result plus the echoed inputs, with an id per region and list", async () => {
    const { addressListId } = seedList(emulator, jobs(7));
    const { id, properties } = await created(
      inputs(addressListId, { pageSize: 3, statuses: ["COMPLETED", "FAILED"] }),
    );
    const expected = await getAddressListImportJobs({
      addressListId,
      region: emulator.region,
      endpoint: emulator.url,
      statuses: ["COMPLETED", "FAILED"],
      cache: false,
    });
    expect(id).toBe(`${emulator.region}/${addressListId}`);
    expect(properties).toEqual({
      ...inputs(addressListId, { pageSize: 3, statuses: ["COMPLETED", "FAILED"] }),
      ...expected,
    });
    expect(Object.keys(properties)).not.toContain("preSignedUrls");
  });

  it("create takes the region from the host's environment when the program resolved none", async () => {
    const { addressListId } = seedList(emulator, jobs(1));
    const { id, properties } = await created({ __provider: provider, addressListId, endpoint: emulator.url });
    expect(properties.region).toBe(process.env.AWS_REGION);
    expect(id).toBe(`${process.env.AWS_REGION}/${addressListId}`);
  });

  it("diff reports no change when nothing changed, also after the upload URLs were re-signed", async () => {
    const { addressListId } = seedList(emulator, jobs(4));
    const news = inputs(addressListId, { includePreSignedUrls: true });
    const { id, properties } = await created(news);
    const urls = properties.preSignedUrls as Record<string, string>;
    expect(Object.keys(urls)).toHaveLength(4);
    // Every read re-signs the URLs: the state's are already stale, yet nothing changed.
    const reread = await host.read(id, urn, properties);
    expect(reread.properties.preSignedUrls).not.toEqual(urls);
    expect(reread.properties.fingerprint).toBe(properties.fingerprint);
    expect(await host.diff(id, urn, properties, news)).toEqual({ changes: "DIFF_NONE", replaces: [] });
    expect(await host.diff(id, urn, reread.properties, news)).toEqual({ changes: "DIFF_NONE", replaces: [] });
  });

  it("diff reports a change when a job was added or changed status", async () => {
    const { addressListId, jobIds } = seedList(emulator, jobs(3));
    const news = inputs(addressListId);
    const { id, properties } = await created(news);
    await createJob(emulator, addressListId, "april");
    expect((await host.diff(id, urn, properties, news)).changes).toBe("DIFF_SOME");

    const { addressListId: other, jobIds: otherIds } = seedList(emulator, jobs(3));
    const before = await created(inputs(other));
    emulator.updateJob(otherIds[1], { status: "COMPLETED", importedItemsCount: 10, failedItemsCount: 0 });
    expect((await host.diff(before.id, urn, before.properties, inputs(other))).changes).toBe("DIFF_SOME");
    expect(jobIds).toHaveLength(3);
  });

  it("diff reports a change when an input changed, replacing for another list or region", async () => {
    const { addressListId } = seedList(emulator, jobs(2));
    const { id, properties } = await created(inputs(addressListId));
    expect(await host.diff(id, urn, properties, inputs(addressListId, { statuses: ["CREATED"] }))).toEqual({
      changes: "DIFF_SOME",
      replaces: [],
    });
    expect(await host.diff(id, urn, properties, inputs(addressListId, { pageSize: 1 }))).toEqual({
      changes: "DIFF_SOME",
      replaces: [],
    });
    const { addressListId: other } = seedList(emulator, jobs(2));
    expect(await host.diff(id, urn, properties, inputs(other))).toEqual({
      changes: "DIFF_SOME",
      replaces: ["addressListId"],
    });
    expect(await host.diff(id, urn, properties, inputs(UNKNOWN))).toEqual({
      changes: "DIFF_SOME",
      replaces: [],
    });
  });

  it("update re-reads with the new inputs", async () => {
    const { addressListId } = seedList(emulator, jobs(5));
    const { id, properties } = await created(inputs(addressListId));
    await createJob(emulator, addressListId, "may");
    const news = inputs(addressListId, { sortOrder: "descending" });
    const updated = await host.update(id, urn, properties, news);
    expect(updated.properties.sortOrder).toBe("descending");
    expect((updated.properties.counts as { total: number }).total).toBe(6);
    expect((updated.properties.importJobs as { name: string }[])[0].name).toBe("may");
    expect(await host.diff(id, urn, updated.properties, news)).toEqual({
      changes: "DIFF_NONE",
      replaces: [],
    });
  });

  it("read re-reads the jobs, also from the id alone", async () => {
    const { addressListId } = seedList(emulator, jobs(2));
    const { id, properties } = await created(inputs(addressListId));
    await createJob(emulator, addressListId, "june");
    const refreshed = await host.read(id, urn, properties);
    expect(refreshed.id).toBe(id);
    expect(refreshed.properties.jobIds).toHaveLength(3);
    expect(refreshed.properties.endpoint).toBe(emulator.url);
    // `pulumi import` sends no state; the id "region/list" is enough (with the endpoint from the env).
    const imported = await startProviderHost({
      cwd: REPO_ROOT,
      env: { ...process.env, AWS_ENDPOINT_URL_MAILMANAGER: emulator.url },
    });
    try {
      await imported.configure();
      const fromId = await imported.read(id, urn, { __provider: provider });
      expect(fromId.properties.jobIds).toEqual(refreshed.properties.jobIds);
    } finally {
      await imported.close();
    }
  });

  it("delete is a no-op that makes no request", async () => {
    const { addressListId } = seedList(emulator, jobs(1));
    const { id, properties } = await created(inputs(addressListId));
    emulator.resetCalls();
    await host.delete(id, urn, properties);
    expect(emulator.calls()).toBe(0);
  });

  it("create fails with the package's error message over gRPC", async () => {
    const error = await host.create(urn, inputs("al-does-not-exist")).catch((e: unknown) => e);
    expect((error as { details?: string }).details).toMatch(
      /^\[AddressListNotFoundError\] Address list `al-does-not-exist` was not found in region us-east-1/,
    );
  });
});
