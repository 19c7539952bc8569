// The waiter with `jobIds` against the real emulator: it polls GetAddressListImportJob for each job
// still running (never the list), maps the Get errors, and `abortSignal` cancels it promptly.
import type { Emulator, SeedJob } from "../../emulator";
import {
  isImportJobFailedError,
  isInvalidArgumentError,
  isThrottledError,
  isWaitAbortedError,
  waitForImportJobs,
  WaitAbortedError,
  type WaitForImportJobsArgs,
} from "../../provider";
import { checkImportJobs } from "../../provider/waiter/checkImportJobs";
import { RETRY_DELAY_ENV } from "../../provider/core/createClient";
import { manyJobs, T0, seedList, startTestEmulator } from "../support/emulatorFixture";
import { fakeTime } from "./fakeTime";

const GET = "GetAddressListImportJob";
const LIST = "ListAddressListImportJobs";

let emulator: Emulator;

beforeAll(async () => {
  // Throttled retries back off 1 ms, 2 ms, … instead of the SDK's 1 s base.
  process.env[RETRY_DELAY_ENV] = "1";
  emulator = await startTestEmulator();
});

afterAll(async () => {
  delete process.env[RETRY_DELAY_ENV];
  await emulator.close();
});

afterEach(() => emulator.setFaults({}));

let counter = 0;
function job(status: SeedJob["status"], minute: number): SeedJob {
  counter += 1;
  return {
    jobId: `g${counter}-job`,
    name: `import-${counter}`,
    status,
    createdTimestamp: T0 + minute * 60_000,
  };
}

/** A list of `jobs` plus `filler` older COMPLETED jobs; the waiter's arguments with fake time. */
function setUp(jobs: SeedJob[], filler = 0, extra: Partial<WaitForImportJobsArgs> = {}) {
  const older = manyJobs(filler, `filler${counter}`).map((j) => ({ ...j, status: "COMPLETED" as const }));
  const seeded = seedList(emulator, [...jobs, ...older]);
  const time = fakeTime();
  const args: WaitForImportJobsArgs = {
    addressListId: seeded.addressListId,
    endpoint: emulator.url,
    sleep: time.sleep,
    now: time.now,
    ...extra,
  };
  return { ...seeded, time, args };
}

describe("waitForImportJobs with jobIds", () => {
  it("reads each job still running with one GetAddressListImportJob per poll, whatever the list size", async () => {
    const { args, jobIds, time } = setUp([job("PROCESSING", 0), job("COMPLETED", 1)], 1_000);
    time.at(12, () => emulator.updateJob(jobIds[0], { status: "COMPLETED", importedItemsCount: 5 }));
    emulator.resetCalls();
    const result = await waitForImportJobs({ ...args, jobIds: [jobIds[1], jobIds[0]] });
    // Polls at 0, 5 and 15 s: the first reads both jobs, the next only the one still running.
    expect(result.polls).toBe(3);
    expect(emulator.calls(GET)).toBe(2 + 1 + 1);
    expect(emulator.calls(LIST)).toBe(0);
    // The package's order (creation time, then id), not the order of `jobIds`.
    expect(result.jobIds).toEqual([jobIds[0], jobIds[1]]);
    expect(result.totals.importedItems).toBe(5);
  });

  it("fails at once on an id that is not a job, or a job of another list, naming each", async () => {
    const { args } = setUp([job("PROCESSING", 0)]);
    const other = seedList(emulator, [job("COMPLETED", 0)]);
    emulator.resetCalls();
    const error = await waitForImportJobs({ ...args, jobIds: ["job-typo", other.jobIds[0]] }).catch(
      (e: unknown) => e,
    );
    expect(isInvalidArgumentError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `[InvalidArgumentError] Expected every \`jobIds\` entry to be an import job of address list ` +
        `\`${args.addressListId}\` in region ${emulator.region}, but job-typo is not an import job in region ` +
        `${emulator.region}; ${other.jobIds[0]} belongs to address list \`${other.addressListId}\`. Check the ids, ` +
        "`addressListId` and `region`.",
    );
    expect(emulator.calls(GET)).toBe(2);
  });

  it("fails with ImportJobFailedError when a job it saw disappears mid-wait", async () => {
    const { args, jobIds, time } = setUp([job("PROCESSING", 0)]);
    time.at(3, () => emulator.deleteJob(jobIds[0]));
    const error = await waitForImportJobs({ ...args, jobIds }).catch((e: unknown) => e);
    expect(isImportJobFailedError(error)).toBe(true);
    expect((error as Error).message).toContain(`${jobIds[0]} (import-${counter}): PROCESSING`);
    expect((error as Error).message).toContain("no longer exist");
  });

  it("retries a throttled Get within maxAttempts, and names the operation when it gives up", async () => {
    const { args, jobIds } = setUp([job("COMPLETED", 0)]);
    emulator.setFaults({ throttleNext: 3 });
    expect((await waitForImportJobs({ ...args, jobIds })).jobIds).toEqual(jobIds);
    emulator.setFaults({ throttleNext: 10 });
    const error = await waitForImportJobs({ ...args, jobIds, maxAttempts: 2 }).catch((e: unknown) => e);
    expect(isThrottledError(error)).toBe(true);
    expect((error as Error).message).toContain("throttled GetAddressListImportJob");
  });

  it("with select, still lists (the selection depends on every job)", async () => {
    const { args } = setUp([job("COMPLETED", 0)], 60);
    emulator.resetCalls();
    await waitForImportJobs({ ...args, select: "latest" });
    expect(emulator.calls(LIST)).toBe(2);
    expect(emulator.calls(GET)).toBe(0);
  });

  it("the gate's one-off check reads the jobs by id too", async () => {
    const { args, jobIds } = setUp([job("PROCESSING", 0)], 200);
    emulator.resetCalls();
    const check = await checkImportJobs({
      addressListId: args.addressListId,
      endpoint: emulator.url,
      jobIds: [jobIds[0]],
    });
    expect(check.verdict.state).toBe("RETRY");
    expect(emulator.calls()).toBe(1);
  });
});

describe("abortSignal", () => {
  it("rejects before any request when the signal has already fired", async () => {
    const { args, jobIds } = setUp([job("PROCESSING", 0)]);
    emulator.resetCalls();
    const error = await waitForImportJobs({ ...args, jobIds, abortSignal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(isWaitAbortedError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `[WaitAbortedError] Stopped waiting for import job ${jobIds[0]} of address list \`${args.addressListId}\`: ` +
        "its `abortSignal` fired. Nothing was changed; wait again when needed.",
    );
    expect(emulator.calls()).toBe(0);
  });

  it("rejects promptly during a delay between polls, with the signal's reason", async () => {
    const { jobIds, addressListId } = setUp([job("PROCESSING", 0)]);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort("deploy cancelled"), 300);
    const error = await waitForImportJobs({
      addressListId,
      endpoint: emulator.url,
      jobIds,
      minDelay: 60,
      maxDelay: 60,
      maxWaitTime: 600,
      abortSignal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as WaitAbortedError).reason).toBe("deploy cancelled");
    expect((error as Error).message).toContain(
      `Stopped waiting for import job ${jobIds[0]} (PROCESSING) of address list \`${addressListId}\`: deploy cancelled.`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rejects promptly during a slow request, and cancels it", async () => {
    const { jobIds, addressListId } = setUp([job("PROCESSING", 0)]);
    emulator.setFaults({ latencyMs: 10_000 });
    const started = Date.now();
    const error = await waitForImportJobs({
      addressListId,
      endpoint: emulator.url,
      jobIds,
      abortSignal: AbortSignal.timeout(300),
    }).catch((e: unknown) => e);
    expect(isWaitAbortedError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ["by job id (GetAddressListImportJob)", true],
    ["by listing (ListAddressListImportJobs)", false],
  ])("cancels the request in flight of a poll %s", async (_label, byId) => {
    // One poll on its own: had the request not been cancelled, it would take the 10 s of latency.
    const { jobIds, addressListId } = setUp([job("PROCESSING", 0)]);
    emulator.setFaults({ latencyMs: 10_000 });
    const started = Date.now();
    const error = await checkImportJobs({
      addressListId,
      endpoint: emulator.url,
      ...(byId ? { jobIds } : {}),
      abortSignal: AbortSignal.timeout(300),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("must be an AbortSignal, checked before any request", async () => {
    const { jobIds, addressListId } = setUp([job("PROCESSING", 0)]);
    emulator.resetCalls();
    const error = await waitForImportJobs({
      addressListId,
      endpoint: emulator.url,
      jobIds,
      abortSignal: "stop" as unknown as AbortSignal,
    }).catch((e: unknown) => e);
    expect(isInvalidArgumentError(error)).toBe(true);
    expect((error as Error).message).toContain("Expected `abortSignal` to be an AbortSignal");
    expect((error as Error).message).toContain('got "stop"');
    expect(emulator.calls()).toBe(0);
  });
});
