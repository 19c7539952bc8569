import { startEmulator, type Emulator, type SeedJob } from "../emulator";
import { seedJobs } from "./syntheticJobs";

/** Long enough that no seeded PROCESSING job finishes by itself during a run (< 2^31 ms for setTimeout). */
const NEVER_MS = 2_000_000_000;

/** The operation every scenario counts. */
export const LIST_OPERATION = "ListAddressListImportJobs";

/**
 * An emulator in this process with `latencyMs` on every API response and the default shuffled order;
 * `log` hears one line per request once its response is sent.
 */
export function startBenchEmulator(latencyMs: number, log?: (line: string) => void): Promise<Emulator> {
  return startEmulator({ processingMs: NEVER_MS, faults: { latencyMs }, ...(log ? { log } : {}) });
}

let lists = 0;

/** Seeds one address list holding `jobs`; returns its id and the jobs' ids. */
export function seedList(emulator: Emulator, jobs: SeedJob[]): { addressListId: string; jobIds: string[] } {
  lists += 1;
  const seeded = emulator.seed({ addressLists: [{ name: `bench-${lists}`, jobs }] });
  return { addressListId: seeded.addressListIds[0], jobIds: seeded.jobIds[0] };
}

/** A one-job list for the children's warm-up lookup. */
export const seedWarmupList = (emulator: Emulator): string =>
  seedList(emulator, seedJobs(1, "warmup")).addressListId;
