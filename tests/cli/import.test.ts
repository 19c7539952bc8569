/* eslint-disable no-control-regex -- the terminal test reads escape codes */
// `mailmanager-import-jobs import`, the real built bin against the emulator over HTTP: a file imported
// and waited for, --output json, --no-wait, a rerun with the same --client-token finding the same job,
// a file the service rejects (exit 2), bad flags and a missing file refused before any request, the
// progress on pipes and on a terminal, and SIGTERM/SIGINT during the upload and during the wait
// ending it within a second with the flag that resumes the job.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { seedList, startTestEmulator } from "../support/emulatorFixture";
import {
  binEnv,
  ensureBuilt,
  runBin,
  runBinInTerminal,
  screenLines,
  startBin,
  waitForOutput,
  type RunningBin,
} from "./runBin";

/** Time from StartAddressListImportJob to a finished job on the emulator of most tests, in ms. */
const PROCESSING_MS = 300;

const ADDRESSES = ["ann@example.com", "bob@example.com", "cy@example.com"];

const dir = mkdtempSync(join(tmpdir(), "mm-import-cli-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const MEMBERS = file("members.csv", `address\n${ADDRESSES.join("\n")}\n`);
const NO_HEADER = file("no-header.csv", `${ADDRESSES.join("\n")}\n`);
const TEXT_FILE = file("members.txt", `address\n${ADDRESSES[0]}\n`);
/** Size of MEMBERS, as the progress lines show it. */
const SIZE = `${readFileSync(MEMBERS).length} B`;

/** Jobs finish quickly here; the interrupt tests that need a job that never finishes use `slow`. */
let emulator: Emulator;
let slow: Emulator;

beforeAll(async () => {
  ensureBuilt();
  emulator = await startTestEmulator({ processingMs: PROCESSING_MS });
  slow = await startTestEmulator();
});

afterAll(async () => {
  await Promise.all([emulator?.close(), slow?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  emulator.resetCalls();
  slow.resetCalls();
});

/** `import` into a new, empty list of `on`, polling fast; `extra` flags after. */
function importArgs(on: Emulator, path: string, ...extra: string[]): string[] {
  const { addressListId } = seedList(on, []);
  return [
    "import",
    "--address-list-id",
    addressListId,
    "--endpoint",
    on.url,
    "--file",
    path,
    "--min-delay",
    "0.1",
    "--max-delay",
    "0.3",
    ...extra,
  ];
}

/** The value after `flag` in `args`. */
const flagValue = (args: readonly string[], flag: string): string => args[args.indexOf(flag) + 1];

const ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

/** No address of the file, and nothing of a pre-signed URL, in anything the bin printed. */
function expectNothingSecret(text: string): void {
  for (const address of ADDRESSES) expect(text).not.toContain(address);
  expect(text).not.toMatch(/X-Amz|Signature=|\/upload\//);
}

describe("import: a file imported and waited for", () => {
  it("uploads the CSV, starts the job and waits until it COMPLETED (exit 0), with a few timestamped lines", async () => {
    const args = importArgs(emulator, MEMBERS);
    const id = flagValue(args, "--address-list-id");
    const { code, stdout, stderr } = await runBin(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `^1 import job of address list ${id} finished: (job-\\w+) COMPLETED \\(imported 3, failed 0\\), ` +
          "after \\d+s and \\d+ polls?\\n$",
      ),
    );
    const jobId = /(job-\w+) COMPLETED/.exec(stdout)?.[1];
    const lines = stderr.trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(
        new RegExp(`^${ISO} uploading .*members\\.csv \\(${SIZE}\\) to an import job of address list ${id}$`),
      ),
      expect.stringMatching(
        new RegExp(
          `^${ISO} uploaded .*members\\.csv \\(${SIZE}\\) in \\d+s; import job ${jobId} of address list ${id} started$`,
        ),
      ),
    ]);
    // Then the wait's lines, as `wait` prints them: one per change, not one per poll or chunk.
    expect(lines[lines.length - 1]).toMatch(
      new RegExp(`^${ISO} 1 import job of address list ${id} finished: ${jobId} COMPLETED`),
    );
    expect(lines.length).toBeLessThanOrEqual(4);
    expectNothingSecret(stdout + stderr);
    expect(emulator.uploads()).toBe(1);
    expect(emulator.calls("StartAddressListImportJob")).toBe(1);
  });

  it("--output json prints the importer's result: job id, status, counts, content hash, client token", async () => {
    const { code, stdout } = await runBin(importArgs(emulator, MEMBERS, "--output", "json"));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      jobId: expect.stringMatching(/^job-/),
      status: "COMPLETED",
      uploaded: true,
      started: true,
      waited: true,
      bytes: readFileSync(MEMBERS).length,
      contentSha256: createHash("sha256").update(readFileSync(MEMBERS)).digest("hex"),
      clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
      job: { status: "COMPLETED", name: "members", importedItemsCount: 3, failedItemsCount: 0 },
    });
    expect(result.job.jobId).toBe(result.jobId);
    expectNothingSecret(stdout);
  });

  it("--no-wait starts the job and exits 0 at once, saying how to wait for it", async () => {
    const args = importArgs(slow, MEMBERS, "--no-wait", "--format", "CSV", "--name", "march-2025");
    const { code, stdout, stderr } = await runBin(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^import job (job-\w+) of address list al-[\w-]+ is PROCESSING \(not waited for: --no-wait\); mailmanager-import-jobs wait --address-list-id al-[\w-]+ --job-id \1 waits for it\n$/,
    );
    expect(stderr).toMatch(/uploaded .*members\.csv \(\d+ B\) in \d+s; import job job-\w+ of .* started\n$/);
    expect(slow.calls("StartAddressListImportJob")).toBe(1);
  });

  it("the same --client-token twice finds the same job: no second job, no second upload", async () => {
    const args = importArgs(emulator, MEMBERS, "--client-token", "members-2025-06-01", "--output", "json");
    const first = await runBin(args);
    const second = await runBin(args);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    expect(b.jobId).toBe(a.jobId);
    expect(a).toMatchObject({ uploaded: true, clientToken: "members-2025-06-01" });
    expect(b).toMatchObject({ uploaded: false, status: "COMPLETED" });
    expect(second.stderr).toMatch(
      new RegExp(
        `import job ${a.jobId} of address list al-[\\w-]+ already had its file and was started: .*members\\.csv is not uploaded again`,
      ),
    );
    expect(emulator.uploads()).toBe(1);
    const list = await runBin([
      "list",
      "--address-list-id",
      flagValue(args, "--address-list-id"),
      "--endpoint",
      emulator.url,
      "--output",
      "json",
    ]);
    expect(JSON.parse(list.stdout).jobIds).toEqual([a.jobId]);
  });

  it("without --client-token every run is a new import job", async () => {
    const args = importArgs(emulator, MEMBERS, "--output", "json");
    const first = JSON.parse((await runBin(args)).stdout);
    const second = JSON.parse((await runBin(args)).stdout);
    expect(second.jobId).not.toBe(first.jobId);
    expect(second.clientToken).not.toBe(first.clientToken);
  });

  it("a file the service rejects fails the job: exit 2, one error line naming the job, no stack", async () => {
    const { code, stdout, stderr } = await runBin(importArgs(emulator, NO_HEADER));
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const last = stderr.trimEnd().split("\n").pop();
    expect(last).toMatch(
      /^error: \[ImportJobFailedError\] 1 import job of address list `al-[\w-]+` did not meet the policy \(FAILED\): job-\w+ \(no-header\): FAILED, "The CSV file must start with a header line containing the column 'address'\.", imported 0, failed 0\. /,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expectNothingSecret(stderr);
  });

  it("on a terminal: a live upload line, the line saying which job got the file, then the wait's line", async () => {
    const { code, stdout } = await runBinInTerminal(importArgs(emulator, MEMBERS));
    expect(code).toBe(0);
    expect(stdout).toMatch(/\r\u001b\[2K.*creating the import job of .*members\.csv for address list al-/);
    expect(stdout).toMatch(/\r\u001b\[2K.*waiting for 1 import job of al-[\w-]+: job-\w+ /);
    expect(screenLines(stdout)).toEqual([
      expect.stringMatching(
        /^uploaded .*members\.csv \(\d+ B\) in \ds; import job job-\w+ of address list al-[\w-]+ started$/,
      ),
      expect.stringMatching(
        /^1 import job of address list al-[\w-]+ finished: job-\w+ COMPLETED \(imported 3, failed 0\)/,
      ),
    ]);
  });
});

describe("import: bad input is refused before any request (exit 1, one line)", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "a bad --name",
      ["--name", "march 2025"],
      /^error: Expected --name to be 1 to 255 letters, digits, `_`, `\.` or `-` .*got "march 2025"\.$/,
    ],
    [
      "a --client-token of 129 characters",
      ["--client-token", "t".repeat(129)],
      /^error: Expected --client-token to be a string of 1 to 128 characters, such as a UUID, got "t{20}/,
    ],
    [
      "a bad --format",
      ["--format", "xml"],
      /^error: option '--format <format>' argument 'xml' is invalid\. Allowed: csv, json \(any case\)\.$/,
    ],
    [
      "--name next to --job-id",
      ["--job-id", "job-1", "--name", "n"],
      /^error: Expected no --name next to --job-id: the job exists already\./,
    ],
    [
      "a negative --max-failed-items",
      ["--max-failed-items", "-1"],
      /^error: Expected --max-failed-items to be an integer of at least 0, got -1\.$/,
    ],
    ["a bad --output", ["--output", "csv"], /^error: option '--output <format>' argument 'csv' is invalid\./],
  ];

  it.each(cases)("%s", async (_name, flags, message) => {
    const { code, stdout, stderr } = await runBin(importArgs(emulator, MEMBERS, ...flags));
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr.slice(0, -1).split("\n")).toEqual([expect.stringMatching(message)]);
    expect([emulator.calls(), emulator.uploads()]).toEqual([0, 0]);
  });

  it("a file whose format cannot be told from its name asks for --format", async () => {
    const { code, stderr } = await runBin(importArgs(emulator, TEXT_FILE));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^error: Expected --format \("CSV" or "JSON"\): it cannot be told from the name of --file ".*members\.txt", which ends neither in \.csv nor in \.json\.\n$/,
    );
    expect(emulator.calls()).toBe(0);
  });

  it("no --file", async () => {
    const args = importArgs(emulator, MEMBERS);
    args.splice(args.indexOf("--file"), 2);
    const { code, stderr } = await runBin(args);
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: "error: required option '--file <path>' not specified\n",
    });
  });

  it("a missing file names its path", async () => {
    const missing = join(dir, "nowhere.csv");
    const { code, stdout, stderr } = await runBin(importArgs(emulator, missing));
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toBe(
      `error: [InvalidArgumentError] Expected --file to be a readable, non-empty file, got "${missing}": there is no such file.\n`,
    );
    expect([emulator.calls(), emulator.uploads()]).toEqual([0, 0]);
  });
});

describe("import: --help", () => {
  it("says that every run is a new import without --client-token, and that the token makes a rerun find the job", async () => {
    const { code, stdout } = await runBin(["import", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mailmanager-import-jobs import \[options\]/);
    expect(stdout).toContain("Without --client-token every run is a new import job, even of the same file.");
    expect(stdout.replace(/\s+/g, " ")).toContain(
      "a rerun with the same token finds this run's job instead of importing twice",
    );
    expect(stdout).toMatch(/^ {2}143 {2}terminated \(SIGTERM\)/m);
  });
});

describe("import: interrupted", () => {
  /** Sends `signal` to `bin`; resolves with how it ended and how long after the signal, in ms. */
  async function interrupt(bin: RunningBin, signal: NodeJS.Signals) {
    const sent = Date.now();
    bin.child.kill(signal);
    const result = await bin.done;
    return { ...result, afterSignal: Date.now() - sent };
  }

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "%s during the wait ends it within a second (exit %i), naming the job and the --client-token that waits again",
    async (signal, exitCode) => {
      const args = importArgs(slow, MEMBERS, "--max-wait", "1h");
      const bin = startBin(args);
      await waitForOutput(bin, /waiting for 1 import job/);
      const { code, stdout, stderr, afterSignal } = await interrupt(bin, signal);
      expect(afterSignal).toBeLessThan(1_000);
      expect({ code, stdout }).toEqual({ code: exitCode, stdout: "" });
      const last = stderr.trimEnd().split("\n").pop() ?? "";
      expect(last).toMatch(
        /^interrupted after \d+s of waiting for import job (job-\w+) of address list al-[\w-]+; the job keeps running in Mail Manager: to wait for it again, run the same command with --client-token ([0-9a-f-]{36}) \(the file is not uploaded again\)$/,
      );
      expect(stderr).not.toMatch(/\n\s+at |Error/);
      // The printed token does what the line says: the rerun waits for the same job, uploading nothing.
      const [, jobId, token] = /(job-\w+) .*--client-token (\S+)/.exec(last) ?? [];
      slow.updateJob(jobId, { status: "COMPLETED", importedItemsCount: 3, failedItemsCount: 0 });
      const rerun = await runBin([...args, "--client-token", token, "--output", "json"]);
      expect(rerun.code).toBe(0);
      expect(JSON.parse(rerun.stdout)).toMatchObject({ jobId, uploaded: false, status: "COMPLETED" });
      expect(slow.uploads()).toBe(1);
    },
  );

  it("SIGTERM during the upload ends it within a second (exit 143); the job stays CREATED and the printed token finishes it", async () => {
    // The first PUT is refused with a 503; the retry waits a minute, long enough to be interrupted in.
    emulator.setFaults({ uploadFailNext: [{ status: 503, code: "SlowDown" }] });
    const args = importArgs(emulator, MEMBERS);
    const bin = startBin(args, binEnv({ MAILMANAGER_IMPORT_JOBS_RETRY_DELAY_MS: "60000" }));
    await waitForOutput(bin, /uploading .*members\.csv/);
    while (emulator.uploads() < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const { code, stdout, stderr, afterSignal } = await interrupt(bin, "SIGTERM");
    expect(afterSignal).toBeLessThan(1_000);
    expect({ code, stdout }).toEqual({ code: 143, stdout: "" });
    const last = stderr.trimEnd().split("\n").pop() ?? "";
    expect(last).toMatch(
      /^interrupted while uploading .*members\.csv: import job (job-\w+) of address list al-[\w-]+ stays CREATED; run the same command with --client-token ([0-9a-f-]{36}) to upload and start it$/,
    );
    expect(stderr).not.toMatch(/\n\s+at |Error/);
    expect(emulator.calls("StartAddressListImportJob")).toBe(0);
    const [, jobId, token] = /(job-\w+) .*--client-token (\S+)/.exec(last) ?? [];
    emulator.setFaults({});
    const rerun = await runBin([...args, "--client-token", token, "--output", "json"]);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ jobId, uploaded: true, status: "COMPLETED" });
  });
});
