// The waiter with fake time against the real emulator: job statuses change at chosen instants while
// `sleep` only advances a clock, so every schedule is exact and a ten-minute wait takes milliseconds.
import type { Emulator, SeedJob } from "../../emulator";
import {
  isImportJobFailedError,
  isInvalidArgumentError,
  isWaitTimeoutError,
  waitForImportJobs,
  type InvalidArgumentError,
  type WaitForImportJobsArgs,
  type WaitProgress,
} from "../../provider";
import { T0, seedList, startTestEmulator } from "../support/emulatorFixture";
import { fakeTime, type FakeTime } from "./fakeTime";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(() => emulator.close());

let counter = 0;
/** A job in `status`, created `minute` minutes after T0, with an id unique in the emulator. */
function job(status: SeedJob["status"], minute: number, extra: Partial<SeedJob> = {}): SeedJob {
  counter += 1;
  return {
    jobId: `w${counter}-job`,
    name: `import-${counter}`,
    status,
    createdTimestamp: T0 + minute * 60_000,
    ...extra,
  };
}

/** Seeds a list and returns the waiter's arguments for it, with fake time and a poll log. */
function setUp(jobs: SeedJob[], extra: Partial<WaitForImportJobsArgs> = {}) {
  const { addressListId, jobIds } = seedList(emulator, jobs);
  const time = fakeTime();
  const polls: WaitProgress[] = [];
  const args: WaitForImportJobsArgs = {
    addressListId,
    endpoint: emulator.url,
    sleep: time.sleep,
    now: time.now,
    onProgress: (progress) => polls.push(progress),
    ...extra,
  };
  return { addressListId, jobIds, time, polls, args, pollTimes: () => polls.map((p) => p.elapsedSeconds) };
}

const finish = (time: FakeTime, seconds: number, jobId: string, patch: Partial<SeedJob>) =>
  time.at(seconds, () => emulator.updateJob(jobId, patch));

describe(waitForImportJobs.name, () => {
  it("resolves once the selected job completed, with its counts", async () => {
    const { args, jobIds, time, pollTimes } = setUp([job("PROCESSING", 0)]);
    finish(time, 12, jobIds[0], { status: "COMPLETED", importedItemsCount: 40, failedItemsCount: 2 });
    const result = await waitForImportJobs(args);
    expect(pollTimes()).toEqual([0, 5, 15]);
    expect(result).toMatchObject({
      addressListId: args.addressListId,
      region: emulator.region,
      jobIds,
      counts: { total: 1, COMPLETED: 1 },
      totals: { importedItems: 40, failedItems: 2 },
      polls: 3,
      waitedSeconds: 15,
    });
    expect(result.importJobs[0]).toMatchObject({ jobId: jobIds[0], status: "COMPLETED" });
  });

  it("backs off from minDelay, doubling up to maxDelay", async () => {
    const { args, jobIds, time, pollTimes } = setUp([job("PROCESSING", 0)], { maxWaitTime: 200 });
    finish(time, 70, jobIds[0], { status: "COMPLETED" });
    await waitForImportJobs(args);
    expect(time.sleeps).toEqual([5, 10, 20, 30, 30]);
    expect(pollTimes()).toEqual([0, 5, 15, 35, 65, 95]);
  });

  it("takes fractional delays and custom bounds", async () => {
    const { args, jobIds, time } = setUp([job("PROCESSING", 0)], {
      minDelay: 0.25,
      maxDelay: 1,
      maxWaitTime: 10,
    });
    finish(time, 3, jobIds[0], { status: "COMPLETED" });
    await waitForImportJobs(args);
    expect(time.sleeps).toEqual([0.25, 0.5, 1, 1, 1]);
  });

  it("fails at once when a selected job FAILED, listing its id, name, status, error text and counts", async () => {
    const { args, jobIds, time, pollTimes } = setUp([job("PROCESSING", 0), job("PROCESSING", 1)], {
      select: "all",
    });
    finish(time, 6, jobIds[0], {
      status: "FAILED",
      error: "Input file has no address header",
      importedItemsCount: 3,
      failedItemsCount: 7,
    });
    const error = await waitForImportJobs(args).catch((e: unknown) => e);
    expect(isImportJobFailedError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `[ImportJobFailedError] 1 import job of address list \`${args.addressListId}\` did not meet the policy (FAILED): ` +
        `${jobIds[0]} (import-${counter - 1}): FAILED, "Input file has no address header", imported 3, failed 7. ` +
        "Fix the input file and create a new import job.",
    );
    // The other job was still PROCESSING: a failure does not wait for it.
    expect(pollTimes()).toEqual([0, 5, 15]);
  });

  it("fails on a STOPPED job unless allowStopped", async () => {
    const stopped = setUp([job("STOPPED", 0, { importedItemsCount: 5 })]);
    const error = await waitForImportJobs(stopped.args).catch((e: unknown) => e);
    expect(isImportJobFailedError(error)).toBe(true);
    expect((error as Error).message).toContain("STOPPED, which fails unless `allowStopped` is true");
    expect((error as Error).message).toContain(
      `${stopped.jobIds[0]} (import-${counter}): STOPPED, imported 5, failed 0`,
    );

    const allowed = setUp([job("STOPPED", 0, { importedItemsCount: 5 })], { allowStopped: true });
    await expect(waitForImportJobs(allowed.args)).resolves.toMatchObject({ counts: { STOPPED: 1 } });
  });

  it("applies maxFailedItems and minImportedItems to each finished job", async () => {
    const jobs = () => [
      job("COMPLETED", 0, { importedItemsCount: 10, failedItemsCount: 0 }),
      job("COMPLETED", 1, { importedItemsCount: 2, failedItemsCount: 3 }),
    ];
    const tooManyFailed = setUp(jobs(), { select: "all", maxFailedItems: 2 });
    const failed = await waitForImportJobs(tooManyFailed.args).catch((e: unknown) => e);
    expect((failed as Error).message).toContain(
      "did not meet the policy (more than `maxFailedItems` (2) failed items)",
    );
    expect((failed as { jobs: { jobId: string }[] }).jobs.map((j) => j.jobId)).toEqual([
      tooManyFailed.jobIds[1],
    ]);

    const tooFewImported = setUp(jobs(), { select: "all", minImportedItems: 5 });
    await expect(waitForImportJobs(tooFewImported.args)).rejects.toThrow(
      "fewer than `minImportedItems` (5) imported items",
    );
    const within = setUp(jobs(), { select: "all", maxFailedItems: 3, minImportedItems: 2 });
    await expect(waitForImportJobs(within.args)).resolves.toMatchObject({
      totals: { importedItems: 12, failedItems: 3 },
    });
  });

  it("times out after one last poll just before the deadline", async () => {
    const { args, time, pollTimes, jobIds } = setUp([job("PROCESSING", 0, { importedItemsCount: 1 })], {
      maxWaitTime: 60,
    });
    const error = await waitForImportJobs(args).catch((e: unknown) => e);
    // Backoff 5, 10, 20, then the 30 s delay is cut so the last poll happens at 59 s, not after 60 s.
    expect(pollTimes()).toEqual([0, 5, 15, 35, 59]);
    expect(time.seconds()).toBe(59);
    expect(isWaitTimeoutError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `[WaitTimeoutError] 1 import job of address list \`${args.addressListId}\` did not finish within 60 s: ` +
        `${jobIds[0]} (import-${counter}): PROCESSING, imported 1, failed 0. Raise \`maxWaitTime\` if the imports are just slow.`,
    );
  });

  it("accepts a job that finished during the last interval", async () => {
    const { args, jobIds, time, pollTimes } = setUp([job("PROCESSING", 0)], { maxWaitTime: 60 });
    finish(time, 50, jobIds[0], { status: "COMPLETED" });
    await expect(waitForImportJobs(args)).resolves.toMatchObject({ jobIds });
    expect(pollTimes()).toEqual([0, 5, 15, 35, 59]);
  });

  it("hints that a job still CREATED at the deadline was probably never started", async () => {
    const { args } = setUp([job("CREATED", 0)], { maxWaitTime: 20 });
    const error = await waitForImportJobs(args).catch((e: unknown) => e);
    expect(isWaitTimeoutError(error)).toBe(true);
    expect((error as Error).message).toContain(": CREATED, imported 0, failed 0.");
    expect((error as Error).message).toContain(
      "A job still CREATED was probably never started: upload its file and call StartAddressListImportJob.",
    );
  });

  it('selects the latest job by default, or "all" that pass the filters', async () => {
    const jobs = [
      job("FAILED", 0, { error: "old failure" }),
      job("COMPLETED", 5, { importedItemsCount: 1 }),
      job("COMPLETED", 10, { importedItemsCount: 2 }),
    ];
    const latest = setUp(jobs);
    expect((await waitForImportJobs(latest.args)).jobIds).toEqual([latest.jobIds[2]]);

    const { addressListId } = latest;
    const base = { ...latest.args, addressListId };
    await expect(waitForImportJobs({ ...base, select: "all" })).rejects.toThrow("old failure");
    const recent = await waitForImportJobs({
      ...base,
      select: "all",
      createdAfter: new Date(T0 + 60_000).toISOString(),
    });
    expect(recent.jobIds).toEqual(latest.jobIds.slice(1));
    expect(recent.totals.importedItems).toBe(3);
  });

  it("waits for exactly the given jobIds, and fails at once on an id the list does not hold", async () => {
    const { args, jobIds, time } = setUp([job("FAILED", 0), job("PROCESSING", 1), job("PROCESSING", 2)]);
    finish(time, 1, jobIds[2], { status: "COMPLETED" });
    const result = await waitForImportJobs({ ...args, jobIds: [jobIds[2]] });
    expect(result.jobIds).toEqual([jobIds[2]]);

    emulator.resetCalls();
    const error = await waitForImportJobs({ ...args, jobIds: [jobIds[1], "job-typo"] }).catch(
      (e: unknown) => e,
    );
    expect(isInvalidArgumentError(error)).toBe(true);
    expect((error as Error).message).toContain("but job-typo is not an import job in region us-east-1");
    // One GetAddressListImportJob per id, no listing.
    expect(emulator.calls("GetAddressListImportJob")).toBe(2);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(0);
  });

  it("keeps waiting while no job matches the selection, and says so at the deadline", async () => {
    const { args, jobIds, addressListId, pollTimes } = setUp([job("COMPLETED", 0)], {
      select: "all",
      nameRegex: "^april",
      maxWaitTime: 30,
    });
    const error = await waitForImportJobs(args).catch((e: unknown) => e);
    expect(isWaitTimeoutError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `[WaitTimeoutError] No import job of address list \`${addressListId}\` matched the selection within 30 s. ` +
        "Create and start an import job, or check `jobIds`/`select` and the filters; raise `maxWaitTime` if a job " +
        "is about to be created.",
    );
    expect(pollTimes()).toEqual([0, 5, 15, 29]);
    expect(jobIds).toHaveLength(1);
  });

  it("reports every poll to onProgress and ignores its errors", async () => {
    const { args, jobIds, time, polls } = setUp([job("PROCESSING", 0)], { maxWaitTime: 100 });
    finish(time, 7, jobIds[0], { status: "COMPLETED" });
    await waitForImportJobs(args);
    expect(polls.map((p) => [p.poll, p.elapsedSeconds, p.state, p.jobs.map((j) => j.status)])).toEqual([
      [1, 0, "RETRY", ["PROCESSING"]],
      [2, 5, "RETRY", ["PROCESSING"]],
      [3, 15, "SUCCESS", ["COMPLETED"]],
    ]);
    expect(polls[0]).toMatchObject({
      maxWaitTime: 100,
      region: emulator.region,
      reason: "1 of 1 import job still running",
    });
    await expect(
      waitForImportJobs({
        ...args,
        onProgress: () => {
          throw new Error("display broke");
        },
      }),
    ).resolves.toMatchObject({ jobIds });
  });

  it("passes service errors through at once", async () => {
    const time = fakeTime();
    await expect(
      waitForImportJobs({
        addressListId: "al-missing",
        endpoint: emulator.url,
        sleep: time.sleep,
        now: time.now,
      }),
    ).rejects.toThrow("[AddressListNotFoundError]");
    expect(time.sleeps).toEqual([]);
  });

  describe("validates every option before any request", () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        "maxWaitTime below 0.1",
        { maxWaitTime: 0 },
        "maxWaitTime",
        "Expected `maxWaitTime` to be a number of seconds from 0.1 to 2147483, such as 600 (ten minutes), got 0.",
      ],
      ["maxWaitTime not finite", { maxWaitTime: Infinity }, "maxWaitTime", "got Infinity."],
      ["maxWaitTime as text", { maxWaitTime: "600" }, "maxWaitTime", 'got "600".'],
      [
        "minDelay of 0",
        { minDelay: 0 },
        "minDelay",
        "Expected `minDelay` to be a number of seconds from 0.1 to 2147483, such as 5, got 0.",
      ],
      ["maxDelay below 0.1", { maxDelay: 0.05 }, "maxDelay", "got 0.05."],
      [
        "minDelay above maxDelay",
        { minDelay: 10, maxDelay: 5 },
        "minDelay",
        "Expected `minDelay` (10) to be at most `maxDelay` (5).",
      ],
      [
        "minDelay above the default maxDelay",
        { minDelay: 40 },
        "minDelay",
        "Expected `minDelay` (40) to be at most `maxDelay` (30, the default).",
      ],
      [
        "maxWaitTime below minDelay",
        { maxWaitTime: 2 },
        "maxWaitTime",
        "Expected `maxWaitTime` (2) to be at least `minDelay` (5, the default).",
      ],
      [
        "an unknown select",
        { select: "first" },
        "select",
        'Expected `select` to be "all" or "latest", got "first".',
      ],
      [
        "empty jobIds",
        { jobIds: [] },
        "jobIds",
        "Expected `jobIds` to be a non-empty array of import job ids",
      ],
      [
        "a malformed job id",
        { jobIds: ["ok-1", "not ok"] },
        "jobIds",
        'Expected `jobIds[1]` to be an import job id (1 to 255 letters, digits or hyphens), got "not ok".',
      ],
      [
        "jobIds with select",
        { jobIds: ["job-1"], select: "all" },
        "select",
        "Expected either `jobIds` or `select`, got both",
      ],
      [
        "jobIds with a filter",
        { jobIds: ["job-1"], statuses: ["COMPLETED"] },
        "statuses",
        "Expected no `statuses` next to `jobIds`",
      ],
      [
        "allowStopped not a boolean",
        { allowStopped: "yes" },
        "allowStopped",
        'Expected `allowStopped` to be true or false, got "yes".',
      ],
      [
        "negative maxFailedItems",
        { maxFailedItems: -1 },
        "maxFailedItems",
        "Expected `maxFailedItems` to be an integer of at least 0, got -1.",
      ],
      [
        "fractional minImportedItems",
        { minImportedItems: 1.5 },
        "minImportedItems",
        "Expected `minImportedItems` to be an integer of at least 0, got 1.5.",
      ],
      [
        "sleep not a function",
        { sleep: 5 },
        "sleep",
        "Expected `sleep` to be a function (ms) => Promise<void>, got 5.",
      ],
      ["now not a function", { now: "now" }, "now", "Expected `now` to be a function"],
      [
        "onProgress not a function",
        { onProgress: true },
        "onProgress",
        "Expected `onProgress` to be a function",
      ],
      [
        "a lookup argument",
        { pageSize: 0 },
        "pageSize",
        "Expected `pageSize` to be an integer from 1 to 50, got 0.",
      ],
      [
        "no addressListId",
        { addressListId: undefined },
        "addressListId",
        "Expected `addressListId` to be 1 to 255 letters",
      ],
      [
        "cache",
        { cache: false },
        "cache",
        "`cache` is not an argument of waitForImportJobs: every poll reads the jobs afresh.",
      ],
      [
        "includePreSignedUrls",
        { includePreSignedUrls: true },
        "includePreSignedUrls",
        "never returns pre-signed URLs",
      ],
      [
        "a typo",
        { maxWaitTimes: 60 },
        "maxWaitTimes",
        "Unknown argument `maxWaitTimes` (did you mean `maxWaitTime`?).",
      ],
    ];

    it.each(cases)("rejects %s", async (_title, extra, property, reason) => {
      emulator.resetCalls();
      const error = await waitForImportJobs({
        addressListId: "al-1",
        endpoint: emulator.url,
        ...extra,
      } as WaitForImportJobsArgs).catch((e: unknown) => e);
      expect(isInvalidArgumentError(error)).toBe(true);
      const failures = (error as InvalidArgumentError).failures;
      expect(failures[0].property).toBe(property);
      expect(failures[0].reason).toContain(reason);
      expect(emulator.calls()).toBe(0);
    });

    it("reports every failure at once", async () => {
      const error = await waitForImportJobs({
        addressListId: "al-1",
        minDelay: 0,
        select: "any",
      } as unknown as WaitForImportJobsArgs).catch((e: unknown) => e);
      expect((error as InvalidArgumentError).failures.map((f) => f.property)).toEqual(["select", "minDelay"]);
    });
  });
});
