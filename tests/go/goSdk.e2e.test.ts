// End to end with the real Pulumi CLI, the Go language host, the generated Go SDK (sdk/go, by
// examples/go's `replace`) and the provider plugin installed from its tarball: examples/go against the
// emulator, compared with the TypeScript function (byte for byte, as the Python suite compares the
// Python program) and with the YAML example on the same data.
import { join } from "node:path";
import { PulumiStack } from "../support/pulumiCli";
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
import { copyGoProgram, GO_EXAMPLE, warmGoBuild } from "./goCli";
import { describeE2e } from "../support/e2e";

const YAML_EXAMPLE = join(__dirname, "..", "..", "examples", "yaml");
const SDK_MODULE = "github.com/pulumi-mailmanager-import-jobs/pulumi-mailmanager-import-jobs/sdk/go";

jest.setTimeout(300_000);

describeE2e("The generated Go SDK", ["pulumi", "pulumi-go", "pulumi-yaml"], () => {
  let jobs: ImportJobsEmulator;
  let tarball: string;
  let programDir: string;

  /** A stack of `dir` on `addressListId`, with the plugin installed and the emulator configured. */
  async function stackOf(dir: string, name: string, addressListId: string): Promise<PulumiStack> {
    const stack = await stackWithPlugin(dir, name, tarball);
    await stack.init(jobs.exampleConfig(addressListId));
    return stack;
  }

  beforeAll(async () => {
    jobs = await ImportJobsEmulator.start();
    tarball = buildPluginTarball();
    programDir = copyGoProgram(GO_EXAMPLE);
    warmGoBuild(programDir);
  }, 900_000);

  afterAll(async () => {
    await jobs?.close();
  });

  it("Pulumi learns the plugin from the SDK module go.mod requires (its pulumi-plugin.json), before it is installed", async () => {
    // No plugin in this stack's PULUMI_HOME: the plugin `about` lists comes from the host's
    // GetRequiredPackages, which read it from the module.
    const stack = new PulumiStack(programDir, "about");
    await stack.init();
    const about = await stack.ok(["about"]);
    const version = PLUGIN_VERSION.replace(/\./g, "\\.");
    expect(about.output).toMatch(new RegExp(`resource\\s+${PLUGIN_NAME}\\s+${version}`));
    expect(about.output).toContain("This project is written in go");
    expect(about.output).toContain(SDK_MODULE);
    const plugins = await stack.ok(["plugin", "ls", "--json"]);
    expect(JSON.parse(plugins.stdout)).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ name: PLUGIN_NAME })]),
    );
  });

  it("`up` gives what the TypeScript function and the YAML program give on the same data; no churn; one update per new job; URLs only as a secret", async () => {
    const list = await jobs.referenceList("go-reference");
    const { addressListId, nightly } = list;
    const stack = await stackOf(programDir, "reference", addressListId);
    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(up.output).toMatch(/\+\s+mailmanager-import-jobs:index:ImportJobsGate\s+importsDone\s+created/);
    const expected = await expectSameAsTypescript(jobs, stack, { addressListId, nightly });

    // Byte for byte: each output as the CLI prints it from the Go program and from the TS result.
    for (const key of ["jobIds", "counts", "latest", "fingerprint", "importJobs"] as const) {
      const fromGo = await stack.ok(["stack", "output", key, "--json"]);
      expect([key, fromGo.stdout]).toEqual([key, cliJson(expected[key])]);
    }

    // The YAML example on the same list: the same jobs, counts, latest job and fingerprint.
    await expectSameAsYamlExample(
      stack,
      await stackOf(copyProgram(YAML_EXAMPLE), "reference-yaml", addressListId),
    );

    // includePreSignedUrls: the URLs reach the program only as a secret, and the state holds no URL.
    await expectSecretUrlsAndStableState(jobs, stack, list, expected.fingerprint);
  });

  it("the gate waits for a running import with progress, and fails `up` naming a FAILED job", async () => {
    const addressListId = jobs.newList("go-gate");
    await expectGateWaitsThenFails(jobs, await stackOf(programDir, "gate", addressListId), addressListId);
  });

  it("a bad argument fails `preview` before any call, with the one-line message naming the field and the value", async () => {
    const output = await expectBadArgumentFailsPreview(
      jobs,
      await stackOf(programDir, "bad-input", "not a list id!"),
    );
    // The program reported the error itself (exit status 32): no panic, no second error from the host.
    expect(output).not.toContain("panic:");
    expect(output).not.toContain("goroutine ");
    expect(output).not.toContain("non-zero exit code");
  });
});
