// What every language's end-to-end suite of the provider plugin does the same way: an emulator with
// import jobs in known states, the stack configuration the examples take, and the scenarios whose
// outcome must not depend on the language (examples/yaml, examples/python, examples/go).
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import { getAddressListImportJobs } from "../../provider";
import type { PulumiStack } from "../support/pulumiCli";
import { PLUGIN_NAME } from "./pluginCli";

const PROCESSING_MS = 3_000;
export const GOOD_CSV = "address\nada@example.com\ngrace@example.com\nnot-an-address\n";
// No `address` header line: the emulator fails the job, as the service does.
export const BROKEN_CSV = "email\nada@example.com\n";

/** `value` as `pulumi stack output --json` prints it: keys sorted, two-space indent, a final newline. */
export function cliJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

/** An emulator and a client of it, with the steps the scenarios take on its import jobs. */
export class ImportJobsEmulator {
  private constructor(
    readonly emulator: Emulator,
    readonly client: MailManagerClient,
  ) {}

  /** Not the region of the test environment (AWS_REGION): only the provider's settings can reach it. */
  static async start(): Promise<ImportJobsEmulator> {
    const emulator = await startEmulator({ processingMs: PROCESSING_MS, region: "eu-central-1" });
    const client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    return new ImportJobsEmulator(emulator, client);
  }

  async close(): Promise<void> {
    this.client.destroy();
    await this.emulator.close();
  }

  newList(name: string): string {
    return this.emulator.seed({ addressLists: [{ name }] }).addressListIds[0];
  }

  /** Creates an import job and uploads `file` to its pre-signed URL; the job stays CREATED. */
  async createImport(addressListId: string, name: string, file?: string): Promise<string> {
    const job = await this.client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: name,
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    if (file !== undefined) {
      const put = await fetch(job.PreSignedUrl!, { method: "PUT", body: file });
      expect(put.status).toBe(200);
    }
    return job.JobId!;
  }

  startImport(jobId: string): Promise<unknown> {
    return this.client.send(new StartAddressListImportJobCommand({ JobId: jobId }));
  }

  async waitForStatus(jobId: string, status: string): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const job = await this.client.send(new GetAddressListImportJobCommand({ JobId: jobId }));
      if (job.Status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`job ${jobId} never reached ${status}`);
  }

  /** A list with a COMPLETED `nightly-1`, a FAILED `adhoc-broken` and a CREATED `adhoc-pending`. */
  async referenceList(name: string): Promise<{ addressListId: string; nightly: string; pending: string }> {
    const addressListId = this.newList(name);
    const nightly = await this.createImport(addressListId, "nightly-1", GOOD_CSV);
    await this.startImport(nightly);
    await this.waitForStatus(nightly, "COMPLETED");
    const broken = await this.createImport(addressListId, "adhoc-broken", BROKEN_CSV);
    await this.startImport(broken);
    await this.waitForStatus(broken, "FAILED");
    const pending = await this.createImport(addressListId, "adhoc-pending"); // CREATED: has an upload URL
    return { addressListId, nightly, pending };
  }

  /** The config of the examples' stacks: the list, a fast gate on `^nightly-` jobs, this emulator. */
  exampleConfig(addressListId: string): Record<string, string> {
    return {
      addressListId,
      gateNameRegex: "^nightly-",
      minDelay: "1",
      maxDelay: "2",
      maxWaitTime: "60",
      [`${PLUGIN_NAME}:endpoint`]: this.emulator.url,
      [`${PLUGIN_NAME}:region`]: this.emulator.region,
    };
  }

  /** The TypeScript function's view of a list. */
  typescriptResult(addressListId: string) {
    return getAddressListImportJobs({
      addressListId,
      endpoint: this.emulator.url,
      region: this.emulator.region,
      cache: false,
    });
  }
}

/**
 * After `up` of an example on a reference list: its outputs are what the TypeScript function gives
 * on the same list (jobs, counts, latest job, fingerprint, also as recorded by the resource), and the
 * gate accepted the list's nightly job. Returns the function's result for further comparison.
 */
export async function expectSameAsTypescript(
  jobs: ImportJobsEmulator,
  stack: PulumiStack,
  list: { addressListId: string; nightly: string },
) {
  const outputs = await stack.outputs();
  const expected = await jobs.typescriptResult(list.addressListId);
  expect(expected.jobIds).toHaveLength(3);
  expect(outputs.jobIds).toEqual(expected.jobIds);
  expect(outputs.counts).toEqual(expected.counts);
  expect(outputs.latest).toEqual(expected.latest);
  expect(outputs.fingerprint).toBe(expected.fingerprint);
  expect(outputs.recordedFingerprint).toBe(expected.fingerprint);
  expect(outputs.gatedJobIds).toEqual([list.nightly]);
  return expected;
}

/**
 * `yaml` (the YAML example's stack on the same list as `stack`) gives the same jobs, counts, latest
 * job and fingerprints as `stack`'s program after its own `up`; then destroys the YAML stack.
 */
export async function expectSameAsYamlExample(stack: PulumiStack, yaml: PulumiStack): Promise<void> {
  const outputs = await stack.outputs();
  await yaml.ok(["up", "--yes", "--skip-preview"]);
  const yamlOutputs = await yaml.outputs();
  for (const key of ["jobIds", "counts", "latest", "fingerprint", "gatedJobIds", "recordedFingerprint"]) {
    expect([key, cliJson(outputs[key])]).toEqual([key, cliJson(yamlOutputs[key])]);
  }
  await yaml.ok(["destroy", "--yes", "--skip-preview"]);
}

/**
 * After `up` of an example on a reference list: the upload URLs are a secret and never in state,
 * re-signed URLs cause no change, a new job causes exactly one update; then destroys the stack.
 */
export async function expectSecretUrlsAndStableState(
  jobs: ImportJobsEmulator,
  stack: PulumiStack,
  list: { addressListId: string; pending: string },
  fingerprint: string,
): Promise<void> {
  expect((await stack.outputs()).pendingUploadUrls).toBe("[secret]");
  const revealed = await stack.outputs(true);
  expect(Object.keys(revealed.pendingUploadUrls as object)).toEqual([list.pending]);
  expect(String((revealed.pendingUploadUrls as Record<string, string>)[list.pending])).toContain(
    "X-Amz-Signature",
  );
  const state = await stack.exportState();
  expect(state).not.toContain("X-Amz-Signature");
  expect(state).not.toContain("/upload/");
  expect(state).toContain(fingerprint);

  // Every call re-signs the upload URLs; the jobs are the same, so nothing changes.
  const quiet = await stack.run(["preview", "--expect-no-changes"]);
  if (quiet.code !== 0) throw new Error(quiet.output);

  // A new job: exactly one update (the jobs kept in state); the gate watches `^nightly-` jobs only.
  await jobs.createImport(list.addressListId, "adhoc-later");
  const preview = await stack.ok(["preview", "--json"]);
  const summary = JSON.parse(preview.stdout).changeSummary as Record<string, number>;
  expect({ ...summary, same: undefined }).toEqual({ update: 1, same: undefined });
  expect(preview.stdout).toMatch(/"op":\s*"update"[\s\S]*importedJobs|importedJobs[\s\S]*"op":\s*"update"/);

  await stack.ok(["destroy", "--yes", "--skip-preview"]);
}

/**
 * The gate of an example stack (configured with exampleConfig on an empty list) waits for a running
 * import with progress on its row, then fails `up` naming a FAILED job; then destroys the stack.
 */
export async function expectGateWaitsThenFails(
  jobs: ImportJobsEmulator,
  stack: PulumiStack,
  addressListId: string,
): Promise<void> {
  const jobId = await jobs.createImport(addressListId, "nightly-1", GOOD_CSV);

  // The job is started only once the gate is seen waiting, so the gate really waits for it.
  let started: Promise<unknown> | undefined;
  const up = await stack.run(["up", "--yes", "--skip-preview"], 180_000, (output) => {
    if (!started && /waiting for 1 import job/.test(output)) started = jobs.startImport(jobId);
  });
  await started;
  if (up.code !== 0) throw new Error(up.output);
  expect(up.output).toMatch(/ImportJobsGate\s+importsDone.*waiting for 1 import job/);
  expect(up.output).toContain(`${jobId} CREATED`);
  expect(up.output).toMatch(new RegExp(`finished: ${jobId} COMPLETED \\(imported 2, failed 1\\)`));
  expect((await stack.outputs()).gatedJobIds).toEqual([jobId]);

  // The next nightly import fails: the gate sees it as the newest, `up` waits again and fails.
  const brokenId = await jobs.createImport(addressListId, "nightly-2", BROKEN_CSV);
  await jobs.startImport(brokenId);
  const failing = await stack.run(["up", "--yes", "--skip-preview"]);
  expect(failing.code).not.toBe(0);
  const failed = await jobs.client.send(new GetAddressListImportJobCommand({ JobId: brokenId }));
  expect(failed.Status).toBe("FAILED");
  expect(failing.output).toContain(brokenId);
  expect(failing.output).toContain("nightly-2");
  expect(failing.output).toContain(failed.Error!);
  expect(failing.output).toContain("ImportJobFailedError");
  // The resource behind the gate was not touched.
  expect(failing.output).not.toMatch(/importedJobs\s+updated/);

  await stack.ok(["destroy", "--yes", "--skip-preview"]);
}

/** `preview` of an example stack on an invalid list id fails before any call, naming field and value. */
export async function expectBadArgumentFailsPreview(
  jobs: ImportJobsEmulator,
  stack: PulumiStack,
): Promise<string> {
  const calls = jobs.emulator.calls();
  const preview = await stack.run(["preview"]);
  expect(preview.code).not.toBe(0);
  const line = preview.output.split("\n").find((l) => l.includes('"not a list id!"'));
  expect(line).toBeDefined();
  expect(line).toContain("addressListId");
  expect(line).toContain("letters, digits or hyphens");
  expect(jobs.emulator.calls()).toBe(calls);
  return preview.output;
}
