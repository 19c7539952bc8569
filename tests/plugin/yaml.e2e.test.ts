// End to end with the real Pulumi CLI, the real YAML language host and the provider plugin installed
// from its tarball: examples/yaml against the emulator, compared with the TypeScript function.
import { appendFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import { getAddressListImportJobs } from "../../provider";
import { PulumiStack } from "../support/pulumiCli";
import {
  buildPluginTarball,
  copyProgram,
  PLUGIN_NAME,
  PLUGIN_VERSION,
  stackWithPlugin,
  yamlUnavailableReason,
} from "./pluginCli";

const committedSchema = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "provider", "plugin", "schema.json"), "utf8"),
) as Record<string, unknown>;
const EXAMPLE = join(__dirname, "..", "..", "examples", "yaml");
const EXPLICIT_PROVIDER = join(__dirname, "programs", "explicit-provider");
const skipReason = yamlUnavailableReason();
const describeE2E = skipReason ? describe.skip : describe;

jest.setTimeout(300_000);

const PROCESSING_MS = 3_000;
const GOOD_CSV = "address\nada@example.com\ngrace@example.com\nnot-an-address\n";
// No `address` header line: the emulator fails the job, as the service does.
const BROKEN_CSV = "email\nada@example.com\n";

describeE2E(`The provider plugin from Pulumi YAML${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let emulator: Emulator;
  let client: MailManagerClient;
  let tarball: string;
  let programDir: string;

  function newList(name: string): string {
    return emulator.seed({ addressLists: [{ name }] }).addressListIds[0];
  }

  /** Creates an import job and uploads `file` to its pre-signed URL; the job stays CREATED. */
  async function createImport(addressListId: string, name: string, file?: string): Promise<string> {
    const job = await client.send(
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

  function startImport(jobId: string): Promise<unknown> {
    return client.send(new StartAddressListImportJobCommand({ JobId: jobId }));
  }

  async function waitForStatus(jobId: string, status: string): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const job = await client.send(new GetAddressListImportJobCommand({ JobId: jobId }));
      if (job.Status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`job ${jobId} never reached ${status}`);
  }

  /** A stack of the YAML example on `addressListId`, with the plugin installed and the emulator configured. */
  async function exampleStack(name: string, addressListId: string): Promise<PulumiStack> {
    const stack = await stackWithPlugin(programDir, name, tarball);
    await stack.init({
      addressListId,
      gateNameRegex: "^nightly-",
      minDelay: "1",
      maxDelay: "2",
      maxWaitTime: "60",
      [`${PLUGIN_NAME}:endpoint`]: emulator.url,
      [`${PLUGIN_NAME}:region`]: emulator.region,
    });
    return stack;
  }

  /** The TypeScript function's view of the same list. */
  function typescriptResult(addressListId: string) {
    return getAddressListImportJobs({
      addressListId,
      endpoint: emulator.url,
      region: emulator.region,
      cache: false,
    });
  }

  beforeAll(async () => {
    // Not the region of the test environment (AWS_REGION): only the provider's settings can reach it.
    emulator = await startEmulator({ processingMs: PROCESSING_MS, region: "eu-central-1" });
    client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    tarball = buildPluginTarball();
    programDir = copyProgram(EXAMPLE);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  it("installs from its tarball; `up` matches the TypeScript function; no churn; one update per new job; no URL in state", async () => {
    const addressListId = newList("yaml-reference");
    const nightly = await createImport(addressListId, "nightly-1", GOOD_CSV);
    await startImport(nightly);
    await waitForStatus(nightly, "COMPLETED");
    const broken = await createImport(addressListId, "adhoc-broken", BROKEN_CSV);
    await startImport(broken);
    await waitForStatus(broken, "FAILED");
    const pending = await createImport(addressListId, "adhoc-pending"); // CREATED: has an upload URL

    const stack = await exampleStack("reference", addressListId);
    const plugins = await stack.ok(["plugin", "ls", "--json"]);
    expect(JSON.parse(plugins.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: PLUGIN_NAME, kind: "resource", version: PLUGIN_VERSION }),
      ]),
    );

    await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    const expected = await typescriptResult(addressListId);
    expect(expected.jobIds).toHaveLength(3);
    expect(outputs.jobIds).toEqual(expected.jobIds);
    expect(outputs.counts).toEqual(expected.counts);
    expect(outputs.latest).toEqual(expected.latest);
    expect(outputs.fingerprint).toBe(expected.fingerprint);
    expect(outputs.recordedFingerprint).toBe(expected.fingerprint);
    expect(outputs.gatedJobIds).toEqual([nightly]);

    // includePreSignedUrls: the URLs reach the program only as a secret, and the state holds no URL.
    expect(outputs.pendingUploadUrls).toBe("[secret]");
    const revealed = await stack.outputs(true);
    expect(Object.keys(revealed.pendingUploadUrls as object)).toEqual([pending]);
    expect(String((revealed.pendingUploadUrls as Record<string, string>)[pending])).toContain(
      "X-Amz-Signature",
    );
    const state = await stack.exportState();
    expect(state).not.toContain("X-Amz-Signature");
    expect(state).not.toContain("/upload/");
    expect(state).toContain(expected.fingerprint);

    // Every call re-signs the upload URLs; the jobs are the same, so nothing changes.
    const quiet = await stack.run(["preview", "--expect-no-changes"]);
    if (quiet.code !== 0) throw new Error(quiet.output);

    // A new job: exactly one update (the jobs kept in state); the gate watches `^nightly-` jobs only.
    await createImport(addressListId, "adhoc-later");
    const preview = await stack.ok(["preview", "--json"]);
    const summary = JSON.parse(preview.stdout).changeSummary as Record<string, number>;
    expect({ ...summary, same: undefined }).toEqual({ update: 1, same: undefined });
    expect(preview.stdout).toMatch(/"op":\s*"update"[\s\S]*importedJobs|importedJobs[\s\S]*"op":\s*"update"/);

    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("the gate waits for a running import with progress, and fails `up` naming a FAILED job", async () => {
    const addressListId = newList("yaml-gate");
    const stack = await exampleStack("gate", addressListId);
    const jobId = await createImport(addressListId, "nightly-1", GOOD_CSV);

    // The job is started only once the gate is seen waiting, so the gate really waits for it.
    let started: Promise<unknown> | undefined;
    const up = await stack.run(["up", "--yes", "--skip-preview"], 180_000, (output) => {
      if (!started && /waiting for 1 import job/.test(output)) started = startImport(jobId);
    });
    await started;
    if (up.code !== 0) throw new Error(up.output);
    expect(up.output).toMatch(/ImportJobsGate\s+importsDone.*waiting for 1 import job/);
    expect(up.output).toContain(`${jobId} CREATED`);
    expect(up.output).toMatch(new RegExp(`finished: ${jobId} COMPLETED \\(imported 2, failed 1\\)`));
    expect((await stack.outputs()).gatedJobIds).toEqual([jobId]);

    // The next nightly import fails: the gate sees it as the newest, `up` waits again and fails.
    const brokenId = await createImport(addressListId, "nightly-2", BROKEN_CSV);
    await startImport(brokenId);
    const failing = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(failing.code).not.toBe(0);
    const failed = await client.send(new GetAddressListImportJobCommand({ JobId: brokenId }));
    expect(failed.Status).toBe("FAILED");
    expect(failing.output).toContain(brokenId);
    expect(failing.output).toContain("nightly-2");
    expect(failing.output).toContain(failed.Error!);
    expect(failing.output).toContain("ImportJobFailedError");
    // The resource behind the gate was not touched.
    expect(failing.output).not.toMatch(/importedJobs\s+updated/);

    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("rejects a bad argument before any call, naming the field and the value", async () => {
    const stack = await exampleStack("bad-input", "not a list id!");
    const calls = emulator.calls();
    const preview = await stack.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("addressListId");
    expect(preview.output).toContain('"not a list id!"');
    expect(preview.output).toContain("letters, digits or hyphens");
    expect(emulator.calls()).toBe(calls);
  });

  it("takes region and endpoint from an explicit provider resource", async () => {
    const addressListId = newList("yaml-explicit");
    const jobId = await createImport(addressListId, "nightly-1", GOOD_CSV);
    await startImport(jobId);
    await waitForStatus(jobId, "COMPLETED");
    const stack = await stackWithPlugin(copyProgram(EXPLICIT_PROVIDER), "explicit", tarball);
    // No `mailmanager-import-jobs:*` stack config: without the provider resource, calls would go to AWS.
    await stack.init({ addressListId, endpoint: emulator.url, region: emulator.region });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    const expected = await typescriptResult(addressListId);
    expect(outputs.fingerprint).toBe(expected.fingerprint);
    expect(outputs.recordedJobIds).toEqual([jobId]);
    expect(outputs.recordedRegion).toBe("eu-central-1");
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("also loads from a `plugins: providers` path in Pulumi.yaml, with nothing installed", async () => {
    const addressListId = newList("yaml-path");
    await createImport(addressListId, "adhoc-1");
    const dir = copyProgram(EXAMPLE);
    const pluginDir = join(dirname(tarball), "bin");
    appendFileSync(
      dir + "/Pulumi.yaml",
      `plugins:\n  providers:\n    - name: ${PLUGIN_NAME}\n      path: ${pluginDir}\n`,
    );
    const stack = new PulumiStack(dir, "path");
    await stack.init({
      addressListId,
      [`${PLUGIN_NAME}:endpoint`]: emulator.url,
      [`${PLUGIN_NAME}:region`]: emulator.region,
    });
    expect((await stack.ok(["plugin", "ls", "--json"])).stdout).not.toContain(PLUGIN_NAME);
    // The executable serves the committed schema, with the package's version.
    const served = await stack.ok([
      "package",
      "get-schema",
      join(pluginDir, `pulumi-resource-${PLUGIN_NAME}`),
    ]);
    expect(JSON.parse(served.stdout)).toEqual({ ...committedSchema, version: PLUGIN_VERSION });
    const preview = await stack.ok(["preview"]);
    const expected = await typescriptResult(addressListId);
    expect(preview.output).toContain(expected.fingerprint);
    expect(preview.output).toContain(expected.jobIds[0]);
  });
});
