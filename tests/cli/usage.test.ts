// The bin's usage surface: --help with examples and the exit codes, --version, and bad input — one
// line naming the flag and what is allowed, exit 1, and not a single request to the endpoint.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { seedList, startTestEmulator } from "../support/emulatorFixture";
import { REPO, ensureBuilt, runBin } from "./runBin";

let emulator: Emulator;
let listId: string;

beforeAll(async () => {
  ensureBuilt();
  emulator = await startTestEmulator();
  ({ addressListId: listId } = seedList(emulator, [{ jobId: "job-a", name: "a", status: "COMPLETED" }]));
});

afterAll(() => emulator?.close());

const EXIT_CODE_LINES = [
  /^ {2}0 {4}done/m,
  /^ {2}1 {4}usage error .* or service error/m,
  /^ {2}2 {4}a job FAILED, was STOPPED/m,
  /^ {2}3 {4}timed out/m,
  /^ {2}130 {2}interrupted \(Ctrl-C\)/m,
  /^ {2}141 {2}stdout or stderr was closed by its reader/m,
  /^ {2}143 {2}terminated \(SIGTERM\)/m,
];

describe("--help and --version", () => {
  it.each([[[]], [["list"]], [["wait"]], [["import"]]])(
    "%j --help shows usage, examples and the exit codes (exit 0)",
    async (command) => {
      const { code, stdout, stderr } = await runBin([...command, "--help"]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toMatch(new RegExp(`^Usage: mailmanager-import-jobs ${command.join(" ")}`));
      expect(stdout).toMatch(/\nExamples:\n {2}(# .*\n {2})?\$ mailmanager-import-jobs /);
      for (const line of EXIT_CODE_LINES) expect(stdout).toMatch(line);
    },
  );

  it("list --help names every flag", async () => {
    const { stdout } = await runBin(["list", "--help"]);
    for (const flag of [
      "--address-list-id",
      "--region",
      "--profile",
      "--endpoint",
      "--page-size",
      "--max-attempts",
      "--status",
      "--type",
      "--name-regex",
      "--created-after",
      "--created-before",
      "--sort",
      "--limit",
      "--output",
    ]) {
      expect(stdout).toContain(`${flag} <`);
    }
  });

  it("wait --help names every flag", async () => {
    const { stdout } = await runBin(["wait", "--help"]);
    for (const flag of [
      "--job-id",
      "--latest",
      "--all",
      "--max-wait",
      "--min-delay",
      "--max-delay",
      "--max-failed-items",
      "--min-imported-items",
      "--allow-stopped",
      "--output",
      "--status",
      "--limit",
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    for (const flag of ["--version", "-V"]) {
      const { code, stdout } = await runBin([flag]);
      expect({ code, stdout }).toEqual({ code: 0, stdout: `${version}\n` });
    }
  });

  it("no command prints the help on stderr and exits 1", async () => {
    const { code, stdout, stderr } = await runBin([]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(/^Usage: mailmanager-import-jobs \[options\] \[command\]/);
  });
});

describe("bad input: one line naming the flag and what is allowed, exit 1, no request", () => {
  const list = () => ["list", "--address-list-id", listId, "--endpoint", emulator.url];
  const wait = () => ["wait", "--address-list-id", listId, "--endpoint", emulator.url];
  const cases: [string, () => string[], RegExp][] = [
    [
      "an unknown command",
      () => ["lst"],
      /^error: unknown command 'lst' \(did you mean list\?\); see --help for what is allowed$/,
    ],
    [
      "an unknown flag with a likely meaning",
      () => [...list(), "--page-sise", "5"],
      /^error: unknown option '--page-sise' \(did you mean --page-size\?\); see --help/,
    ],
    [
      "an unknown flag",
      () => [...list(), "--bogus"],
      /^error: unknown option '--bogus'; see --help for what is allowed$/,
    ],
    [
      "no --address-list-id",
      () => ["list", "--endpoint", emulator.url],
      /^error: required option '--address-list-id <id>' not specified$/,
    ],
    [
      "a bad --address-list-id",
      () => ["list", "--address-list-id", "al 1", "--endpoint", emulator.url],
      /^error: Expected --address-list-id to be 1 to 255 letters, digits or hyphens .* got "al 1"\.$/,
    ],
    [
      "--page-size out of range",
      () => [...list(), "--page-size", "51"],
      /^error: Expected --page-size to be an integer from 1 to 50, got 51\.$/,
    ],
    [
      "--page-size not a number",
      () => [...list(), "--page-size", "many"],
      /^error: option '--page-size <n>' argument 'many' is invalid\. Expected a whole number, such as 10\.$/,
    ],
    [
      "--max-attempts out of range",
      () => [...list(), "--max-attempts", "0"],
      /^error: Expected --max-attempts to be an integer from 1 to 100, got 0\.$/,
    ],
    [
      "--limit below 1",
      () => [...list(), "--limit", "0"],
      /^error: Expected --limit to be an integer of at least 1, got 0\.$/,
    ],
    [
      "a bad --status",
      () => [...list(), "--status", "DONE"],
      /^error: option '--status <statuses>' argument 'DONE' is invalid\. Allowed: CREATED, PROCESSING, COMPLETED, FAILED, STOPPED/,
    ],
    [
      "a bad --type",
      () => [...list(), "--type", "XML"],
      /^error: option '--type <type>' argument 'XML' is invalid\. Allowed choices are CSV, JSON\.$/,
    ],
    [
      "a bad --sort",
      () => [...list(), "--sort", "newest"],
      /^error: option '--sort <order>' argument 'newest' is invalid\. Allowed choices are ascending, descending\.$/,
    ],
    [
      "a bad --output",
      () => [...list(), "--output", "xml"],
      /^error: option '--output <format>' argument 'xml' is invalid\. Allowed choices are table, json, csv\.$/,
    ],
    [
      "a bad --name-regex",
      () => [...list(), "--name-regex", "(("],
      /^error: Expected --name-regex to be a valid JavaScript regular expression, got "\(\(" /,
    ],
    [
      "a bad --created-after",
      () => [...list(), "--created-after", "yesterday"],
      /^error: Expected --created-after to be an ISO-8601 date or date-time with a time zone/,
    ],
    [
      "--created-after after --created-before",
      () => [...list(), "--created-after", "2024-06-01", "--created-before", "2024-05-01"],
      /^error: Expected --created-after \("2024-06-01"\) to be no later than --created-before/,
    ],
    [
      "a bad --endpoint",
      () => ["list", "--address-list-id", listId, "--endpoint", "ftp://x"],
      /^error: Expected --endpoint to be an http or https URL/,
    ],
    [
      "a bad --region",
      () => [...list(), "--region", "Mars 1"],
      /^error: Expected --region to be an AWS region name such as "us-east-1", got "Mars 1"\.$/,
    ],
    [
      "--job-id with --latest",
      () => [...wait(), "--job-id", "job-a", "--latest"],
      /^error: option '--job-id <ids\.\.\.>' cannot be used with option '--latest'$/,
    ],
    [
      "--latest with --all",
      () => [...wait(), "--latest", "--all"],
      /^error: option '--latest' cannot be used with option '--all'$/,
    ],
    [
      "a filter next to --job-id",
      () => [...wait(), "--job-id", "job-a", "--status", "FAILED"],
      /^error: Expected no --status next to --job-id: the filters only narrow --latest\/--all\./,
    ],
    [
      "a bad --job-id",
      () => [...wait(), "--job-id", "job_a"],
      /^error: Expected --job-id to be an import job id \(1 to 255 letters, digits or hyphens\), got "job_a"\.$/,
    ],
    [
      "a bad --max-wait",
      () => [...wait(), "--max-wait", "soon"],
      /^error: option '--max-wait <duration>' argument 'soon' is invalid\. Expected a duration such as 900 \(seconds\), 90s, 15m or 1h\.$/,
    ],
    [
      "--max-wait too short",
      () => [...wait(), "--max-wait", "50ms"],
      /^error: Expected --max-wait to be a number of seconds from 0\.1 to 2147483, such as 600 \(ten minutes\), got 0\.05\.$/,
    ],
    [
      "--min-delay above --max-delay",
      () => [...wait(), "--min-delay", "40s"],
      /^error: Expected --min-delay \(40\) to be at most --max-delay \(30, the default\)\.$/,
    ],
    [
      "--max-wait below --min-delay",
      () => [...wait(), "--max-wait", "2s"],
      /^error: Expected --max-wait \(2\) to be at least --min-delay \(5, the default\)\.$/,
    ],
    [
      "a negative --max-failed-items",
      () => [...wait(), "--max-failed-items", "-1"],
      /^error: Expected --max-failed-items to be an integer of at least 0, got -1\.$/,
    ],
    [
      "a fractional --min-imported-items",
      () => [...wait(), "--min-imported-items", "1.5"],
      /^error: option '--min-imported-items <n>' argument '1\.5' is invalid\. Expected a whole number/,
    ],
    [
      "a bad wait --output",
      () => [...wait(), "--output", "csv"],
      /^error: option '--output <format>' argument 'csv' is invalid\. Allowed choices are text, json\.$/,
    ],
  ];

  it.each(cases)("%s", async (_name, args, message) => {
    emulator.resetCalls();
    const { code, stdout, stderr } = await runBin(args());
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.slice(0, -1).split("\n")).toEqual([expect.stringMatching(message)]);
    expect(emulator.calls()).toBe(0);
  });
});
