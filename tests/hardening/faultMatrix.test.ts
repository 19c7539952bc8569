import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import fc from "fast-check";
import { startEmulator, type Emulator, type FaultOptions, type ListOrder } from "../../emulator";
import { isImportJobsError, waitForImportJobs, type ImportJobsErrorName } from "../../provider";
import { buildImportJobsResult } from "../../provider/core/buildImportJobsResult";
import { createClient, resetRateLimiters } from "../../provider/core/createClient";
import { fetchAddressListImportJobs } from "../../provider/core/fetchAddressListImportJobs";
import { listImportJobPages } from "../../provider/core/listImportJobPages";
import {
  bounded,
  createJobs,
  deleteList,
  printSummary,
  SHORT_REQUEST_TIMEOUT_MS,
  testClient,
  useFastClientEnvironment,
} from "./support";

/**
 * Part 1 of the hardening issue: a fault matrix, as a fast-check property over at least 500
 * scenarios, against the emulator over real HTTP.
 *
 * Each scenario is a fresh address list of 0–120 jobs, read at a random page size from an emulator
 * with a random listing order, while the emulator throttles (bursts and a TPS limit), answers 5xx,
 * resets connections, answers slower than the request timeout, truncates bodies, repeats or cycles its
 * NextToken, and jobs are created (by the service between pages, or through the API) or deleted (the
 * API deletes jobs only with their address list) while the client pages.
 *
 * A quarter of the scenarios wait instead (`waitForImportJobs` with `jobIds`, which polls
 * GetAddressListImportJob per job): 1–5 selected jobs, some still PROCESSING until the test completes
 * them after the first poll, sometimes an id the list does not hold, or a selected job that disappears
 * mid-wait; under the same throttling, 5xx, resets, slow and truncated responses. And any scenario
 * may start with the service rejecting the credentials (InvalidSignatureException,
 * UnrecognizedClientException, ExpiredTokenException), which must give a CredentialsError.
 *
 * The invariant: the lookup either returns every job present for the whole scan exactly once (jobs
 * created during the scan may or may not be in it, but never twice, and nothing else is) or rejects
 * with one of the package's typed errors that the scenario's faults can explain — never a hang, never
 * a partial result returned as if complete. Where the faults cannot make the lookup fail (a throttling
 * burst shorter than `maxAttempts`, no fault at all) it must succeed; where the token chain is broken on
 * a list of several pages it must fail.
 *
 * The scenarios come from a fixed seed, so every run checks the same ones and a failure reproduces;
 * `FAULT_MATRIX_SEED=<n>` explores others (the seed is in the summary line).
 */

const NUM_RUNS = 512;
/** The scenarios every run checks; set FAULT_MATRIX_SEED for others. */
const DEFAULT_SEED = 20261130;
/** A scenario still running after this long is a hang (a fault-free scenario takes milliseconds). */
const HANG_MS = 20_000;
/**
 * A "slow" response: far longer than the request timeout (support.ts), so that a client that waits for
 * it instead of timing out and retrying blows the time budget below.
 */
const SLOW_RESPONSE_MS = 5_000;
/**
 * Time budget of a scenario: per request, the request timeout plus room for the backoff and the
 * emulator's work; plus a fixed allowance. A scenario over budget waited for something it should not have.
 */
const BUDGET_PER_REQUEST_MS = SHORT_REQUEST_TIMEOUT_MS + 100;
const BUDGET_BASE_MS = 1_000;

/** Long enough that no seeded PROCESSING job changes status during the suite. */
const NEVER_MS = 2_000_000_000;
const ORDERS: readonly ListOrder[] = ["shuffled", "creation", "reverse"];
/** No PROCESSING: DeleteAddressList refuses a list with a job in progress (ConflictException). */
const STATUSES = ["CREATED", "COMPLETED", "FAILED", "STOPPED"] as const;

/** Jobs created or deleted while the client pages, between two pages. */
type Mutation =
  | { readonly kind: "none" }
  | { readonly kind: "create"; readonly afterPage: number; readonly count: number }
  | { readonly kind: "delete"; readonly afterPage: number };

/** The service's answers to credentials it does not accept, as the emulator (and AWS) send them. */
const CREDENTIALS_FAULTS = [
  { status: 403, type: "InvalidSignatureException" },
  { status: 403, type: "UnrecognizedClientException" },
  { status: 400, type: "ExpiredTokenException" },
] as const;

/** What the waiting scenarios wait for. */
interface WaitPlan {
  /** Seeded jobs the wait names in `jobIds` (the first ones of the list). */
  readonly selected: number;
  /** How many of them are PROCESSING until the test completes them after the first poll. */
  readonly running: number;
  /** Adds an id the list does not hold. */
  readonly unknownId: boolean;
}

interface Scenario {
  /** Read the list (`fetchAddressListImportJobs` / the page iterator), or wait for jobs by id. */
  readonly mode: "list" | "wait";
  readonly wait: WaitPlan;
  /** The first request is answered with this credentials error (index into CREDENTIALS_FAULTS). */
  readonly credentials?: number;
  readonly order: number;
  readonly jobs: number;
  readonly pageSize: number;
  readonly maxAttempts: number;
  /** Distinct creation times, or a few shared ones (ties are broken by jobId). */
  readonly timestampSpread: number;
  readonly faults: FaultOptions;
  readonly mutation: Mutation;
}

/** `value` in about one scenario of `1 + rarity`, else absent: most scenarios combine only a few faults. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, rarity = 3): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: rarity }, { arbitrary, weight: 1 });

const faultsArbitrary: fc.Arbitrary<FaultOptions> = fc
  .record({
    throttleNext: sometimes(fc.integer({ min: 1, max: 12 })),
    tps: sometimes(fc.integer({ min: 100, max: 400 }), 6),
    serverErrorRate: sometimes(fc.double({ min: 0.01, max: 0.5, noNaN: true })),
    resetRate: sometimes(fc.double({ min: 0.01, max: 0.4, noNaN: true })),
    malformedBodyRate: sometimes(fc.double({ min: 0.01, max: 0.3, noNaN: true }), 5),
    slowResponseRate: sometimes(fc.double({ min: 0.01, max: 0.15, noNaN: true }), 7),
    repeatNextToken: sometimes(fc.constant(true), 8),
    cyclicNextToken: sometimes(fc.constant(true), 8),
    jobsAppearingPerListPage: sometimes(fc.integer({ min: 1, max: 10 })),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map((faults) => {
    const defined = Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined));
    return (
      faults.slowResponseRate === undefined ? defined : { ...defined, slowResponseMs: SLOW_RESPONSE_MS }
    ) as FaultOptions;
  });

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: "none" as const }), weight: 6 },
  {
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      afterPage: fc.integer({ min: 1, max: 4 }),
      count: fc.integer({ min: 1, max: 5 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("delete" as const), afterPage: fc.integer({ min: 1, max: 4 }) }),
    weight: 1,
  },
);

const waitPlanArbitrary: fc.Arbitrary<WaitPlan> = fc
  .record({
    selected: fc.integer({ min: 1, max: 5 }),
    running: fc.integer({ min: 0, max: 5 }),
    unknownId: fc.oneof(
      { arbitrary: fc.constant(false), weight: 5 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
  })
  .map((plan) => ({ ...plan, running: Math.min(plan.running, plan.selected) }));

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  mode: fc.oneof(
    { arbitrary: fc.constant("list" as const), weight: 3 },
    { arbitrary: fc.constant("wait" as const), weight: 1 },
  ),
  wait: waitPlanArbitrary,
  credentials: sometimes(fc.integer({ min: 0, max: CREDENTIALS_FAULTS.length - 1 }), 12),
  order: fc.integer({ min: 0, max: ORDERS.length - 1 }),
  jobs: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 120 })),
  pageSize: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 50 })),
  maxAttempts: fc.oneof(
    { arbitrary: fc.constant(8), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 1 },
  ),
  timestampSpread: fc.constantFrom(1, 3, 1000),
  faults: faultsArbitrary,
  mutation: mutationArbitrary,
});

/**
 * Shrunk counter-examples that found bugs, replayed first on every run (fast-check `examples`); each
 * also has a named test in regressions.test.ts.
 */
const COUNTER_EXAMPLES: Scenario[] = [
  // A response slower than the request timeout was waited for (5 s for 2 requests): no request timeout.
  {
    mode: "list",
    wait: { selected: 1, running: 0, unknownId: false },
    order: 0,
    jobs: 0,
    pageSize: 1,
    maxAttempts: 2,
    timestampSpread: 1,
    faults: {
      throttleNext: 1,
      malformedBodyRate: 0.01,
      slowResponseRate: 0.01,
      seed: 1,
      slowResponseMs: 5000,
    },
    mutation: { kind: "none" },
  },
];

/** What one scenario did and whether it broke the invariant. */
interface Verdict {
  /** Whether the scenario listed or waited by job id. */
  readonly mode: Scenario["mode"];
  readonly outcome: "ok" | ImportJobsErrorName | "untyped" | "hang";
  /** Jobs present for the whole scan that the result left out. */
  readonly lost: number;
  /** Job ids the result holds more than once. */
  readonly duplicated: number;
  /** Job ids in the result that were never in the list. */
  readonly phantom: number;
  /** Why the outcome breaks the invariant; undefined when it holds. */
  readonly violation?: string;
  readonly requests: number;
}

let emulators: Emulator[];
let restoreEnvironment: () => void;
let scenarioCounter = 0;
const verdicts: Verdict[] = [];
let fcSeed = 0;
let elapsedMs = 0;

beforeAll(async () => {
  restoreEnvironment = useFastClientEnvironment();
  emulators = await Promise.all(
    ORDERS.map((listOrder, i) => startEmulator({ listOrder, orderSeed: 1000 + i, processingMs: NEVER_MS })),
  );
});

afterAll(async () => {
  await Promise.all((emulators ?? []).map((emulator) => emulator.close()));
  restoreEnvironment?.();
  const count = (pick: (v: Verdict) => boolean) => verdicts.filter(pick).length;
  const errors = new Map<string, number>();
  for (const v of verdicts) {
    if (v.outcome !== "ok") errors.set(v.outcome, (errors.get(v.outcome) ?? 0) + 1);
  }
  printSummary(
    `faults: ${verdicts.length} scenarios (${count((v) => v.mode === "wait")} of them waits by job id), ${verdicts.reduce((n, v) => n + v.lost, 0)} lost, ` +
      `${verdicts.reduce((n, v) => n + v.duplicated, 0)} duplicated, ${count((v) => v.outcome === "hang")} hangs, ` +
      `${count((v) => v.outcome === "untyped")} untyped errors, ${count((v) => v.violation !== undefined)} violations; ` +
      `${count((v) => v.outcome === "ok")} complete results, typed errors ` +
      `${[...errors].map(([name, n]) => `${name} ${n}`).join(", ") || "none"}; ` +
      `${verdicts.reduce((n, v) => n + v.requests, 0)} requests in ${(elapsedMs / 1000).toFixed(1)} s (fast-check seed ${fcSeed})`,
  );
});

/** The typed errors a scenario's faults can explain. */
function explainedErrors(scenario: Scenario, deleted: boolean): Set<ImportJobsErrorName> {
  const { faults } = scenario;
  const allowed = new Set<ImportJobsErrorName>();
  if (scenario.credentials !== undefined) allowed.add("CredentialsError");
  if (scenario.mode === "wait") {
    // An unknown id is a wrong argument; a selected job that vanished can never complete.
    if (scenario.wait.unknownId) allowed.add("InvalidArgumentError");
    if (deleted) allowed.add("ImportJobFailedError");
  }
  if (faults.throttleNext !== undefined || faults.tps !== undefined) allowed.add("ThrottledError");
  if (
    faults.serverErrorRate !== undefined ||
    faults.resetRate !== undefined ||
    faults.malformedBodyRate !== undefined ||
    faults.slowResponseRate !== undefined
  ) {
    allowed.add("ServiceError");
  }
  if (scenario.mode === "list" && (faults.repeatNextToken || faults.cyclicNextToken)) {
    allowed.add("PaginationError");
  }
  if (scenario.mode === "list" && deleted) allowed.add("AddressListNotFoundError");
  return allowed;
}

/** True when nothing in the scenario may make the lookup fail. */
function mustSucceed(scenario: Scenario, brokenTokens: boolean): boolean {
  const { faults } = scenario;
  return (
    !brokenTokens &&
    scenario.credentials === undefined &&
    !(scenario.mode === "wait" && scenario.wait.unknownId) &&
    scenario.mutation.kind !== "delete" &&
    faults.tps === undefined &&
    faults.serverErrorRate === undefined &&
    faults.resetRate === undefined &&
    faults.malformedBodyRate === undefined &&
    faults.slowResponseRate === undefined &&
    (faults.throttleNext ?? 0) < scenario.maxAttempts
  );
}

/** What the test changed in the list while the client paged. */
interface Changes {
  /** Jobs created through the API. */
  readonly created: Set<string>;
  /** The list (and so its jobs) was deleted before the scan ended. */
  deleted: boolean;
}

/** Reads the list the way the scenario says, making its changes between pages; returns the result's job ids. */
async function readList(
  scenario: Scenario,
  emulator: Emulator,
  addressListId: string,
  faults: FaultOptions,
  changes: Changes,
): Promise<string[]> {
  const { mutation } = scenario;
  if (mutation.kind === "none") {
    // The public lookup, end to end.
    const result = await fetchAddressListImportJobs({
      addressListId,
      endpoint: emulator.url,
      pageSize: scenario.pageSize,
      maxAttempts: scenario.maxAttempts,
      cache: false,
    });
    return result.jobIds;
  }
  // Between pages: the page iterator is lazy, so the next request waits for the loop body. The test's
  // own requests run fault-free; the faults resume afterwards (without re-arming a throttling burst).
  const pageClient = createClient({ endpoint: emulator.url, maxAttempts: scenario.maxAttempts });
  const mutator = testClient(emulator);
  const raw: SdkImportJob[] = [];
  try {
    let page = 0;
    for await (const jobs of listImportJobPages({
      client: pageClient,
      addressListId,
      pageSize: scenario.pageSize,
    })) {
      raw.push(...jobs);
      page += 1;
      if (page === mutation.afterPage) {
        emulator.setFaults({});
        if (mutation.kind === "create") {
          for (const id of await createJobs(mutator, addressListId, mutation.count, "created")) {
            changes.created.add(id);
          }
        } else {
          changes.deleted = true;
          await deleteList(mutator, addressListId);
        }
        emulator.setFaults({ ...faults, throttleNext: 0, failNext: [], seed: (faults.seed ?? 1) + page });
      }
    }
    // A deletion after the last page came after the scan: the result was complete when it was read.
    if (page === mutation.afterPage) {
      changes.deleted = false;
    }
  } finally {
    pageClient.destroy();
    mutator.destroy();
  }
  return buildImportJobsResult(raw, { addressListId, region: emulator.region }).jobIds;
}

/**
 * Waits for the scenario's selected jobs with `waitForImportJobs({ jobIds })`. After the first poll the
 * test completes the running ones (fault-free, through the emulator's test hooks) or, for a "delete"
 * mutation, makes one selected job vanish. Returns the accepted jobs' ids.
 */
async function waitForJobs(
  scenario: Scenario,
  emulator: Emulator,
  addressListId: string,
  jobIds: readonly string[],
  changes: Changes,
): Promise<string[]> {
  const { selected, running, unknownId } = scenario.wait;
  const chosen = jobIds.slice(0, selected);
  let acted = false;
  const result = await waitForImportJobs({
    addressListId,
    endpoint: emulator.url,
    maxAttempts: scenario.maxAttempts,
    jobIds: unknownId ? [...chosen, `${addressListId}-missing`] : chosen,
    allowStopped: true,
    minDelay: 0.1,
    maxDelay: 0.1,
    maxWaitTime: 10,
    onProgress: () => {
      if (acted) return;
      acted = true;
      const runningIds = chosen.slice(0, running);
      if (scenario.mutation.kind === "delete" && runningIds.length > 0) {
        changes.deleted = true;
        emulator.deleteJob(runningIds[0]);
      }
      for (const id of runningIds.slice(changes.deleted ? 1 : 0)) {
        emulator.updateJob(id, {
          status: "COMPLETED",
          completedTimestamp: Date.now(),
          importedItemsCount: 1,
        });
      }
    },
  });
  return result.jobIds;
}

/** Runs one scenario in its own fresh address list and judges the outcome. */
async function runScenario(scenario: Scenario): Promise<Verdict> {
  scenarioCounter += 1;
  const emulator = emulators[scenario.order];
  const addressListId = `fm-${process.pid}-${scenarioCounter}`;
  const waiting = scenario.mode === "wait";
  // A wait needs its selected jobs; they are the first ones, the running ones first of those.
  const jobs = waiting ? Math.max(scenario.jobs, scenario.wait.selected) : scenario.jobs;
  const seeded = Array.from({ length: jobs }, (_, i) => ({
    jobId: `fm${scenarioCounter}-j${i}`,
    name: `job-${i}`,
    status:
      waiting && i < scenario.wait.selected
        ? i < scenario.wait.running
          ? ("PROCESSING" as const)
          : ("COMPLETED" as const)
        : STATUSES[i % STATUSES.length],
    createdTimestamp: Date.UTC(2024, 4, 1) + (i % scenario.timestampSpread) * 60_000,
  }));
  emulator.seed({ addressLists: [{ addressListId, name: addressListId, jobs: seeded }] });
  // Jobs appearing as fast as pages are read would make the listing endless; the page cap covers that
  // (regressions.test.ts). Here at most half a page appears per page, so a scenario stays short.
  const appearing = Math.min(
    scenario.faults.jobsAppearingPerListPage ?? 0,
    Math.floor(scenario.pageSize / 2),
  );
  const credentials = scenario.credentials === undefined ? [] : [CREDENTIALS_FAULTS[scenario.credentials]];
  const faults: FaultOptions = {
    ...scenario.faults,
    jobsAppearingPerListPage: appearing,
    ...(credentials.length > 0 ? { failNext: [...credentials] } : {}),
  };
  const changes: Changes = { created: new Set(), deleted: false };
  // Each scenario is a program of its own: no rate limiter learnt from the previous one.
  resetRateLimiters();
  emulator.resetCalls();
  emulator.setFaults(faults);
  const started = Date.now();
  const outcome = await bounded(
    () =>
      waiting
        ? waitForJobs(
            scenario,
            emulator,
            addressListId,
            seeded.map((job) => job.jobId),
            changes,
          )
        : readList(scenario, emulator, addressListId, faults, changes),
    HANG_MS,
  );
  const elapsed = Date.now() - started;
  emulator.setFaults({});
  const requests = emulator.calls("ListAddressListImportJobs") + emulator.calls("GetAddressListImportJob");
  // A wait also sleeps between its polls (0.1 s each, a few polls).
  const budget = BUDGET_BASE_MS + requests * BUDGET_PER_REQUEST_MS + (waiting ? 1_000 : 0);
  if (outcome.kind !== "hang") {
    // DeleteAddressList refuses a list with a job in progress: finish what a failed wait left running.
    for (const job of seeded.filter((j) => j.status === "PROCESSING")) {
      try {
        emulator.updateJob(job.jobId, { status: "COMPLETED" });
      } catch {
        // Deleted by the scenario.
      }
    }
    const cleaner = testClient(emulator);
    await deleteList(cleaner, addressListId);
    cleaner.destroy();
  }
  const { created, deleted } = changes;

  // What a complete result holds: every seeded job of a listing; exactly the selected jobs of a wait.
  const seededIds = new Set(
    (waiting ? seeded.slice(0, scenario.wait.selected) : seeded).map((job) => job.jobId),
  );
  const brokenTokens =
    !waiting &&
    (scenario.faults.repeatNextToken === true || scenario.faults.cyclicNextToken === true) &&
    scenario.jobs > scenario.pageSize;
  const base = { mode: scenario.mode, lost: 0, duplicated: 0, phantom: 0, requests };
  if (outcome.kind === "hang" || elapsed > budget) {
    return {
      ...base,
      outcome: "hang",
      violation:
        outcome.kind === "hang"
          ? `no outcome within ${HANG_MS} ms`
          : `took ${elapsed} ms for ${requests} requests, over the budget of ${budget} ms`,
    };
  }
  if (outcome.kind === "error") {
    const error = outcome.error as { name?: string; message?: string };
    if (!isImportJobsError(error) || !error.message?.startsWith(`[${error.name}] `)) {
      return { ...base, outcome: "untyped", violation: `untyped error ${error?.name}: ${error?.message}` };
    }
    const name = error.name as ImportJobsErrorName;
    const allowed = explainedErrors(scenario, deleted);
    if (!allowed.has(name) || mustSucceed(scenario, brokenTokens)) {
      return { ...base, outcome: name, violation: `${name} not explained by the faults: ${error.message}` };
    }
    return { ...base, outcome: name };
  }
  const jobIds = outcome.value;
  const counts = new Map<string, number>();
  for (const id of jobIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const lost = [...seededIds].filter((id) => !counts.has(id)).length;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  // Jobs the emulator created itself (`jobsAppearingPerListPage`) have generated ids.
  const phantom = jobIds.filter(
    (id) => !seededIds.has(id) && !created.has(id) && !(appearing > 0 && id.startsWith("job-")),
  ).length;
  const verdict = { ...base, outcome: "ok" as const, lost, duplicated, phantom };
  if (deleted) {
    return { ...verdict, violation: `a deleted ${waiting ? "job" : "list"} was reported as complete` };
  }
  // The credentials error answers the first request; a reset, slow or truncated answer can take its
  // place (the emulator then never sends it), and the retry succeeds.
  const answerLost =
    scenario.faults.resetRate !== undefined ||
    scenario.faults.slowResponseRate !== undefined ||
    scenario.faults.malformedBodyRate !== undefined;
  if (scenario.credentials !== undefined && !answerLost) {
    return { ...verdict, violation: "rejected credentials were reported as a complete result" };
  }
  if (waiting && scenario.wait.unknownId) {
    return { ...verdict, violation: "a wait for an unknown job id succeeded" };
  }
  if (brokenTokens) {
    return { ...verdict, violation: "a broken NextToken chain was reported as complete" };
  }
  if (lost > 0 || duplicated > 0 || phantom > 0) {
    return { ...verdict, violation: `${lost} lost, ${duplicated} duplicated, ${phantom} unknown` };
  }
  return verdict;
}

describe("fault matrix", () => {
  it(`returns every job present for the whole scan exactly once, or a typed error, in ${NUM_RUNS} scenarios`, async () => {
    fcSeed = Number(process.env.FAULT_MATRIX_SEED ?? DEFAULT_SEED);
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const verdict = await runScenario(scenario);
        verdicts.push(verdict);
        if (verdict.violation !== undefined) {
          throw new Error(verdict.violation);
        }
      }),
      { numRuns: NUM_RUNS, seed: fcSeed, examples: COUNTER_EXAMPLES.map((scenario) => [scenario]) },
    );
    elapsedMs = Date.now() - started;
    expect(verdicts.length).toBeGreaterThanOrEqual(NUM_RUNS);
  }, 300_000);
});
