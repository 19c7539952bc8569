/* eslint-disable no-control-regex -- these tests read terminal output, escape codes and all */
// `mailmanager-import-jobs list`, the real built bin against the emulator over HTTP: every flag, the
// three output formats, a terminal (pseudo-TTY) and pipes, NO_COLOR, and the exit codes of `list`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { getAddressListImportJobs, type GetAddressListImportJobsArgs } from "../../provider/client";
import { T0, manyJobs, seedList, startTestEmulator } from "../support/emulatorFixture";
import { binEnv, ensureBuilt, plainText, runBin, runBinInTerminal } from "./runBin";

let emulator: Emulator;
let listId: string;

/** The library's result for the same arguments, as the bin's `--output json` must print it. */
async function libraryJson(
  args: Omit<GetAddressListImportJobsArgs, "addressListId" | "endpoint">,
): Promise<string> {
  const result = await getAddressListImportJobs({
    addressListId: listId,
    endpoint: emulator.url,
    cache: false,
    ...args,
  });
  return `${JSON.stringify(result, null, 2)}\n`;
}

const at = (minutes: number) => T0 + minutes * 60_000;

beforeAll(async () => {
  ensureBuilt();
  emulator = await startTestEmulator();
  ({ addressListId: listId } = seedList(emulator, [
    {
      jobId: "job-a",
      name: "march-csv",
      status: "COMPLETED",
      importedItemsCount: 500,
      failedItemsCount: 2,
      createdTimestamp: at(0),
      completedTimestamp: at(5),
    },
    {
      jobId: "job-b",
      name: "april-json",
      importDataType: "JSON",
      status: "FAILED",
      importedItemsCount: 10,
      failedItemsCount: 90,
      error: "bad header, line 1",
      createdTimestamp: at(60),
    },
    {
      jobId: "job-c",
      name: "may-csv",
      status: "PROCESSING",
      importedItemsCount: 120,
      failedItemsCount: 0,
      createdTimestamp: at(120),
    },
    { jobId: "job-d", name: "june-csv", status: "CREATED", createdTimestamp: at(180) },
    {
      jobId: "job-e",
      name: "july-csv",
      status: "STOPPED",
      importedItemsCount: 3,
      failedItemsCount: 0,
      createdTimestamp: at(240),
    },
  ]));
});

afterAll(() => emulator?.close());

const base = () => ["list", "--address-list-id", listId, "--endpoint", emulator.url];

describe("list: output", () => {
  it("prints exactly the library's result as JSON when stdout is not a terminal", async () => {
    const { code, stdout, stderr } = await runBin(base());
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(await libraryJson({}));
  });

  it("--output json prints the same on a terminal", async () => {
    const { code, stdout } = await runBinInTerminal([...base(), "--output", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(plainText(stdout))).toEqual(JSON.parse(await libraryJson({})));
  });

  it("prints an aligned table with coloured statuses on a terminal", async () => {
    const { code, stdout } = await runBinInTerminal(base());
    expect(code).toBe(0);
    // Coloured: COMPLETED green (32), FAILED red (31), PROCESSING cyan (36), STOPPED yellow (33).
    expect(stdout).toMatch(/\u001b\[32mCOMPLETED/);
    expect(stdout).toMatch(/\u001b\[31mFAILED/);
    expect(stdout).toMatch(/\u001b\[36mPROCESSING/);
    expect(stdout).toMatch(/\u001b\[33mSTOPPED/);
    const lines = plainText(stdout).split("\n");
    const header = lines[0];
    expect(header).toMatch(
      /^JOB ID\s+NAME\s+STATUS\s+TYPE\s+IMPORTED\s+FAILED\s+CREATED \(UTC\)\s+FINISHED \(UTC\)/,
    );
    const rows = lines.slice(1, 6);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(["job-a", "job-b", "job-c", "job-d", "job-e"]);
    // Aligned: every row's STATUS and CREATED cells start where the header's do.
    for (const column of ["STATUS", "CREATED"]) {
      const start = header.indexOf(column);
      for (const row of rows) expect(row.slice(start)).toMatch(/^[A-Z0-9]/);
    }
    expect(rows[1]).toMatch(/job-b\s+april-json\s+FAILED\s+JSON\s+10\s+90\s+2024-05-01 01:00:00/);
    expect(lines).toContain(
      `5 import jobs of address list ${listId} (us-east-1): 1 COMPLETED, 1 PROCESSING, 1 CREATED, 1 FAILED, 1 STOPPED; items imported 633, failed 92`,
    );
  });

  it("honours NO_COLOR on a terminal: the same table, no colour codes", async () => {
    const { code, stdout } = await runBinInTerminal(base(), binEnv({ NO_COLOR: "1" }));
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toMatch(/^JOB ID\s+NAME/);
  });

  it("--output table on a pipe prints the table without colours", async () => {
    const { code, stdout } = await runBin([...base(), "--output", "table"]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout.split("\n")[0]).toMatch(/^JOB ID\s+NAME\s+STATUS/);
  });

  it("--output csv prints RFC 4180 CSV with a header row and quoted fields", async () => {
    const { code, stdout } = await runBin([...base(), "--output", "csv"]);
    expect(code).toBe(0);
    const lines = stdout.split("\r\n");
    expect(lines[0]).toBe(
      "jobId,name,status,importDataType,addressListId,importedItemsCount,failedItemsCount,createdTimestamp,startTimestamp,completedTimestamp,error",
    );
    expect(lines[2]).toBe(
      `job-b,april-json,FAILED,JSON,${listId},10,90,2024-05-01T01:00:00.000Z,2024-05-01T01:00:00.000Z,2024-05-01T01:00:00.000Z,"bad header, line 1"`,
    );
    expect(lines[4]).toBe(`job-d,june-csv,CREATED,CSV,${listId},,,2024-05-01T03:00:00.000Z,,,`);
    expect(lines).toHaveLength(7); // header, 5 jobs, "" after the last CRLF
  });
});

describe("list: every filter flag gives the library's result for that argument", () => {
  const cases: [string, string[], Omit<GetAddressListImportJobsArgs, "addressListId">][] = [
    [
      "--status (comma-separated, any case)",
      ["--status", "failed,STOPPED"],
      { statuses: ["FAILED", "STOPPED"] },
    ],
    [
      "--status (repeated)",
      ["--status", "CREATED", "--status", "COMPLETED"],
      { statuses: ["CREATED", "COMPLETED"] },
    ],
    ["--type", ["--type", "JSON"], { importDataType: "JSON" }],
    ["--name-regex", ["--name-regex", "-csv$"], { nameRegex: "-csv$" }],
    [
      "--created-after",
      ["--created-after", "2024-05-01T02:00:00Z"],
      { createdAfter: "2024-05-01T02:00:00Z" },
    ],
    [
      "--created-before",
      ["--created-before", "2024-05-01T01:00:00Z"],
      { createdBefore: "2024-05-01T01:00:00Z" },
    ],
    ["--sort descending", ["--sort", "descending"], { sortOrder: "descending" }],
    ["--limit with --sort", ["--sort", "descending", "--limit", "2"], { sortOrder: "descending", limit: 2 }],
  ];
  it.each(cases)("%s", async (_name, flags, args) => {
    const { code, stdout } = await runBin([...base(), ...flags]);
    expect(code).toBe(0);
    expect(stdout).toBe(await libraryJson(args));
  });

  it("--limit keeps the first N and the summaries describe them", async () => {
    const { stdout } = await runBin([...base(), "--sort", "descending", "--limit", "2"]);
    const result = JSON.parse(stdout);
    expect(result.jobIds).toEqual(["job-e", "job-d"]);
    expect(result.counts.total).toBe(2);
  });
});

describe("list: where and how the list is read", () => {
  it("--page-size sets the jobs per request: 23 jobs at 5 a page are 5 calls", async () => {
    const { addressListId } = seedList(emulator, manyJobs(23));
    emulator.resetCalls();
    const { code, stdout } = await runBin([
      "list",
      "--address-list-id",
      addressListId,
      "--endpoint",
      emulator.url,
      "--page-size",
      "5",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).counts.total).toBe(23);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(5);
  });

  it("--max-attempts: two 500s fail with 1 attempt (exit 1), pass with 3", async () => {
    const failTwice = { failNext: [1, 2].map(() => ({ status: 500, type: "InternalServerException" })) };
    emulator.setFaults(failTwice);
    const once = await runBin([...base(), "--max-attempts", "1"]);
    expect(once.code).toBe(1);
    expect(once.stderr).toMatch(/^error: \[ServiceError\] ListAddressListImportJobs failed for address list/);
    emulator.setFaults(failTwice);
    const thrice = await runBin([...base(), "--max-attempts", "3"]);
    emulator.setFaults({});
    expect(thrice.code).toBe(0);
    expect(thrice.stdout).toBe(await libraryJson({}));
  });

  it("--region sets the region when the environment has none, and a missing region names --region (exit 1)", async () => {
    const noRegion = binEnv({ AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined });
    const ok = await runBin([...base(), "--region", "us-east-1"], noRegion);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).region).toBe("us-east-1");
    const missing = await runBin(base(), noRegion);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: \[InvalidArgumentError\] Expected --region to be set/);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("Set --region (or AWS_REGION)");
    expect(missing.stderr).not.toMatch(/pulumi|aws:region/);
  });

  it("--profile reads credentials and region from that shared-config profile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmij-cli-profile-"));
    writeFileSync(
      join(dir, "credentials"),
      "[emulator]\naws_access_key_id = test\naws_secret_access_key = test\n",
    );
    writeFileSync(join(dir, "config"), "[profile emulator]\nregion = us-east-1\n");
    const env = binEnv({
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_REGION: undefined,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_CONFIG_FILE: join(dir, "config"),
    });
    const ok = await runBin([...base(), "--profile", "emulator"], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).counts.total).toBe(5);
    const other = await runBin([...base(), "--profile", "nobody", "--region", "us-east-1"], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error: \[CredentialsError\].*CredentialsProviderError.*Set --profile/);
  });

  it("without --endpoint it uses AWS_ENDPOINT_URL_MAILMANAGER, as the SDK does", async () => {
    const { code, stdout } = await runBin(
      ["list", "--address-list-id", listId],
      binEnv({ AWS_ENDPOINT_URL_MAILMANAGER: emulator.url }),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(await libraryJson({}));
  });

  it("a list that does not exist is a service error: one line, exit 1", async () => {
    const { code, stdout, stderr } = await runBin([
      "list",
      "--address-list-id",
      "al-missing",
      "--endpoint",
      emulator.url,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "error: [AddressListNotFoundError] Address list `al-missing` was not found in region us-east-1. Check the id " +
        "(`aws mailmanager list-address-lists --region us-east-1`) and that --region (or AWS_REGION) is the region " +
        "the list was created in.\n",
    );
  });
});
