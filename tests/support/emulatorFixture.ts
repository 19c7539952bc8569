import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  type GetAddressListImportJobCommandOutput,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator, type EmulatorOptions, type SeedJob } from "../../emulator";

/**
 * Shared set-up for the suites that run against the emulator: a real emulator over HTTP, lists seeded
 * with known jobs, and an independent reading of what the emulator holds (GetAddressListImportJob
 * through a plain SDK client).
 */

/** Long enough that no seeded PROCESSING job finishes during a test, short enough for `setTimeout` (< 2^31 ms). */
const NEVER_MS = 2_000_000_000;

/** Starts an emulator whose seeded jobs keep their status for the whole test file. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ processingMs: NEVER_MS, ...options });
}

/**
 * The emulator of a test file: started before its tests, closed after them. Returns a stand-in that
 * forwards to the running emulator, so a file writes `const emulator = useEmulator();` and uses it as
 * usual inside its hooks and tests.
 */
export function useEmulator(options: EmulatorOptions = {}): Emulator {
  let current: Emulator | undefined;
  beforeAll(async () => {
    current = await startTestEmulator(options);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as Emulator, {
    get(_target, property) {
      if (current === undefined)
        throw new Error("the emulator runs only inside a test file's hooks and tests");
      const value = Reflect.get(current, property, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

let listCounter = 0;

/** A fresh address list id, so that lookups of different tests never share a cached pass. */
export function newListId(prefix = "al"): string {
  listCounter += 1;
  return `${prefix}-${process.pid}-${listCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Seeds one address list with `jobs`; returns its id and the job ids in seed order. */
export function seedList(
  emulator: Emulator,
  jobs: SeedJob[],
  addressListId = newListId(),
): { addressListId: string; jobIds: string[] } {
  const seeded = emulator.seed({ addressLists: [{ addressListId, name: addressListId, jobs }] });
  return { addressListId: seeded.addressListIds[0], jobIds: seeded.jobIds[0] };
}

/** 2024-05-01T00:00:00.000Z, the base of the seeded timestamps. */
export const T0 = Date.UTC(2024, 4, 1);

/** `count` seed jobs with distinct creation times (one minute apart) and every status in turn. */
export function manyJobs(count: number, prefix = "job"): SeedJob[] {
  const statuses = ["CREATED", "PROCESSING", "COMPLETED", "FAILED", "STOPPED"] as const;
  return Array.from({ length: count }, (_, i) => ({
    jobId: `${prefix}-${String(i).padStart(4, "0")}`,
    name: `${prefix}-${i}`,
    status: statuses[i % statuses.length],
    createdTimestamp: T0 + i * 60_000,
  }));
}

/** A plain SDK client for the emulator, independent of the package's own client factory. */
export function rawClient(emulator: Emulator): MailManagerClient {
  return new MailManagerClient({
    endpoint: emulator.url,
    region: emulator.region,
    credentials: emulator.credentials,
    maxAttempts: 1,
  });
}

/** What the emulator holds for one job, read with GetAddressListImportJob and mapped by hand. */
export async function heldJob(client: MailManagerClient, jobId: string): Promise<Record<string, unknown>> {
  const raw: GetAddressListImportJobCommandOutput = await client.send(
    new GetAddressListImportJobCommand({ JobId: jobId }),
  );
  const iso = (d: Date | undefined) => (d === undefined ? undefined : d.toISOString());
  const job: Record<string, unknown> = {
    jobId: raw.JobId,
    name: raw.Name,
    status: raw.Status,
    importDataType: raw.ImportDataFormat?.ImportDataType,
    addressListId: raw.AddressListId,
    importedItemsCount: raw.ImportedItemsCount,
    failedItemsCount: raw.FailedItemsCount,
    createdTimestamp: iso(raw.CreatedTimestamp),
    startTimestamp: iso(raw.StartTimestamp),
    completedTimestamp: iso(raw.CompletedTimestamp),
    error: raw.Error,
  };
  for (const key of Object.keys(job)) {
    if (job[key] === undefined) {
      delete job[key];
    }
  }
  return job;
}

/** Minimum requests to list `n` jobs at `pageSize` per page: an empty list still takes one. */
export function expectedCalls(n: number, pageSize: number): number {
  return Math.max(1, Math.ceil(n / pageSize));
}

/** Creates one import job through the API, as a user would between two program runs. */
export async function createJob(emulator: Emulator, addressListId: string, name: string): Promise<string> {
  const client = rawClient(emulator);
  try {
    const created = await client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: name,
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    return created.JobId as string;
  } finally {
    client.destroy();
  }
}
