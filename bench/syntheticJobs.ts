import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import type { SeedJob } from "../emulator";

/** 2024-05-01T00:00:00Z, the first job's creation time. */
const T0 = Date.UTC(2024, 4, 1);

/** Terminal statuses only: a PROCESSING seed job would start a timer in the emulator. */
const STATUSES = ["COMPLETED", "COMPLETED", "COMPLETED", "FAILED", "CREATED", "STOPPED"] as const;

/**
 * `count` import jobs the way a busy list looks: one a second, two created in the same second each time
 * (so the `jobId` tie-break is exercised), mostly COMPLETED, both formats. The emulator generates the
 * ids and lists them in its default "shuffled" order, so every client has to sort.
 */
export function seedJobs(count: number, prefix = "import"): SeedJob[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length];
    const created = T0 + Math.floor(i / 2) * 1000;
    const finished = status === "COMPLETED" || status === "FAILED" || status === "STOPPED";
    return {
      name: `${prefix}-${i}`,
      status,
      importDataType: i % 4 === 0 ? "JSON" : "CSV",
      createdTimestamp: created,
      ...(status === "CREATED" ? {} : { startTimestamp: created + 500 }),
      ...(finished ? { completedTimestamp: created + 60_000 } : {}),
      ...(status === "COMPLETED" ? { importedItemsCount: 1000 + (i % 97), failedItemsCount: i % 5 } : {}),
      ...(status === "FAILED" ? { importedItemsCount: 0, failedItemsCount: 0, error: "Malformed file" } : {}),
    };
  });
}

/** A deterministic shuffle (mulberry32 + Fisher–Yates), so every run sorts the same input. */
function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * The same jobs as {@link seedJobs}, shaped as the SDK hands them over (Dates, a pre-signed URL of the
 * emulator's length on each), in a shuffled order: the input of the CPU benchmark, with no network.
 */
export function sdkJobs(count: number, addressListId = "al-bench"): SdkImportJob[] {
  const jobs = seedJobs(count).map((seed, i): SdkImportJob => {
    const jobId = `job-${(i * 2654435761).toString(16).padStart(20, "0").slice(-20)}`;
    const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
    return {
      JobId: jobId,
      Name: seed.name,
      Status: seed.status,
      PreSignedUrl:
        `http://127.0.0.1:40000/upload/${jobId}?X-Amz-Date=20240501T000000Z&X-Amz-Expires=900&` +
        `X-Amz-Security-Token=${"n".repeat(22)}&X-Amz-Signature=${"0".repeat(64)}`,
      ImportedItemsCount: seed.importedItemsCount,
      FailedItemsCount: seed.failedItemsCount,
      ImportDataFormat: { ImportDataType: seed.importDataType },
      AddressListId: addressListId,
      CreatedTimestamp: date(seed.createdTimestamp),
      StartTimestamp: date(seed.startTimestamp),
      CompletedTimestamp: date(seed.completedTimestamp),
      Error: seed.error,
    };
  });
  return shuffle(jobs, 20240501);
}
