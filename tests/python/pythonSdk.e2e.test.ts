// End to end with the real Pulumi CLI, the Python language host, the generated Python SDK installed
// from its wheel (with the real `pulumi` from PyPI) and the provider plugin installed from its
// tarball: examples/python against the emulator, compared with the TypeScript function and with the
// YAML example on the same data.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import { getAddressListImportJobs } from "../../provider";
import { buildPythonSdk } from "../../scripts/buildPythonSdk";
import type { PulumiStack } from "../support/pulumiCli";
import {
  buildPluginTarball,
  copyProgram,
  PLUGIN_NAME,
  PLUGIN_VERSION,
  stackWithPlugin,
  yamlUnavailableReason,
} from "../plugin/pluginCli";
import {
  copyPythonProgram,
  installWheel,
  pulumiVirtualenv,
  PYTHON_EXAMPLE,
  pythonUnavailableReason,
} from "./pythonCli";

const YAML_EXAMPLE = join(__dirname, "..", "..", "examples", "yaml");
const skipReason = pythonUnavailableReason() ?? yamlUnavailableReason();
const describeE2E = skipReason ? describe.skip : describe;

jest.setTimeout(300_000);

const PROCESSING_MS = 3_000;
const GOOD_CSV = "address\nada@example.com\ngrace@example.com\nnot-an-address\n";
// No `address` header line: the emulator fails the job, as the service does.
const BROKEN_CSV = "email\nada@example.com\n";

/** `value` as `pulumi stack output --json` prints it: keys sorted, two-space indent, a final newline. */
function cliJson(value: unknown): string {
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

describeE2E(`The generated Python SDK${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let emulator: Emulator;
  let client: MailManagerClient;
  let tarball: string;
  let programDir: string;
  let venv: string;

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

  /** A stack of `dir` on `addressListId`, with the plugin installed and the emulator configured. */
  async function stackOf(dir: string, name: string, addressListId: string): Promise<PulumiStack> {
    const stack = await stackWithPlugin(dir, name, tarball);
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

  beforeAll(async () => {
    // Not the region of the test environment (AWS_REGION): only the provider's settings can reach it.
    emulator = await startEmulator({ processingMs: PROCESSING_MS, region: "eu-central-1" });
    client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    tarball = buildPluginTarball();
    venv = pulumiVirtualenv();
    installWheel(venv, buildPythonSdk());
    programDir = copyPythonProgram(PYTHON_EXAMPLE, venv);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  it("the wheel pins the plugin version, and Pulumi learns the plugin from the installed package", async () => {
    const python = join(venv, "bin", "python");
    const pluginJson = execFileSync(
      python,
      [
        "-c",
        "import importlib.resources as r; print(r.files('pulumi_mailmanager_import_jobs').joinpath('pulumi-plugin.json').read_text())",
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(pluginJson)).toEqual({ resource: true, name: PLUGIN_NAME, version: PLUGIN_VERSION });
    const stack = await stackWithPlugin(programDir, "about", tarball);
    await stack.init();
    const about = await stack.ok(["about"]);
    expect(about.output).toMatch(/pulumi_mailmanager_import_jobs\s+0\.1\.0/);
    expect(about.output).toMatch(
      new RegExp(`resource\\s+${PLUGIN_NAME}\\s+${PLUGIN_VERSION.replace(/\./g, "\\.")}`),
    );
  });

  it("`up` gives what the TypeScript function and the YAML program give on the same data; no churn; one update per new job; URLs only as a secret", async () => {
    const addressListId = newList("python-reference");
    const nightly = await createImport(addressListId, "nightly-1", GOOD_CSV);
    await startImport(nightly);
    await waitForStatus(nightly, "COMPLETED");
    const broken = await createImport(addressListId, "adhoc-broken", BROKEN_CSV);
    await startImport(broken);
    await waitForStatus(broken, "FAILED");
    const pending = await createImport(addressListId, "adhoc-pending"); // CREATED: has an upload URL

    const stack = await stackOf(programDir, "reference", addressListId);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    const expected = await getAddressListImportJobs({
      addressListId,
      endpoint: emulator.url,
      region: emulator.region,
      cache: false,
    });
    expect(expected.jobIds).toHaveLength(3);
    expect(outputs.jobIds).toEqual(expected.jobIds);
    expect(outputs.counts).toEqual(expected.counts);
    expect(outputs.latest).toEqual(expected.latest);
    expect(outputs.fingerprint).toBe(expected.fingerprint);
    expect(outputs.recordedFingerprint).toBe(expected.fingerprint);
    expect(outputs.gatedJobIds).toEqual([nightly]);
    // Byte for byte: the jobs as the CLI prints them from the Python program and from the TS result.
    const importJobs = await stack.ok(["stack", "output", "importJobs", "--json"]);
    expect(importJobs.stdout).toBe(cliJson(expected.importJobs));

    // The YAML example on the same list: the same jobs, counts, latest job and fingerprint.
    const yaml = await stackOf(copyProgram(YAML_EXAMPLE), "reference-yaml", addressListId);
    await yaml.ok(["up", "--yes", "--skip-preview"]);
    const yamlOutputs = await yaml.outputs();
    for (const key of ["jobIds", "counts", "latest", "fingerprint", "gatedJobIds", "recordedFingerprint"]) {
      expect([key, cliJson(outputs[key])]).toEqual([key, cliJson(yamlOutputs[key])]);
    }
    await yaml.ok(["destroy", "--yes", "--skip-preview"]);

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
    const addressListId = newList("python-gate");
    const stack = await stackOf(programDir, "gate", addressListId);
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

  it("a bad argument fails `preview` before any call, with the one-line message naming the field and the value", async () => {
    const stack = await stackOf(programDir, "bad-input", "not a list id!");
    const calls = emulator.calls();
    const preview = await stack.run(["preview"]);
    expect(preview.code).not.toBe(0);
    const line = preview.output.split("\n").find((l) => l.includes('"not a list id!"'));
    expect(line).toBeDefined();
    expect(line).toContain("addressListId");
    expect(line).toContain("letters, digits or hyphens");
    // The failed invoke has no frame in the program, and the engine may stop the program as soon as
    // the gate fails its check: either way the message alone, no SDK or host traceback.
    expect(preview.output).not.toContain("Traceback");
    expect(emulator.calls()).toBe(calls);
  });
});
