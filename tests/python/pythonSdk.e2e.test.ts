// End to end with the real Pulumi CLI, the Python language host, the generated Python SDK installed
// from its wheel (with the real `pulumi` from PyPI) and the provider plugin installed from its
// tarball: examples/python against the emulator, compared with the TypeScript function, a TypeScript
// program using it, and the YAML example on the same data.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { buildPythonSdk } from "../../scripts/build/buildPythonSdk";
import { addProgram, createConsumer, PulumiStack } from "../support/pulumiCli";
import {
  buildPluginTarball,
  copyProgram,
  PLUGIN_NAME,
  PLUGIN_VERSION,
  stackWithPlugin,
} from "../plugin/pluginCli";
import {
  cliJson,
  expectBadArgumentFailsPreview,
  expectGateWaitsThenFails,
  expectSameAsTypescript,
  expectSameAsYamlExample,
  expectSecretUrlsAndStableState,
  ImportJobsEmulator,
} from "../plugin/pluginScenarios";
import { copyPythonProgram, installWheel, pulumiVirtualenv, PYTHON_EXAMPLE } from "./pythonCli";
import { describeE2e } from "../support/e2e";

const YAML_EXAMPLE = join(__dirname, "..", "..", "examples", "yaml");

jest.setTimeout(300_000);

describeE2e("The generated Python SDK", ["pulumi", "pulumi-python", "pulumi-yaml"], () => {
  let jobs: ImportJobsEmulator;
  let tarball: string;
  let programDir: string;
  let venv: string;

  /** A stack of `dir` on `addressListId`, with the plugin installed and the emulator configured. */
  async function stackOf(dir: string, name: string, addressListId: string): Promise<PulumiStack> {
    const stack = await stackWithPlugin(dir, name, tarball);
    await stack.init(jobs.exampleConfig(addressListId));
    return stack;
  }

  beforeAll(async () => {
    jobs = await ImportJobsEmulator.start();
    tarball = buildPluginTarball();
    venv = pulumiVirtualenv();
    installWheel(venv, buildPythonSdk());
    programDir = copyPythonProgram(PYTHON_EXAMPLE, venv);
  });

  afterAll(async () => {
    await jobs?.close();
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
    // `server`: where the engine downloads the plugin when it is not installed (tests/plugin/autoInstall.e2e.test.ts).
    expect(JSON.parse(pluginJson)).toEqual({
      resource: true,
      name: PLUGIN_NAME,
      version: PLUGIN_VERSION,
      server: "github://api.github.com/pulumi-mailmanager-import-jobs",
    });
    const stack = await stackWithPlugin(programDir, "about", tarball);
    await stack.init();
    const about = await stack.ok(["about"]);
    const version = PLUGIN_VERSION.replace(/\./g, "\\.");
    expect(about.output).toMatch(new RegExp(`pulumi_mailmanager_import_jobs\\s+${version}`));
    expect(about.output).toMatch(new RegExp(`resource\\s+${PLUGIN_NAME}\\s+${version}`));
  });

  it("`up` gives what the TypeScript function, a TypeScript program and the YAML program give on the same data; no churn; one update per new job; URLs only as a secret", async () => {
    const list = await jobs.referenceList("python-reference");
    const { addressListId, nightly } = list;
    const stack = await stackOf(programDir, "reference", addressListId);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const expected = await expectSameAsTypescript(jobs, stack, { addressListId, nightly });
    // Byte for byte: the jobs as the CLI prints them from the Python program and from the TS result.
    const importJobs = await stack.ok(["stack", "output", "importJobs", "--json"]);
    expect(importJobs.stdout).toBe(cliJson(expected.importJobs));

    // A TypeScript program with the data function on the same list: byte-identical outputs.
    const twin = new PulumiStack(
      addProgram(createConsumer(), join(__dirname, "programs", "typescript-twin"), "typescript-twin"),
      "reference-ts",
    );
    await twin.init({ addressListId, endpoint: jobs.emulator.url, region: jobs.emulator.region });
    await twin.ok(["up", "--yes", "--skip-preview"]);
    for (const key of ["jobIds", "counts", "latest", "fingerprint", "importJobs"]) {
      const fromPython = await stack.ok(["stack", "output", key, "--json"]);
      const fromTypescript = await twin.ok(["stack", "output", key, "--json"]);
      expect([key, fromPython.stdout]).toEqual([key, fromTypescript.stdout]);
    }
    await twin.ok(["destroy", "--yes", "--skip-preview"]);

    // The YAML example on the same list: the same jobs, counts, latest job and fingerprint.
    await expectSameAsYamlExample(
      stack,
      await stackOf(copyProgram(YAML_EXAMPLE), "reference-yaml", addressListId),
    );

    // includePreSignedUrls: the URLs reach the program only as a secret, and the state holds no URL.
    await expectSecretUrlsAndStableState(jobs, stack, list, expected.fingerprint);
  });

  it("the gate waits for a running import with progress, and fails `up` naming a FAILED job", async () => {
    const addressListId = jobs.newList("python-gate");
    await expectGateWaitsThenFails(jobs, await stackOf(programDir, "gate", addressListId), addressListId);
  });

  it("a bad argument fails `preview` before any call, with the one-line message naming the field and the value", async () => {
    const output = await expectBadArgumentFailsPreview(
      jobs,
      await stackOf(programDir, "bad-input", "not a list id!"),
    );
    // The failed invoke has no frame in the program, and the engine may stop the program as soon as
    // the gate fails its check: either way the message alone, no SDK or host traceback.
    expect(output).not.toContain("Traceback");
  });
});
