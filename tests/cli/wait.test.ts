/* eslint-disable no-control-regex -- these tests read terminal output, escape codes and all */
// `mailmanager-import-jobs wait`, the real built bin against the emulator over HTTP: each way to pick
// jobs, each policy flag, each exit code, the live line on a terminal and the CI-log lines on pipes,
// Ctrl-C (a SIGINT, and a real ^C typed into a pseudo-terminal) ending it at once with 130, and SIGTERM
// with 143.
import type { Emulator, SeedJob } from "../../emulator";
import { T0, seedList, startTestEmulator } from "../support/emulatorFixture";
import {
  binEnv,
  ensureBuilt,
  plainText,
  runBin,
  runBinInTerminal,
  screenLines,
  startBin,
  startBinInTerminal,
  waitForOutput,
} from "./runBin";

/** A seeded PROCESSING job of this emulator finishes this long after it was seeded. */
const PROCESSING_MS = 1_500;

/** The emulator of the latest `list`, to count its calls. */
let emulator: Emulator;

beforeAll(() => ensureBuilt());

afterAll(() => Promise.all(emulators.map((e) => e.close())));

const at = (minutes: number) => T0 + minutes * 60_000;

const emulators: Emulator[] = [];

/**
 * A list with `jobs` on an emulator of its own (job ids are unique per emulator, and the tests reuse
 * theirs); the flags that point `wait` at it, polling fast.
 */
async function list(jobs: SeedJob[]): Promise<string[]> {
  emulator = await startTestEmulator({ processingMs: PROCESSING_MS });
  emulators.push(emulator);
  const { addressListId } = seedList(emulator, jobs);
  return [
    "wait",
    "--address-list-id",
    addressListId,
    "--endpoint",
    emulator.url,
    "--min-delay",
    "0.2",
    "--max-delay",
    "0.5",
  ];
}

/** The stderr lines of a run on pipes: each `<ISO time> <message>`. */
function logLines(stderr: string): string[] {
  return stderr.trim().split("\n");
}

const ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

describe("wait: which jobs", () => {
  it("--job-id waits for those jobs until they complete (exit 0), with timestamped lines on pipes", async () => {
    const args = await list([
      {
        jobId: "job-a",
        name: "a",
        status: "COMPLETED",
        importedItemsCount: 5,
        failedItemsCount: 0,
        createdTimestamp: at(0),
      },
      {
        jobId: "job-b",
        name: "b",
        status: "PROCESSING",
        importedItemsCount: 7,
        failedItemsCount: 1,
        createdTimestamp: at(1),
      },
      { jobId: "job-c", name: "c", status: "CREATED", createdTimestamp: at(2) },
    ]);
    const { code, stdout, stderr, ms } = await runBin([...args, "--job-id", "job-b", "job-a"]);
    expect(code).toBe(0);
    expect(ms).toBeGreaterThan(PROCESSING_MS - 500);
    const id = args[2];
    expect(stdout).toMatch(
      new RegExp(
        `^2 import jobs of address list ${id} finished: job-a COMPLETED \\(imported 5, failed 0\\), ` +
          "job-b COMPLETED \\(imported 7, failed 1\\), after \\d+s and \\d+ polls\\n$",
      ),
    );
    const lines = logLines(stderr);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${ISO} waiting for 2 import jobs of address list ${id}: job-a COMPLETED .*job-b PROCESSING .*\\(0s of 600s\\)$`,
      ),
    );
    expect(lines[lines.length - 1]).toMatch(
      new RegExp(`^${ISO} 2 import jobs of address list ${id} finished: `),
    );
    // A line when something changed, not one per poll: the unchanged polls in between print nothing.
    expect(lines).toHaveLength(2);
  });

  it("--job-id repeated works like a list of ids", async () => {
    const args = await list([
      { jobId: "job-a", name: "a", status: "COMPLETED", createdTimestamp: at(0) },
      { jobId: "job-b", name: "b", status: "COMPLETED", createdTimestamp: at(1) },
    ]);
    const { code, stdout } = await runBin([
      ...args,
      "--job-id",
      "job-b",
      "--job-id",
      "job-a",
      "--output",
      "json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).jobIds).toEqual(["job-a", "job-b"]);
  });

  it("--latest (and no selection flag) waits for the newest job only", async () => {
    const jobs: SeedJob[] = [
      { jobId: "job-old", name: "old", status: "FAILED", createdTimestamp: at(0) },
      { jobId: "job-new", name: "new", status: "PROCESSING", createdTimestamp: at(1) },
    ];
    for (const flags of [["--latest"], []]) {
      const { code, stdout } = await runBin([...(await list(jobs)), ...flags, "--output", "json"]);
      expect(code).toBe(0);
      const result = JSON.parse(stdout);
      expect(result.jobIds).toEqual(["job-new"]);
      expect(result.polls).toBeGreaterThan(1);
    }
  });

  it("--all with the filters waits for every matching job; --sort and --limit narrow it", async () => {
    const jobs: SeedJob[] = [
      { jobId: "job-1", name: "nightly-1", status: "COMPLETED", createdTimestamp: at(0) },
      {
        jobId: "job-2",
        name: "nightly-2",
        importDataType: "JSON",
        status: "FAILED",
        createdTimestamp: at(1),
      },
      { jobId: "job-3", name: "adhoc-3", status: "FAILED", createdTimestamp: at(2) },
      { jobId: "job-4", name: "nightly-4", status: "PROCESSING", createdTimestamp: at(3) },
      { jobId: "job-5", name: "nightly-5", status: "COMPLETED", createdTimestamp: at(4) },
    ];
    const filters = ["--type", "CSV", "--name-regex", "^nightly-", "--created-after", "2024-05-01T00:00:30Z"];
    const all = await runBin([...(await list(jobs)), "--all", ...filters, "--output", "json"]);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).jobIds).toEqual(["job-4", "job-5"]);
    const newestOne = await runBin([
      ...(await list(jobs)),
      "--all",
      "--type",
      "CSV",
      "--sort",
      "descending",
      "--limit",
      "1",
      "--output",
      "json",
    ]);
    expect(JSON.parse(newestOne.stdout).jobIds).toEqual(["job-5"]);
    const failedOnly = await runBin([...(await list(jobs)), "--all", "--status", "FAILED"]);
    expect(failedOnly.code).toBe(2);
    expect(failedOnly.stderr).toMatch(/job-2 \(nightly-2\): FAILED.*job-3 \(adhoc-3\): FAILED/);
  });

  it("a --job-id the list does not hold fails at once (exit 1), naming the flag", async () => {
    const { code, stderr } = await runBin([
      ...(await list([{ jobId: "job-a", name: "a", status: "PROCESSING" }])),
      "--job-id",
      "job-zz",
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^error: \[InvalidArgumentError\] Expected every --job-id entry to be an import job of address list `al-[^`]+` in region us-east-1, but job-zz is not an import job in region us-east-1\. Check the ids, --address-list-id and --region\.\n$/,
    );
  });

  it("--page-size sets the jobs per request of each poll that lists (--latest, --all)", async () => {
    const jobs = Array.from({ length: 5 }, (_, i) => ({
      jobId: `job-${i}`,
      name: `n${i}`,
      status: "COMPLETED" as const,
      createdTimestamp: at(i),
    }));
    const args = await list(jobs);
    emulator.resetCalls();
    const { code } = await runBin([...args, "--latest", "--page-size", "2"]);
    expect(code).toBe(0);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(3);
  });

  it("--job-id polls each selected job with GetAddressListImportJob instead of listing", async () => {
    const jobs = Array.from({ length: 5 }, (_, i) => ({
      jobId: `job-${i}`,
      name: `n${i}`,
      status: "COMPLETED" as const,
      createdTimestamp: at(i),
    }));
    const args = await list(jobs);
    emulator.resetCalls();
    const { code } = await runBin([...args, "--job-id", "job-0", "--job-id", "job-3"]);
    expect(code).toBe(0);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(0);
    expect(emulator.calls("GetAddressListImportJob")).toBe(2);
  });
});

describe("wait: the policy and its exit codes", () => {
  it("a FAILED job exits 2; the message names the job, its error and counts, on one line", async () => {
    const { code, stdout, stderr } = await runBin([
      ...(await list([
        {
          jobId: "job-f",
          name: "march",
          status: "PROCESSING",
          importedItemsCount: 3,
          failedItemsCount: 9,
          error: "bad header",
        },
      ])),
      "--job-id",
      "job-f",
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const last = logLines(stderr).pop();
    expect(last).toBe(
      "error: [ImportJobFailedError] 1 import job of address list `" +
        last?.match(/`([^`]+)`/)?.[1] +
        '` did not meet the policy (FAILED): job-f (march): FAILED, "bad header", imported 3, failed 9. Fix the input file and create a new import job.',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--max-failed-items: a completed job with more failed items exits 2; within the limit exits 0", async () => {
    const job: SeedJob = {
      jobId: "job-m",
      name: "m",
      status: "COMPLETED",
      importedItemsCount: 10,
      failedItemsCount: 2,
    };
    const strict = await runBin([...(await list([job])), "--max-failed-items", "1"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(
      /did not meet the policy \(more than --max-failed-items \(1\) failed items\): job-m \(m\): COMPLETED, imported 10, failed 2/,
    );
    expect((await runBin([...(await list([job])), "--max-failed-items", "2"])).code).toBe(0);
  });

  it("--min-imported-items: a completed job that imported fewer exits 2; enough exits 0", async () => {
    const job: SeedJob = {
      jobId: "job-n",
      name: "n",
      status: "COMPLETED",
      importedItemsCount: 10,
      failedItemsCount: 0,
    };
    const strict = await runBin([...(await list([job])), "--min-imported-items", "11"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/fewer than --min-imported-items \(11\) imported items\): job-n/);
    expect((await runBin([...(await list([job])), "--min-imported-items", "10"])).code).toBe(0);
  });

  it("--allow-stopped: a STOPPED job exits 2 without it and 0 with it", async () => {
    const job: SeedJob = { jobId: "job-s", name: "s", status: "STOPPED" };
    const strict = await runBin(await list([job]));
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/STOPPED, which fails unless --allow-stopped is true/);
    const allowed = await runBin([...(await list([job])), "--allow-stopped"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/finished: job-s STOPPED/);
  });

  it("--max-wait: still running at the deadline exits 3, naming the job and the likely cause", async () => {
    const { code, stderr, ms } = await runBin([
      ...(await list([{ jobId: "job-w", name: "w", status: "CREATED" }])),
      "--max-wait",
      "1.5s",
    ]);
    expect(code).toBe(3);
    expect(ms).toBeLessThan(6_000);
    expect(logLines(stderr).pop()).toMatch(
      /^error: \[WaitTimeoutError\] 1 import job of address list `[^`]+` did not finish within 1\.5 s: job-w \(w\): CREATED, imported 0, failed 0\. A job still CREATED was probably never started/,
    );
  });

  it("--output json prints the waiter's result", async () => {
    const { code, stdout } = await runBin([
      ...(await list([
        { jobId: "job-j", name: "j", status: "COMPLETED", importedItemsCount: 4, failedItemsCount: 1 },
      ])),
      "--output",
      "json",
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      region: "us-east-1",
      jobIds: ["job-j"],
      counts: { total: 1, COMPLETED: 1 },
      totals: { importedItems: 4, failedItems: 1 },
      polls: 1,
    });
    expect(Object.keys(result)).toEqual([
      "addressListId",
      "region",
      "importJobs",
      "jobIds",
      "counts",
      "totals",
      "polls",
      "waitedSeconds",
    ]);
  });
});

describe("wait on a terminal", () => {
  it("draws one live line: spinner, the job's coloured status and counts, elapsed / max; then the result", async () => {
    const { code, stdout } = await runBinInTerminal([
      ...(await list([
        { jobId: "job-t", name: "t", status: "PROCESSING", importedItemsCount: 120, failedItemsCount: 0 },
      ])),
      "--max-wait",
      "15m",
    ]);
    expect(code).toBe(0);
    // Redrawn in place (carriage return + erase line), never scrolled: one line per redraw, no newline.
    const redraws = stdout.split("\r\u001b[2K").filter((part) => part.includes("waiting for"));
    expect(redraws.length).toBeGreaterThan(5);
    expect(redraws.every((part) => !part.includes("\n"))).toBe(true);
    expect(
      redraws.some((part) =>
        /\u001b\[36m[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]\u001b\[39m waiting for 1 import job of al-[\w-]+: job-t \u001b\[36mPROCESSING\u001b\[39m imported 120 failed 0 · 0:0\d \/ 15:00$/.test(
          part,
        ),
      ),
    ).toBe(true);
    expect(plainText(stdout)).toMatch(
      /finished: job-t COMPLETED \(imported 120, failed 0\), after \ds and \d+ polls\n$/,
    );
  });

  it("NO_COLOR: the same live line without colour codes", async () => {
    const { code, stdout } = await runBinInTerminal(
      await list([
        { jobId: "job-u", name: "u", status: "PROCESSING", importedItemsCount: 1, failedItemsCount: 0 },
      ]),
      binEnv({ NO_COLOR: "1" }),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting for 1 import job of al-[\w-]+: job-u PROCESSING imported 1 failed 0 · 0:0\d \/ 10:00/,
    );
    expect(stdout).not.toMatch(/\u001b\[\d+m/);
  });

  it("a failure clears the live line and prints one error line (exit 2)", async () => {
    const { code, stdout } = await runBinInTerminal(
      await list([{ jobId: "job-v", name: "v", status: "FAILED", error: "bad" }]),
    );
    expect(code).toBe(2);
    const screen = screenLines(stdout);
    expect(screen).toEqual([
      expect.stringMatching(/^\s*error: \[ImportJobFailedError\] 1 import job .* job-v \(v\): FAILED, "bad"/),
    ]);
  });
});

describe("Ctrl-C during wait", () => {
  const running = async () => await list([{ jobId: "job-x", name: "x", status: "CREATED" }]);

  it("SIGINT ends it at once with exit 130 and one line, no stack", async () => {
    const bin = startBin([...(await running()), "--max-wait", "1h"]);
    await waitForOutput(bin, /waiting for 1 import job/);
    const sent = Date.now();
    bin.child.kill("SIGINT");
    const { code, stdout, stderr } = await bin.done;
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect({ code, stdout }).toEqual({ code: 130, stdout: "" });
    const lines = logLines(stderr);
    expect(lines[lines.length - 1]).toMatch(
      /^interrupted after \d+s of waiting for the import jobs of address list al-[\w-]+; the jobs themselves keep running in Mail Manager$/,
    );
    expect(stderr).not.toMatch(/\n\s+at |Error/);
  });

  it("SIGTERM (a CI runner cancelling the step) ends it within a second with exit 143 and the same one line", async () => {
    const bin = startBin([...(await running()), "--max-wait", "1h"]);
    await waitForOutput(bin, /waiting for 1 import job/);
    const sent = Date.now();
    bin.child.kill("SIGTERM");
    const { code, signal, stdout, stderr } = await bin.done;
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect({ code, signal, stdout }).toEqual({ code: 143, signal: null, stdout: "" });
    expect(logLines(stderr).pop()).toMatch(
      /^interrupted after \d+s of waiting for the import jobs of address list al-[\w-]+; the jobs themselves keep running in Mail Manager$/,
    );
    expect(stderr).not.toMatch(/\n\s+at |Error/);
  });

  it("^C typed in a terminal clears the live line and exits 130", async () => {
    const bin = startBinInTerminal([...(await running()), "--max-wait", "1h"]);
    await waitForOutput(bin, /waiting for 1 import job/);
    const sent = Date.now();
    bin.child.stdin?.write("\u0003");
    const { code, stdout } = await bin.done;
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(code).toBe(130);
    expect(stdout).toMatch(
      /\r\u001b\[2Kinterrupted after \d+s of waiting for the import jobs of address list al-[\w-]+; the jobs themselves keep running in Mail Manager\r\n$/,
    );
    expect(stdout).not.toMatch(/\n\s+at /);
  });
});
