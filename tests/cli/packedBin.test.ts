// The bin and the client entry as a user gets them: the `npm pack` tarball (packed once per run by
// tests/setup/globalSetup.ts) installed into a fresh directory that depends on nothing else — no
// @pulumi/pulumi, which is an optional peer — then run through npx against the emulator.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { seedList, startTestEmulator } from "../support/emulatorFixture";
import { packageTarball } from "../support/builtPackage";
import { REPO, binEnv } from "./runBin";

let consumer: string;
let emulator: Emulator;
let listId: string;

beforeAll(async () => {
  const tarball = packageTarball();
  consumer = mkdtempSync(join(tmpdir(), "pmij-cli-consumer-"));
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({
      name: "pmij-cli-consumer",
      private: true,
      dependencies: { "pulumi-mailmanager-import-jobs": `file:${tarball}` },
    }),
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
    cwd: consumer,
    stdio: ["ignore", "ignore", "inherit"],
  });
  emulator = await startTestEmulator();
  ({ addressListId: listId } = seedList(emulator, [
    { jobId: "job-a", name: "a", status: "COMPLETED", importedItemsCount: 3, failedItemsCount: 0 },
  ]));
}, 180_000);

afterAll(() => emulator?.close());

/**
 * Runs `command` in the consumer directory. Asynchronously: the emulator answers from this process,
 * which a synchronous spawn would block.
 */
function run(
  command: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: consumer, env: binEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** `npx --no-install <args>` in the consumer: the installed bin, never a download. */
function npx(args: string[]) {
  return run("npx", ["--no-install", ...args]);
}

describe("installed from the tarball, without @pulumi/pulumi", () => {
  it("installs no @pulumi/pulumi: it is an optional peer the bin and the client entry do not need", () => {
    expect(existsSync(join(consumer, "node_modules", "pulumi-mailmanager-import-jobs"))).toBe(true);
    expect(existsSync(join(consumer, "node_modules", "@pulumi", "pulumi"))).toBe(false);
  });

  it("npx mailmanager-import-jobs and npx pulumi-mailmanager-import-jobs both run the bin", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    for (const bin of ["mailmanager-import-jobs", "pulumi-mailmanager-import-jobs"]) {
      const { status, stdout } = await npx([bin, "--version"]);
      expect({ status, stdout }).toEqual({ status: 0, stdout: `${version}\n` });
    }
  });

  it("list and wait work against the emulator", async () => {
    const listed = await npx([
      "mailmanager-import-jobs",
      "list",
      "--address-list-id",
      listId,
      "--endpoint",
      emulator.url,
    ]);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      jobIds: ["job-a"],
      counts: { total: 1, COMPLETED: 1 },
    });
    const waited = await npx([
      "mailmanager-import-jobs",
      "wait",
      "--address-list-id",
      listId,
      "--endpoint",
      emulator.url,
      "--job-id",
      "job-a",
    ]);
    expect(waited.status).toBe(0);
    expect(waited.stdout).toMatch(/finished: job-a COMPLETED \(imported 3, failed 0\)/);
  });

  it("require('pulumi-mailmanager-import-jobs/client') resolves through the exports map and reads the jobs", async () => {
    const script =
      `const { getAddressListImportJobs } = require("pulumi-mailmanager-import-jobs/client");` +
      `getAddressListImportJobs({ addressListId: ${JSON.stringify(listId)}, endpoint: ${JSON.stringify(emulator.url)} })` +
      `.then((r) => process.stdout.write(JSON.stringify(r.jobIds)));`;
    const { status, stdout, stderr } = await run(process.execPath, ["-e", script]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
    expect(JSON.parse(stdout)).toEqual(["job-a"]);
  });
});
