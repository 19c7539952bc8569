// What every language's end-to-end suite of AddressListImport does the same way ("fill a list":
// examples/import-and-gate, examples/yaml-import, examples/python-import): a stack of the example on a
// fresh emulator list, and the scenarios whose outcome must not depend on the language — one job per
// content, no change without a change, one replacement per edit, a rejected file failing `up` with the
// job's id and error, no address or upload URL in any state file, and a Pulumi process killed at three
// points of the import, after which the list still gets exactly one job for the content.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  ListAddressListImportJobsCommand,
  MailManagerClient,
  type ImportJob as ServiceImportJob,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import type { PulumiStack, RunResult } from "./pulumiCli";

/** The provider plugin's name: its config keys are `mailmanager-import-jobs:<key>`. */
const PLUGIN_NAME = "mailmanager-import-jobs";

/** The examples' resource: its name is also the job's name. */
export const IMPORT_RESOURCE = "newsletter-members";
/** An address the "file edited" scenario appends. */
const ADDED_MEMBER = "edsger@example.com";
/** No `address` header line: the emulator fails the job, as the service does. */
const REJECTED_CSV = "email\nada@example.com\nbob@example.com\n";
/** The emulator's reason for REJECTED_CSV. */
const REJECTED_ERROR = "The CSV file must start with a header line containing the column 'address'.";
/** Real-time delay of every API response while a crash is staged: the window in which the CLI is killed. */
const CRASH_LATENCY_MS = 1_500;

/** A stack of an example on one list, configured for the emulator, and the CSV file its program imports. */
export interface ImportStack {
  readonly stack: PulumiStack;
  readonly membersFile: string;
}

/** Makes a stack of the example (its own copy of the program) on `addressListId`. */
export type ImportStackFactory = (name: string, addressListId: string) => Promise<ImportStack>;

/** Where a crash test kills the Pulumi process. */
export type CrashPoint = "job created" | "file uploaded" | "job processing";

/** The emulator of an import suite, with a plain client to see what it holds. */
export class ImportEmulator {
  private constructor(
    readonly emulator: Emulator,
    private readonly client: MailManagerClient,
  ) {}

  /** Jobs take `processingMs` to finish: long enough for a crash to land while one is PROCESSING. */
  static async start(region = "eu-central-1", processingMs = 4_000): Promise<ImportEmulator> {
    const emulator = await startEmulator({ processingMs, region });
    const client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    return new ImportEmulator(emulator, client);
  }

  async close(): Promise<void> {
    this.client.destroy();
    await this.emulator.close();
  }

  newList(name: string): string {
    return this.emulator.seed({ addressLists: [{ name }] }).addressListIds[0];
  }

  /** The list's import jobs, oldest first. */
  async jobs(addressListId: string): Promise<ServiceImportJob[]> {
    const out = await this.client.send(
      new ListAddressListImportJobsCommand({ AddressListId: addressListId }),
    );
    return [...(out.ImportJobs ?? [])].sort(
      (a, b) => (a.CreatedTimestamp?.getTime() ?? 0) - (b.CreatedTimestamp?.getTime() ?? 0),
    );
  }

  /** The list's only job; fails when it has none or more. */
  async onlyJob(addressListId: string): Promise<ServiceImportJob> {
    const jobs = await this.jobs(addressListId);
    expect(jobs.map((job) => job.Name)).toEqual([IMPORT_RESOURCE]);
    return jobs[0];
  }

  /** API calls of `operation` since the last `resetCalls`. */
  calls(operation: string): number {
    return this.emulator.calls(operation);
  }
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** The addresses of a CSV text: what must never reach a state file or the CLI's output. */
function addressesOf(csv: string): string[] {
  return csv.split("\n").filter((line) => line.includes("@"));
}

/** The text of every file of the local backend (state, history, backups, locks), gunzipped. */
function backendFiles(stack: PulumiStack): string[] {
  const dir = stack.backendDir;
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => join(dir, file))
    .filter((path) => statSync(path).isFile())
    .map((path) => {
      const bytes = readFileSync(path);
      return (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
    });
}

/** The lock files of the local backend (without the blob store's `.attrs` beside each). */
function lockFiles(stack: PulumiStack): string[] {
  const dir = join(stack.backendDir, ".pulumi", "locks");
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".json"));
  } catch {
    return [];
  }
}

/** `pulumi stack export`, every backend file and `texts` (the CLI's output) hold no address and no upload URL. */
async function expectNoAddressOrUrl(stack: PulumiStack, addresses: string[], texts: string[]): Promise<void> {
  const exported = await stack.exportState();
  for (const [where, text] of [
    ["stack export", exported],
    ...backendFiles(stack).map((text, i) => [`backend file ${i}`, text]),
    ...texts.map((text, i) => [`CLI output ${i}`, text]),
  ]) {
    for (const address of addresses) expect([where, text.includes(address)]).toEqual([where, false]);
    expect([where, /X-Amz-Signature|\/upload\//i.test(text)]).toEqual([where, false]);
  }
}

async function ok(stack: PulumiStack, args: string[]): Promise<RunResult> {
  const result = await stack.run(args);
  if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
  return result;
}

const up = (stack: PulumiStack) => ok(stack, ["up", "--yes", "--skip-preview"]);

/** The change summary `pulumi preview --json` gives, without the unchanged count. */
async function previewChanges(stack: PulumiStack): Promise<Record<string, number>> {
  const preview = await ok(stack, ["preview", "--json"]);
  const { same: _same, ...changes } = JSON.parse(preview.stdout).changeSummary as Record<string, number>;
  return changes;
}

/** The import's outputs, as every example exports them. */
async function importOutputs(stack: PulumiStack) {
  const outputs = await stack.outputs();
  return {
    jobId: outputs.importJobId,
    status: outputs.importStatus,
    importedItems: outputs.importedItems,
    failedItems: outputs.failedItems,
    contentSha256: outputs.membersSha256,
  };
}

/**
 * `up` imports the file once (one COMPLETED job, outputs with its id, status, counts and the file's
 * SHA-256); `preview` and `up` again change nothing and call no create; an edited file is one
 * replacement and one more job; no state file and no output holds an address or a URL; `destroy` leaves
 * the jobs.
 */
async function expectOneJobPerContent(jobs: ImportEmulator, make: ImportStackFactory) {
  const addressListId = jobs.newList("fill-a-list");
  const { stack, membersFile } = await make("lifecycle", addressListId);
  const original = readFileSync(membersFile);
  const addresses = addressesOf(original.toString("utf8"));
  expect(addresses.length).toBeGreaterThan(0);

  jobs.emulator.resetCalls();
  const first = await up(stack);
  expect(first.output).toMatch(new RegExp(`AddressListImport\\s+${IMPORT_RESOURCE}\\s+created`));
  const job = await jobs.onlyJob(addressListId);
  expect(job.Status).toBe("COMPLETED");
  expect(await importOutputs(stack)).toEqual({
    jobId: job.JobId,
    status: "COMPLETED",
    importedItems: addresses.length,
    failedItems: 0,
    contentSha256: sha256(original),
  });
  expect([jobs.calls("CreateAddressListImportJob"), jobs.emulator.uploads()]).toEqual([1, 1]);

  // Nothing changed: no change in preview, no request that could import in `up`, still one job.
  const quiet = await stack.run(["preview", "--expect-no-changes"]);
  if (quiet.code !== 0) throw new Error(quiet.output);
  jobs.emulator.resetCalls();
  const again = await up(stack);
  expect(again.output).not.toMatch(/\bcreated\b|\breplaced\b|\bupdated\b/);
  expect([jobs.calls("CreateAddressListImportJob"), jobs.emulator.uploads()]).toEqual([0, 0]);
  expect(await jobs.jobs(addressListId)).toHaveLength(1);

  // The file edited: exactly one replacement, which is one new job; the outputs follow it.
  appendFileSync(membersFile, `${ADDED_MEMBER}\n`);
  const edited = readFileSync(membersFile);
  expect(await previewChanges(stack)).toEqual({ replace: 1 });
  jobs.emulator.resetCalls();
  const replaced = await up(stack);
  expect(replaced.output).toMatch(new RegExp(`AddressListImport\\s+${IMPORT_RESOURCE}\\s+replaced`));
  expect(replaced.output).toMatch(/\b1 replaced\b/);
  const [oldJob, newJob] = await jobs.jobs(addressListId);
  expect([oldJob.JobId, newJob?.Status]).toEqual([job.JobId, "COMPLETED"]);
  expect(await jobs.jobs(addressListId)).toHaveLength(2);
  expect(await importOutputs(stack)).toEqual({
    jobId: newJob.JobId,
    status: "COMPLETED",
    importedItems: addresses.length + 1,
    failedItems: 0,
    contentSha256: sha256(edited),
  });
  expect(jobs.calls("CreateAddressListImportJob")).toBe(1);

  await expectNoAddressOrUrl(
    stack,
    [...addresses, ADDED_MEMBER],
    [first.output, again.output, replaced.output],
  );

  // An import cannot be undone: `destroy` leaves the list's jobs (and addresses) and stops nothing.
  jobs.emulator.resetCalls();
  await ok(stack, ["destroy", "--yes", "--skip-preview"]);
  expect(jobs.calls("StopAddressListImportJob")).toBe(0);
  expect(await jobs.jobs(addressListId)).toHaveLength(2);
}

/**
 * A file the service rejects fails `up` naming the job and its error, without an address; `up` again
 * finds the same FAILED job (same resource, same content) instead of importing the file twice.
 */
async function expectRejectedFileFailsUp(jobs: ImportEmulator, make: ImportStackFactory) {
  const addressListId = jobs.newList("rejected-file");
  const { stack, membersFile } = await make("rejected", addressListId);
  writeFileSync(membersFile, REJECTED_CSV);

  const failed = await stack.run(["up", "--yes", "--skip-preview"]);
  expect(failed.code).not.toBe(0);
  const job = await jobs.onlyJob(addressListId);
  expect([job.Status, job.Error]).toEqual(["FAILED", REJECTED_ERROR]);
  expect(failed.output).toContain(job.JobId);
  expect(failed.output).toContain(REJECTED_ERROR);
  expect(failed.output).toContain("FAILED");

  jobs.emulator.resetCalls();
  const retried = await stack.run(["up", "--yes", "--skip-preview"]);
  expect(retried.code).not.toBe(0);
  expect(retried.output).toContain(job.JobId);
  expect([jobs.calls("CreateAddressListImportJob"), jobs.emulator.uploads()]).toEqual([1, 0]);
  expect(await jobs.jobs(addressListId)).toHaveLength(1);

  await expectNoAddressOrUrl(stack, addressesOf(REJECTED_CSV), [failed.output, retried.output]);
  await ok(stack, ["destroy", "--yes", "--skip-preview"]);
}

/** Polls `condition` every 10 ms until it holds; fails with the command's output if it ends first. */
async function until(condition: () => boolean, running: { output(): string }, ended: () => boolean) {
  const deadline = Date.now() + 120_000;
  while (!condition()) {
    if (ended() || Date.now() > deadline) {
      throw new Error(`pulumi up ended before the crash point:\n${running.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Kills `pulumi up` with SIGKILL (its process group and every process below it) at `point`, then
 * recovers as a user must: the local backend keeps the dead run's lock, so the next `up` fails until
 * `pulumi cancel` removes it; then `up` succeeds on its own, with a warning about the pending CREATE the
 * killed run left in state, and the list has exactly one job for the content (the retried create finds
 * the killed run's job by its client token). The pending CREATE stays in state, warning on every `up`,
 * until `pulumi refresh --clear-pending-creates` drops it.
 */
async function expectCrashRecovery(jobs: ImportEmulator, make: ImportStackFactory, point: CrashPoint) {
  const { emulator } = jobs;
  const addressListId = jobs.newList(`crash-${point.replace(/ /g, "-")}`);
  const { stack, membersFile } = await make(`crash-${point.replace(/ /g, "-")}`, addressListId);
  const addresses = addressesOf(readFileSync(membersFile, "utf8"));

  // A slow API holds the import between two requests, where the kill lands: after the create's read
  // (the job exists, no file yet), or while the start is in flight (then refused, so the job stays
  // CREATED with its file). During the wait, jobs take the emulator's processing time.
  emulator.resetCalls();
  if (point !== "job processing") emulator.setFaults({ latencyMs: CRASH_LATENCY_MS });
  const running = stack.start(["up", "--yes", "--skip-preview"]);
  let ended = false;
  void running.result.then(() => (ended = true));
  const reached: Record<CrashPoint, () => boolean> = {
    "job created": () => jobs.calls("GetAddressListImportJob") >= 1,
    "file uploaded": () => jobs.calls("StartAddressListImportJob") >= 1,
    "job processing": () =>
      jobs.calls("StartAddressListImportJob") >= 1 && jobs.calls("GetAddressListImportJob") >= 2,
  };
  await until(reached[point], running, () => ended);
  if (point === "file uploaded") emulator.setDeny([{ operation: "StartAddressListImportJob" }]);
  const killed = await running.crash();
  expect(killed.code).not.toBe(0);
  // Requests still in the slow API's hands are answered (to no one) before the faults go.
  if (point !== "job processing") await new Promise((resolve) => setTimeout(resolve, CRASH_LATENCY_MS + 500));
  emulator.setFaults({});
  emulator.setDeny([]);

  const afterKill = await jobs.jobs(addressListId);
  expect(afterKill).toHaveLength(1);
  const [job] = afterKill;
  expect([job.Status, emulator.uploads()]).toEqual(
    {
      "job created": ["CREATED", 0],
      "file uploaded": ["CREATED", 1],
      "job processing": ["PROCESSING", 1],
    }[point],
  );
  const pendingAfterKill = JSON.parse(await stack.exportState()).deployment.pending_operations ?? [];
  expect(pendingAfterKill.map((op: { type: string }) => op.type)).toEqual(["creating"]);

  // The killed run's lock stays: the next `up` refuses to start, naming `pulumi cancel`.
  expect(lockFiles(stack)).toHaveLength(1);
  const locked = await stack.run(["up", "--yes", "--skip-preview"]);
  expect(locked.code).not.toBe(0);
  expect(locked.output).toContain("the stack is currently locked by 1 lock(s)");
  expect(locked.output).toContain("pulumi cancel");
  await ok(stack, ["cancel", "--yes"]);
  expect(lockFiles(stack)).toHaveLength(0);

  // `up` now succeeds without any other step: it warns about the pending CREATE and creates the
  // resource again, which finds the killed run's job (same client token) and finishes that import.
  emulator.resetCalls();
  const recovered = await up(stack);
  expect(recovered.output).toContain("1 pending operations from previous deployment");
  expect(recovered.output).toMatch(new RegExp(`${IMPORT_RESOURCE}, interrupted while creating`));
  const done = await jobs.onlyJob(addressListId);
  expect([done.JobId, done.Status]).toEqual([job.JobId, "COMPLETED"]);
  expect((await importOutputs(stack)).jobId).toBe(job.JobId);
  expect(jobs.calls("CreateAddressListImportJob")).toBe(1);
  // The file is sent again only to a job that never started; a started job is only waited for.
  expect([emulator.uploads(), jobs.calls("StartAddressListImportJob")]).toEqual(
    point === "job processing" ? [0, 0] : [1, 1],
  );

  // Pulumi keeps the pending CREATE (it cannot know the resource exists): each `up` warns again, until
  // `pulumi refresh --clear-pending-creates` drops it; nothing else changes.
  const warnsAgain = await up(stack);
  expect(warnsAgain.output).toContain("1 pending operations from previous deployment");
  await ok(stack, ["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
  expect(JSON.parse(await stack.exportState()).deployment.pending_operations ?? []).toEqual([]);
  const quiet = await stack.run(["preview", "--expect-no-changes"]);
  if (quiet.code !== 0) throw new Error(quiet.output);
  const clean = await up(stack);
  expect(clean.output).not.toContain("pending operations");
  expect(await jobs.jobs(addressListId)).toHaveLength(1);

  await expectNoAddressOrUrl(stack, addresses, [killed.output, recovered.output]);
  await ok(stack, ["destroy", "--yes", "--skip-preview"]);
}

/** The stack config of the YAML and Python examples: the list, fast polling, the plugin on this emulator. */
export function pluginImportConfig(jobs: ImportEmulator, addressListId: string): Record<string, string> {
  return {
    addressListId,
    minDelay: "1", // whole seconds: YAML config declares no fractional type
    maxDelay: "2",
    maxWaitTime: "60",
    [`${PLUGIN_NAME}:endpoint`]: jobs.emulator.url,
    [`${PLUGIN_NAME}:region`]: jobs.emulator.region,
  };
}

/**
 * The scenarios as tests of the calling `describe`: one job per content, the rejected file and the
 * three crash points. `jobs` gives the suite's emulator once its `beforeAll` has run.
 */
export function itFillsAList(jobs: () => ImportEmulator, make: ImportStackFactory): void {
  it("`up` imports the file once; again changes nothing; an edit is one replacement and one more job; no address in state", async () => {
    await expectOneJobPerContent(jobs(), make);
  });

  it("a file the service rejects fails `up` with the job's id and error", async () => {
    await expectRejectedFileFailsUp(jobs(), make);
  });

  it.each(["job created", "file uploaded", "job processing"] as const)(
    "`pulumi up` killed when the %s: `pulumi cancel`, then `up` finishes the same job; one job for the content",
    async (point) => {
      await expectCrashRecovery(jobs(), make, point);
    },
  );
}
