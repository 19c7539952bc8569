import fc from "fast-check";
import type { Emulator, SeedJob } from "../../emulator";
import { getAddressListImportJobs } from "../../provider";
import { T0, startTestEmulator } from "../support/emulatorFixture";

/**
 * "Stable" as the README promises it, as a property: the same set of jobs gives byte-identical result JSON
 * whatever the page size and whatever order the service lists them in, and re-signed pre-signed URLs
 * never move the fingerprint. The service orders are separate emulators (the order is a start option).
 */

const NUM_RUNS = 60;

const ORDERS = [
  { listOrder: "shuffled", orderSeed: 1 },
  { listOrder: "shuffled", orderSeed: 99 },
  { listOrder: "reverse" },
  { listOrder: "creation" },
] as const;

let emulators: Emulator[];
let run = 0;
let lookups = 0;

beforeAll(async () => {
  emulators = await Promise.all(ORDERS.map((order) => startTestEmulator(order)));
});

afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  console.log(`stability property: ${run} runs, ${lookups} lookups`);
});

/** Any import job; few distinct creation instants so that ties on createdTimestamp are common. */
const seedJob: fc.Arbitrary<SeedJob> = fc.record(
  {
    jobId: fc.stringMatching(/^[a-zA-Z0-9-]{1,12}$/),
    name: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/),
    status: fc.constantFrom("CREATED", "PROCESSING", "COMPLETED", "FAILED", "STOPPED"),
    importDataType: fc.constantFrom("CSV", "JSON"),
    createdTimestamp: fc.integer({ min: 0, max: 6 }).map((i) => T0 + i * 1000),
    startTimestamp: fc.integer({ min: 0, max: 10_000_000 }).map((ms) => T0 + 10_000 + ms),
    completedTimestamp: fc.integer({ min: 0, max: 10_000_000 }).map((ms) => T0 + 20_000_000 + ms),
    importedItemsCount: fc.nat(1000),
    failedItemsCount: fc.nat(1000),
    error: fc.stringMatching(/^[a-zA-Z ]{1,30}$/),
  },
  { requiredKeys: ["jobId", "name", "status", "importDataType", "createdTimestamp"] },
);

const jobSet = fc.uniqueArray(seedJob, { maxLength: 70, selector: (job) => job.jobId });

/**
 * Seeds the same jobs into every emulator under a new list id; returns that id. Job ids get a per-run
 * prefix because job ids are unique per service, not per list (GetAddressListImportJob takes only a
 * JobId); the prefix is the same for every job of a run, so it changes no order.
 */
function seedEverywhere(jobs: SeedJob[]): string {
  run += 1;
  const addressListId = `al-prop-${process.pid}-${run}`;
  const runJobs = jobs.map((job) => ({ ...job, jobId: `r${run}-${job.jobId}` }));
  for (const emulator of emulators) {
    emulator.seed({ addressLists: [{ addressListId, name: addressListId, jobs: runJobs }] });
  }
  return addressListId;
}

describe("stability", () => {
  it(`gives byte-identical JSON for any jobs, any pageSize 1–50 and any service order (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        jobSet,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: ORDERS.length - 1 }),
        fc.integer({ min: 0, max: ORDERS.length - 1 }),
        async (jobs, pageSizeA, pageSizeB, orderA, orderB) => {
          const addressListId = seedEverywhere(jobs);
          const [a, b] = await Promise.all([
            getAddressListImportJobs({ addressListId, endpoint: emulators[orderA].url, pageSize: pageSizeA }),
            getAddressListImportJobs({ addressListId, endpoint: emulators[orderB].url, pageSize: pageSizeB }),
          ]);
          lookups += 2;
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          expect(a.counts.total).toBe(jobs.length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`keeps the fingerprint when only the pre-signed URLs were re-signed (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(jobSet, fc.integer({ min: 1, max: 50 }), async (jobs, pageSize) => {
        const addressListId = seedEverywhere(jobs);
        const endpoint = emulators[0].url;
        const first = await getAddressListImportJobs({
          addressListId,
          endpoint,
          pageSize,
          includePreSignedUrls: true,
          cache: false,
        });
        const second = await getAddressListImportJobs({
          addressListId,
          endpoint,
          pageSize,
          includePreSignedUrls: true,
          cache: false,
        });
        const plain = await getAddressListImportJobs({ addressListId, endpoint, pageSize, cache: false });
        lookups += 3;
        expect(Object.keys(first.preSignedUrls ?? {})).toHaveLength(jobs.length);
        for (const jobId of first.jobIds) {
          // The emulator really re-signed: every URL differs between the two calls.
          expect(second.preSignedUrls?.[jobId]).not.toBe(first.preSignedUrls?.[jobId]);
        }
        expect(second.fingerprint).toBe(first.fingerprint);
        expect(plain.fingerprint).toBe(first.fingerprint);
        const { preSignedUrls: _first, ...firstRest } = first;
        const { preSignedUrls: _second, ...secondRest } = second;
        expect(JSON.stringify(secondRest)).toBe(JSON.stringify(firstRest));
        expect(JSON.stringify(plain)).toBe(JSON.stringify(firstRest));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
