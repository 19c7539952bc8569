// What every end-to-end interruption suite does the same way: an emulator whose started jobs stay
// PROCESSING until the test finishes them, `pulumi up` interrupted once a resource is seen waiting, and
// the checks that it stopped cleanly (docs/MAINTAINING.md, "Interruption").
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  ListAddressListImportJobsCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import { buildPluginTarball, PLUGIN_NAME, stackWithPlugin } from "../plugin/pluginCli";
import type { CrashableRun, PulumiStack, RunResult } from "./pulumiCli";

/** Longer than any test: a started job stays PROCESSING until `finish` (a `setTimeout` takes < 2^31 ms). */
const NEVER_MS = 2_000_000_000;
/** What the jobs of these suites import: one valid CSV file. */
export const IMPORT_CONTENT = "address\nada@example.com\ngrace@example.com\n";

/** What a gate's or an import's row shows while it waits for one job. */
const WAITING = /waiting for 1 import job/;

/** The bound the tests assert, in seconds from the signal to `pulumi up` exiting (the target is 5). */
export const EXIT_WITHIN_S = 10;

/** The line the engine prints on the first SIGINT or SIGTERM (pkg/backend/cancellation_scope.go). */
export function cancellingLine(signal: NodeJS.Signals): string {
  return signal === "SIGTERM"
    ? "SIGTERM received; cancelling. If you would like to terminate immediately, send SIGTERM again."
    : "^C received; cancelling. If you would like to terminate immediately, press ^C again.";
}

/** The one line a cancelled wait fails with, on the resource's row and in the diagnostics. */
export function cancelledWaitLine(addressListId: string): RegExp {
  return new RegExp(
    `error: \\[WaitAbortedError\\] Stopped waiting for import job \\S+ \\(PROCESSING\\) of address list ` +
      `\`${addressListId}\`: the deployment was cancelled; the import goes on in Mail Manager, and the next ` +
      "`pulumi up` waits for it again\\.",
  );
}

/** An emulator whose started import jobs stay PROCESSING until `finish`, and a client of it. */
export class HeldJobsEmulator {
  private constructor(
    readonly emulator: Emulator,
    readonly client: MailManagerClient,
  ) {}

  static async start(region = "us-east-1"): Promise<HeldJobsEmulator> {
    const emulator = await startEmulator({ processingMs: NEVER_MS, region });
    const client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    return new HeldJobsEmulator(emulator, client);
  }

  async close(): Promise<void> {
    this.client.destroy();
    await this.emulator.close();
  }

  newList(name: string): string {
    return this.emulator.seed({ addressLists: [{ name }] }).addressListIds[0];
  }

  /** A job named `name` with its file uploaded, started: PROCESSING until `finish`. */
  async processingJob(addressListId: string, name: string): Promise<string> {
    const job = await this.client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: name,
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    const put = await fetch(job.PreSignedUrl!, { method: "PUT", body: IMPORT_CONTENT });
    if (put.status !== 200) throw new Error(`upload to job ${job.JobId} answered ${put.status}`);
    await this.client.send(new StartAddressListImportJobCommand({ JobId: job.JobId }));
    return job.JobId!;
  }

  /** Every job id of the list, e.g. to see that an interrupted import made exactly one. */
  async jobIds(addressListId: string): Promise<string[]> {
    const listed = await this.client.send(
      new ListAddressListImportJobsCommand({ AddressListId: addressListId }),
    );
    return (listed.ImportJobs ?? []).map((job) => job.JobId!).sort();
  }

  /** Completes a PROCESSING job, as the service would once it has read the file. */
  finish(jobId: string): void {
    this.emulator.updateJob(jobId, {
      status: "COMPLETED",
      importedItemsCount: 2,
      failedItemsCount: 0,
      completedTimestamp: Date.now(),
    });
  }
}

/** How one interrupted `pulumi up` ended. */
export interface Interrupted {
  readonly result: RunResult;
  /** From sending the signal to the `pulumi` process having exited. */
  readonly secondsToExit: number;
  /** What it printed after the signal. */
  readonly afterSignal: string;
}

/** Resolves once `run` has printed something matching `pattern`; rejects if it exits first. */
async function printed(run: CrashableRun, pattern: RegExp, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.result.then(() => (exited = true));
  while (!pattern.test(run.output())) {
    if (exited || Date.now() > deadline) {
      throw new Error(`pulumi never printed ${pattern} while it ran:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `pulumi up`, waits until a resource's row shows it waiting for its job, then sends one
 * `signal` to the `pulumi` process or its group, and measures how long it takes to exit.
 */
export async function interruptUp(
  stack: PulumiStack,
  signal: NodeJS.Signals,
  to: "process" | "group",
): Promise<Interrupted> {
  const run = stack.start(["up", "--yes", "--skip-preview"]);
  await printed(run, WAITING);
  const before = run.output().length;
  const sentAt = run.signal(signal, to);
  // A bound of its own, so that a provider that ignores the cancellation fails the test with what it
  // printed instead of a jest timeout; it is then killed, with everything it started.
  const timedOut = Symbol("timed out");
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    run.result,
    new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), 60_000))),
  ]);
  clearTimeout(timer);
  if (ended === timedOut) {
    const output = run.output();
    await run.crash();
    throw new Error(`pulumi up still ran 60 s after ${signal} to its ${to}:\n${output}`);
  }
  const secondsToExit = (Date.now() - sentAt) / 1000;
  return { result: ended, secondsToExit, afterSignal: ended.output.slice(before) };
}

/** Files under the local backend's lock directory: what a `pulumi` that did not end cleanly leaves. */
export function lockFiles(stack: PulumiStack): string[] {
  const dir = join(stack.backendDir, ".pulumi", "locks");
  try {
    return (
      readdirSync(dir, { recursive: true, withFileTypes: true })
        // A lock is `<uuid>.json`; the blob library keeps its metadata beside it in `<uuid>.json.attrs`.
        .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
        .map((entry) => entry.name)
    );
  } catch {
    return [];
  }
}

/** The stack's pending operations as `pulumi stack export` shows them (`[]` when there are none). */
export async function pendingOperations(
  stack: PulumiStack,
): Promise<Array<{ type: string; resource: { urn: string } }>> {
  const state = JSON.parse(await stack.exportState());
  return state.deployment.pending_operations ?? [];
}

/**
 * What a cleanly stopped `pulumi up` looks like: it exited with 1 within the bound, printed the engine's
 * line for `signal` and the resource's one-line error, never terminated or left an interrupted step, and
 * left no pending operation and no lock. Logs the row of the table in docs/MAINTAINING.md.
 */
export async function expectStoppedCleanly(
  stack: PulumiStack,
  interrupted: Interrupted,
  expected: { row: string; signal: NodeJS.Signals; addressListId: string; resource: RegExp },
): Promise<void> {
  const { result, secondsToExit, afterSignal } = interrupted;
  const pending = await pendingOperations(stack);
  console.log(
    `${expected.row}: exited ${secondsToExit.toFixed(2)} s after ${expected.signal}, code ${result.code}; ` +
      `pending operations: ${pending.length}; locks: ${lockFiles(stack).length}`,
  );
  expect(afterSignal).toContain(cancellingLine(expected.signal));
  expect(afterSignal).toMatch(cancelledWaitLine(expected.addressListId));
  expect(afterSignal).toMatch(new RegExp(`${expected.resource.source}\\s+\\*\\*creating failed\\*\\*`));
  expect(result.output).not.toContain("received; terminating");
  expect(result.output).not.toContain("(interrupted)");
  // No stack trace of any language: the program's process ends with the update.
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(result.output).not.toContain("Traceback");
  expect(result.code).toBe(1);
  expect(secondsToExit).toBeLessThanOrEqual(EXIT_WITHIN_S);
  expect(pending).toEqual([]);
  expect(lockFiles(stack)).toEqual([]);
}

/** The error of `pulumi up` on a stack whose last update never released its lock (pkg/backend/diy/lock.go). */
export const LOCKED =
  "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end " +
  "or delete the lock file with `pulumi cancel`.";

/** The warning of `pulumi up` on a stack with a pending CREATE (pkg/resource/deploy/deployment_executor.go). */
export const PENDING_WARNING =
  "warning: Attempting to deploy or update resources with 1 pending operations from previous deployment.";

/**
 * Pins what Pulumi (v3.276) demands after a crash of `pulumi up` while the resource whose URN ends with
 * `urnEnd` waits: the crash leaves the lock and a pending CREATE; the next `up` fails on the lock until
 * `pulumi cancel`; then `up` succeeds with a warning and keeps the pending CREATE, which a plain
 * `refresh` keeps too and only `refresh --clear-pending-creates` drops. `finish` completes the job
 * before the next `up`.
 */
export async function expectCrashNeedsCancel(
  stack: PulumiStack,
  crash: { row: string; urnEnd: string; finish: () => void },
): Promise<void> {
  const run = stack.start(["up", "--yes", "--skip-preview"]);
  await printed(run, WAITING);
  await run.crash();

  // Pulumi's own bookkeeping of an update that never ended: its lock and the CREATE in flight.
  expect(lockFiles(stack)).toHaveLength(1);
  const pending = await pendingOperations(stack);
  expect(pending.map((op) => [op.type, op.resource.urn.endsWith(crash.urnEnd)])).toEqual([
    ["creating", true],
  ]);

  crash.finish();
  const locked = await stack.run(["up", "--yes", "--skip-preview"]);
  expect(locked.output).toContain(LOCKED);
  expect(locked.code).toBe(1);
  const cancel = await stack.ok(["cancel", "--yes"]);
  expect(cancel.output).toContain("has been canceled!");
  expect(lockFiles(stack)).toEqual([]);

  // With the lock gone, `up` succeeds: the resource is created again (a gate changes nothing in Mail
  // Manager) and the pending CREATE is only a warning, which Pulumi keeps in the state.
  const next = await stack.ok(["up", "--yes", "--skip-preview"]);
  expect(next.output).toContain(PENDING_WARNING);
  expect(next.output).toContain(`${crash.urnEnd}, interrupted while creating`);
  expect(await pendingOperations(stack)).toHaveLength(1);

  // Non-interactively, only `--clear-pending-creates` drops it; a plain `refresh` keeps it.
  await stack.ok(["refresh", "--yes", "--skip-preview"]);
  expect(await pendingOperations(stack)).toHaveLength(1);
  await stack.ok(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
  expect(await pendingOperations(stack)).toEqual([]);
  const quiet = await stack.ok(["up", "--yes", "--skip-preview"]);
  expect(quiet.output).not.toContain("pending operations");
  console.log(
    `${crash.row}: next \`up\` exited ${locked.code} (locked); after \`pulumi cancel\` it succeeded ` +
      "with the pending CREATE as a warning, kept until `refresh --clear-pending-creates`",
  );
}

/** How one row of the table interrupts: which signal, to whom, and how the row is named in the log. */
export interface InterruptRow {
  readonly row: string;
  readonly signal: NodeJS.Signals;
  readonly to: "process" | "group";
}

/**
 * A gate of `stack` waits for the PROCESSING job `jobId`: one signal stops `up` cleanly; once the job
 * has finished the next `up` succeeds with no manual step and the gate's `output` lists the job. Then
 * the stack is destroyed.
 */
export async function expectGateResumes(
  jobs: HeldJobsEmulator,
  stack: PulumiStack,
  how: InterruptRow & { addressListId: string; jobId: string; resource: RegExp; output: string },
): Promise<void> {
  const interrupted = await interruptUp(stack, how.signal, how.to);
  await expectStoppedCleanly(stack, interrupted, how);
  jobs.finish(how.jobId);
  const next = await stack.ok(["up", "--yes", "--skip-preview"]);
  expect(next.output).not.toContain("pending operations");
  expect((await stack.outputs())[how.output]).toEqual([how.jobId]);
  await stack.ok(["destroy", "--yes", "--skip-preview"]);
}

/**
 * An import of `stack` (output `jobIds`) waits for the job it started: one signal stops `up` cleanly;
 * the job runs on, and once it has finished the next `up` takes it over (the client token comes from
 * the resource and the content) instead of importing again. Then the stack is destroyed.
 */
export async function expectImportResumes(
  jobs: HeldJobsEmulator,
  stack: PulumiStack,
  how: InterruptRow & { addressListId: string; resource: RegExp },
): Promise<void> {
  const interrupted = await interruptUp(stack, how.signal, how.to);
  await expectStoppedCleanly(stack, interrupted, how);
  const started = await jobs.jobIds(how.addressListId);
  expect(started).toHaveLength(1);
  jobs.finish(started[0]);
  const next = await stack.ok(["up", "--yes", "--skip-preview"]);
  expect(next.output).not.toContain("pending operations");
  expect((await stack.outputs()).jobIds).toEqual(started);
  expect(await jobs.jobIds(how.addressListId)).toEqual(started);
  await stack.ok(["destroy", "--yes", "--skip-preview"]);
}

/**
 * The plugin's tarball for a suite: a copy of the one built from the current sources, because another
 * suite's `build:plugin` empties dist/plugin while this one may still install from it.
 */
export function pluginTarballCopy(): string {
  const built = buildPluginTarball();
  const copy = join(mkdtempSync(join(tmpdir(), "pmij-plugin-")), basename(built));
  copyFileSync(built, copy);
  return copy;
}

/**
 * The configuration of examples/yaml and examples/python for these suites: a gate on `^nightly-` jobs
 * with a short schedule, so that the next `up` sees the finished job at once, and a long patience, so
 * that only the cancellation (never the deadline) can end an interrupted wait.
 */
export const EXAMPLE_GATE_CONFIG = {
  gateNameRegex: "^nightly-",
  minDelay: "1",
  maxDelay: "2",
  maxWaitTime: "600",
};

/** A stack of `dir` with the plugin installed and pointed at the emulator. */
export async function pluginStack(
  jobs: HeldJobsEmulator,
  dir: string,
  name: string,
  tarball: string,
  config: Record<string, string>,
): Promise<PulumiStack> {
  const stack = await stackWithPlugin(dir, name, tarball);
  await stack.init({
    [`${PLUGIN_NAME}:endpoint`]: jobs.emulator.url,
    [`${PLUGIN_NAME}:region`]: jobs.emulator.region,
    ...config,
  });
  return stack;
}

/** A plugin language's program directory and the plugin tarball its stacks install. */
export interface PluginProgram {
  readonly language: string;
  readonly dir: string;
  readonly tarball: string;
}

/**
 * One row for a language of the plugin: the gate `importsDone` of its example (examples/yaml,
 * examples/python) waits for a PROCESSING `nightly-` job when one SIGINT reaches the pulumi `to`.
 */
export async function expectPluginGateResumes(
  jobs: HeldJobsEmulator,
  example: PluginProgram,
  to: "process" | "group",
): Promise<void> {
  const addressListId = jobs.newList(`${example.language.toLowerCase()}-gate-${to}`);
  const jobId = await jobs.processingJob(addressListId, "nightly-1");
  const stack = await pluginStack(jobs, example.dir, `gate-${to}`, example.tarball, {
    addressListId,
    ...EXAMPLE_GATE_CONFIG,
  });
  await expectGateResumes(jobs, stack, {
    row: `${example.language} ImportJobsGate, SIGINT to the ${to}`,
    signal: "SIGINT",
    to,
    addressListId,
    jobId,
    resource: /ImportJobsGate importsDone/,
    output: "gatedJobIds",
  });
}

/**
 * One row for a language of the plugin: the AddressListImport `import` of `program` (config
 * `addressListId`, `content`; output `jobIds`) waits for its job when one SIGINT reaches the pulumi `to`.
 */
export async function expectPluginImportResumes(
  jobs: HeldJobsEmulator,
  program: PluginProgram,
  to: "process" | "group",
): Promise<void> {
  const addressListId = jobs.newList(`${program.language.toLowerCase()}-import-${to}`);
  const stack = await pluginStack(jobs, program.dir, `import-${to}`, program.tarball, {
    addressListId,
    content: IMPORT_CONTENT,
  });
  await expectImportResumes(jobs, stack, {
    row: `${program.language} AddressListImport, SIGINT to the ${to}`,
    signal: "SIGINT",
    to,
    addressListId,
    resource: /AddressListImport import/,
  });
}
