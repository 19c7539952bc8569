import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SeedJob } from "../../emulator";
import {
  getAddressListImportJobs,
  IMPORT_JOB_STATUSES,
  type GetAddressListImportJobsArgs,
  type ImportJob,
} from "../../provider";
import {
  T0,
  heldJob,
  manyJobs,
  rawClient,
  seedList,
  startTestEmulator,
  useEmulator,
} from "../support/emulatorFixture";

/** One of each shape of job: every optional field present on some, absent on others, and ties. */
const VARIED: SeedJob[] = [
  {
    jobId: "job-c",
    name: "march-import",
    status: "COMPLETED",
    importDataType: "CSV",
    createdTimestamp: T0 + 1000,
    startTimestamp: T0 + 2000,
    completedTimestamp: T0 + 9000,
    importedItemsCount: 40,
    failedItemsCount: 2,
  },
  {
    jobId: "job-a",
    name: "march-retry",
    status: "FAILED",
    importDataType: "JSON",
    createdTimestamp: T0 + 1000,
    startTimestamp: T0 + 3000,
    completedTimestamp: T0 + 4000,
    importedItemsCount: 0,
    failedItemsCount: 7,
    error: "Input file has no address header",
  },
  { jobId: "job-b", name: "april", status: "CREATED", importDataType: "CSV", createdTimestamp: T0 + 1000 },
  {
    jobId: "job-d",
    name: "may",
    status: "PROCESSING",
    importDataType: "JSON",
    createdTimestamp: T0 + 500,
    startTimestamp: T0 + 600,
  },
  {
    jobId: "job-e",
    name: "june",
    status: "STOPPED",
    importDataType: "CSV",
    createdTimestamp: T0 + 20_000,
    startTimestamp: T0 + 21_000,
    completedTimestamp: T0 + 22_000,
  },
  {
    jobId: "job-f",
    name: "july",
    status: "COMPLETED",
    importDataType: "JSON",
    createdTimestamp: T0 + 30_000,
    startTimestamp: T0 + 31_000,
    completedTimestamp: T0 + 32_000,
    importedItemsCount: 10,
    failedItemsCount: 0,
  },
];
/** VARIED in the package's order: createdTimestamp, then jobId. */
const VARIED_ORDER = ["job-d", "job-a", "job-b", "job-c", "job-e", "job-f"];

const emulator = useEmulator();
let list: string;

beforeAll(async () => {
  list = seedList(emulator, VARIED).addressListId;
});

/** Puts environment variables back as they were (deleting those that were unset). */
function restoreEnv(saved: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) {
      delete process.env[key];
    } else {
      process.env[key] = value;
    }
  }
}

function lookup(args: Partial<GetAddressListImportJobsArgs> = {}) {
  return getAddressListImportJobs({ addressListId: list, endpoint: emulator.url, cache: false, ...args });
}

describe(getAddressListImportJobs.name, () => {
  it("returns every field of every job exactly as the emulator holds it", async () => {
    const result = await lookup();
    const client = rawClient(emulator);
    try {
      for (const job of result.importJobs) {
        expect(job).toStrictEqual(await heldJob(client, job.jobId));
      }
    } finally {
      client.destroy();
    }
    const byId = new Map(result.importJobs.map((job) => [job.jobId, job]));
    for (const seed of VARIED) {
      const job = byId.get(seed.jobId as string) as ImportJob;
      expect(job).toMatchObject({
        jobId: seed.jobId,
        name: seed.name,
        status: seed.status,
        importDataType: seed.importDataType,
        addressListId: list,
        createdTimestamp: new Date(seed.createdTimestamp as number).toISOString(),
      });
      if (seed.completedTimestamp !== undefined) {
        expect(job.completedTimestamp).toBe(new Date(seed.completedTimestamp).toISOString());
      }
      if (seed.error !== undefined) {
        expect(job.error).toBe(seed.error);
      }
    }
  });

  it("returns plain JSON: ISO-8601 UTC strings, no Date, no undefined-valued keys, no pre-signed URL", async () => {
    const result = await lookup();
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    for (const job of result.importJobs) {
      for (const [key, value] of Object.entries(job)) {
        expect(value).not.toBeUndefined();
        expect(value).not.toBeInstanceOf(Date);
        if (key.endsWith("Timestamp")) {
          expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        }
      }
      expect(Object.keys(job)).not.toContain("preSignedUrl");
    }
    expect(JSON.stringify(result)).not.toMatch(/upload|X-Amz-Signature/i);
    expect("preSignedUrls" in result).toBe(false);
  });

  it("writes the keys of each job and of the result in one fixed order", async () => {
    const result = await lookup();
    const order = [
      "jobId",
      "name",
      "status",
      "importDataType",
      "addressListId",
      "importedItemsCount",
      "failedItemsCount",
      "createdTimestamp",
      "startTimestamp",
      "completedTimestamp",
      "error",
    ];
    for (const job of result.importJobs) {
      const keys = Object.keys(job);
      expect(keys).toStrictEqual(order.filter((key) => keys.includes(key)));
    }
    expect(Object.keys(result)).toStrictEqual([
      "addressListId",
      "region",
      "importJobs",
      "jobIds",
      "counts",
      "totals",
      "latest",
      "latestCompleted",
      "allCompleted",
      "anyFailed",
      "fingerprint",
    ]);
    expect(Object.keys(result.counts)).toStrictEqual(["total", ...IMPORT_JOB_STATUSES]);
  });

  it("returns jobs in creation order, ties on createdTimestamp broken by jobId", async () => {
    const result = await lookup();
    expect(result.jobIds).toStrictEqual(VARIED_ORDER);
    expect(result.importJobs.map((job) => job.jobId)).toStrictEqual(VARIED_ORDER);
  });

  it("does not leak the emulator's listing order, whatever it is", async () => {
    const jobs = manyJobs(30, "leak");
    const results: string[] = [];
    for (const listOrder of ["shuffled", "reverse", "creation"] as const) {
      const other = await startTestEmulator({ listOrder, orderSeed: 7 });
      try {
        const { addressListId } = seedList(other, jobs, "al-leak-check");
        const result = await getAddressListImportJobs({
          addressListId,
          endpoint: other.url,
          pageSize: 7,
          cache: false,
        });
        expect(result.jobIds).toStrictEqual(jobs.map((job) => job.jobId));
        results.push(JSON.stringify(result));
      } finally {
        await other.close();
      }
    }
    expect(new Set(results).size).toBe(1);
  });

  it("reverses the whole order, ties included, with sortOrder descending", async () => {
    const result = await lookup({ sortOrder: "descending" });
    expect(result.jobIds).toStrictEqual([...VARIED_ORDER].reverse());
    expect(result.latest?.jobId).toBe("job-f");
  });

  it("filters by statuses", async () => {
    const result = await lookup({ statuses: ["FAILED", "STOPPED"] });
    expect(result.jobIds).toStrictEqual(["job-a", "job-e"]);
    expect(result.counts).toStrictEqual({
      total: 2,
      CREATED: 0,
      PROCESSING: 0,
      COMPLETED: 0,
      FAILED: 1,
      STOPPED: 1,
    });
  });

  it("filters by importDataType", async () => {
    expect((await lookup({ importDataType: "JSON" })).jobIds).toStrictEqual(["job-d", "job-a", "job-f"]);
    expect((await lookup({ importDataType: "CSV" })).jobIds).toStrictEqual(["job-b", "job-c", "job-e"]);
  });

  it("filters by nameRegex, matched anywhere in the name", async () => {
    expect((await lookup({ nameRegex: "^march-" })).jobIds).toStrictEqual(["job-a", "job-c"]);
    expect((await lookup({ nameRegex: "u" })).jobIds).toStrictEqual(["job-e", "job-f"]);
  });

  it("filters by the half-open window [createdAfter, createdBefore)", async () => {
    const at = (ms: number) => new Date(T0 + ms).toISOString();
    expect((await lookup({ createdAfter: at(1000) })).jobIds).toStrictEqual([
      "job-a",
      "job-b",
      "job-c",
      "job-e",
      "job-f",
    ]);
    expect((await lookup({ createdBefore: at(1000) })).jobIds).toStrictEqual(["job-d"]);
    expect((await lookup({ createdAfter: at(1000), createdBefore: at(30_000) })).jobIds).toStrictEqual([
      "job-a",
      "job-b",
      "job-c",
      "job-e",
    ]);
    expect((await lookup({ createdAfter: "2024-05-02" })).jobIds).toStrictEqual([]);
    expect((await lookup({ createdAfter: "2024-05-01T02:00:00+02:00" })).jobIds).toStrictEqual(VARIED_ORDER);
  });

  it("keeps the first N after filtering and sorting with limit, and summarises those N", async () => {
    const oldest = await lookup({ limit: 2 });
    expect(oldest.jobIds).toStrictEqual(["job-d", "job-a"]);
    expect(oldest.counts.total).toBe(2);
    const newestCompleted = await lookup({ statuses: ["COMPLETED"], sortOrder: "descending", limit: 1 });
    expect(newestCompleted.jobIds).toStrictEqual(["job-f"]);
    expect(newestCompleted.allCompleted).toBe(true);
    expect((await lookup({ limit: 1000 })).jobIds).toStrictEqual(VARIED_ORDER);
  });

  it("summarises a non-empty list", async () => {
    const result = await lookup();
    expect(result.counts).toStrictEqual({
      total: 6,
      CREATED: 1,
      PROCESSING: 1,
      COMPLETED: 2,
      FAILED: 1,
      STOPPED: 1,
    });
    expect(result.totals).toStrictEqual({ importedItems: 50, failedItems: 9 });
    expect(result.latest?.jobId).toBe("job-f");
    expect(result.latestCompleted?.jobId).toBe("job-f");
    expect(result.allCompleted).toBe(false);
    expect(result.anyFailed).toBe(true);
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(result.addressListId).toBe(list);
    expect(result.region).toBe("us-east-1");
  });

  it("picks latestCompleted by creation time, not by list position or completion time", async () => {
    const result = await lookup({
      statuses: ["COMPLETED", "FAILED"],
      createdBefore: new Date(T0 + 25_000).toISOString(),
    });
    expect(result.latest?.jobId).toBe("job-c");
    expect(result.latestCompleted?.jobId).toBe("job-c");
  });

  it("summarises an empty list: zero counts, no latest, allCompleted false", async () => {
    const { addressListId } = seedList(emulator, []);
    const result = await getAddressListImportJobs({ addressListId, endpoint: emulator.url });
    expect(result).toStrictEqual({
      addressListId,
      region: "us-east-1",
      importJobs: [],
      jobIds: [],
      counts: { total: 0, CREATED: 0, PROCESSING: 0, COMPLETED: 0, FAILED: 0, STOPPED: 0 },
      totals: { importedItems: 0, failedItems: 0 },
      allCompleted: false,
      anyFailed: false,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("summarises a filter that matches nothing like an empty list", async () => {
    const result = await lookup({ nameRegex: "^nothing$" });
    expect(result.counts.total).toBe(0);
    expect("latest" in result).toBe(false);
    expect("latestCompleted" in result).toBe(false);
    expect(result.allCompleted).toBe(false);
    expect(result.anyFailed).toBe(false);
  });

  it("sets allCompleted only when every job completed", async () => {
    expect((await lookup({ statuses: ["COMPLETED"] })).allCompleted).toBe(true);
    expect((await lookup({ statuses: ["COMPLETED", "CREATED"] })).allCompleted).toBe(false);
  });

  it("returns pre-signed URLs, keyed by jobId, only when includePreSignedUrls is true", async () => {
    const without = await lookup();
    const withUrls = await lookup({ includePreSignedUrls: true });
    expect(Object.keys(withUrls.preSignedUrls ?? {})).toStrictEqual(withUrls.jobIds);
    for (const url of Object.values(withUrls.preSignedUrls ?? {})) {
      expect(url.startsWith(emulator.url)).toBe(true);
    }
    const { preSignedUrls, ...rest } = withUrls;
    expect(preSignedUrls).toBeDefined();
    expect(rest).toStrictEqual(without);
    expect(JSON.stringify(withUrls.importJobs)).not.toContain(emulator.url);
  });

  it("gives equal results equal fingerprints and different results different ones", async () => {
    const a = await lookup();
    expect((await lookup({ pageSize: 1 })).fingerprint).toBe(a.fingerprint);
    expect((await lookup({ limit: 5 })).fingerprint).not.toBe(a.fingerprint);
    const own = seedList(
      emulator,
      VARIED.map((job) => ({ ...job, jobId: `fp-${job.jobId}` })),
    );
    const before = await getAddressListImportJobs({
      addressListId: own.addressListId,
      endpoint: emulator.url,
      cache: false,
    });
    emulator.updateJob("fp-job-b", { status: "PROCESSING", startTimestamp: T0 + 40_000 });
    const after = await getAddressListImportJobs({
      addressListId: own.addressListId,
      endpoint: emulator.url,
      cache: false,
    });
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.counts.PROCESSING).toBe(before.counts.PROCESSING + 1);
  });

  it("echoes the region it queried: the argument first, then AWS_REGION", async () => {
    expect((await lookup({ region: "eu-west-1" })).region).toBe("eu-west-1");
    expect((await lookup()).region).toBe(process.env.AWS_REGION);
  });

  it("takes credentials and, without AWS_REGION, the region from a named profile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-profile-"));
    writeFileSync(join(dir, "config"), "[profile emu]\nregion = eu-west-3\n");
    writeFileSync(
      join(dir, "credentials"),
      "[emu]\naws_access_key_id = test\naws_secret_access_key = test\n",
    );
    const saved = {
      AWS_REGION: process.env.AWS_REGION,
      AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE,
      AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
    };
    try {
      delete process.env.AWS_REGION;
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      process.env.AWS_CONFIG_FILE = join(dir, "config");
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
      const result = await lookup({ profile: "emu" });
      expect(result.region).toBe("eu-west-3");
      expect(result.counts.total).toBe(VARIED.length);
      await expect(lookup({ profile: "missing" })).rejects.toThrow(/\[InvalidArgumentError\] .*`region`/);
    } finally {
      restoreEnv(saved);
    }
  });

  it("falls back to AWS_DEFAULT_REGION, and fails clearly before any request when no region is set", async () => {
    const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
    try {
      delete process.env.AWS_REGION;
      process.env.AWS_DEFAULT_REGION = "ap-southeast-2";
      expect((await lookup()).region).toBe("ap-southeast-2");
      delete process.env.AWS_DEFAULT_REGION;
      emulator.resetCalls();
      await expect(lookup()).rejects.toThrow(/\[InvalidArgumentError\] .*`region`.*aws:region.*AWS_REGION/);
      expect(emulator.calls()).toBe(0);
    } finally {
      restoreEnv(saved);
    }
  });
});
