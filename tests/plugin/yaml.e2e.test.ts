// End to end with the real Pulumi CLI, the real YAML language host and the provider plugin installed
// from its tarball: examples/yaml against the emulator, compared with the TypeScript function.
import { appendFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PulumiStack } from "../support/pulumiCli";
import { buildPluginTarball, copyProgram, PLUGIN_NAME, PLUGIN_VERSION, stackWithPlugin } from "./pluginCli";
import {
  expectBadArgumentFailsPreview,
  expectGateWaitsThenFails,
  expectSameAsTypescript,
  expectSecretUrlsAndStableState,
  GOOD_CSV,
  ImportJobsEmulator,
} from "./pluginScenarios";
import { describeE2e } from "../support/e2e";

const committedSchema = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "provider", "plugin", "schema.json"), "utf8"),
) as Record<string, unknown>;
const EXAMPLE = join(__dirname, "..", "..", "examples", "yaml");
const EXPLICIT_PROVIDER = join(__dirname, "programs", "explicit-provider");

jest.setTimeout(300_000);

describeE2e("The provider plugin from Pulumi YAML", ["pulumi", "pulumi-yaml"], () => {
  let jobs: ImportJobsEmulator;
  let tarball: string;
  let programDir: string;

  /** A stack of the YAML example on `addressListId`, with the plugin installed and the emulator configured. */
  async function exampleStack(name: string, addressListId: string): Promise<PulumiStack> {
    const stack = await stackWithPlugin(programDir, name, tarball);
    await stack.init(jobs.exampleConfig(addressListId));
    return stack;
  }

  beforeAll(async () => {
    jobs = await ImportJobsEmulator.start();
    tarball = buildPluginTarball();
    programDir = copyProgram(EXAMPLE);
  });

  afterAll(async () => {
    await jobs?.close();
  });

  it("installs from its tarball; `up` matches the TypeScript function; no churn; one update per new job; no URL in state", async () => {
    const list = await jobs.referenceList("yaml-reference");
    const { addressListId, nightly } = list;
    const stack = await exampleStack("reference", addressListId);
    const plugins = await stack.ok(["plugin", "ls", "--json"]);
    expect(JSON.parse(plugins.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: PLUGIN_NAME, kind: "resource", version: PLUGIN_VERSION }),
      ]),
    );

    await stack.ok(["up", "--yes", "--skip-preview"]);
    const expected = await expectSameAsTypescript(jobs, stack, { addressListId, nightly });

    // includePreSignedUrls: the URLs reach the program only as a secret, and the state holds no URL.
    await expectSecretUrlsAndStableState(jobs, stack, list, expected.fingerprint);
  });

  it("the gate waits for a running import with progress, and fails `up` naming a FAILED job", async () => {
    const addressListId = jobs.newList("yaml-gate");
    await expectGateWaitsThenFails(jobs, await exampleStack("gate", addressListId), addressListId);
  });

  it("rejects a bad argument before any call, naming the field and the value", async () => {
    await expectBadArgumentFailsPreview(jobs, await exampleStack("bad-input", "not a list id!"));
  });

  it("takes region and endpoint from an explicit provider resource", async () => {
    const addressListId = jobs.newList("yaml-explicit");
    const jobId = await jobs.createImport(addressListId, "nightly-1", GOOD_CSV);
    await jobs.startImport(jobId);
    await jobs.waitForStatus(jobId, "COMPLETED");
    const stack = await stackWithPlugin(copyProgram(EXPLICIT_PROVIDER), "explicit", tarball);
    // No `mailmanager-import-jobs:*` stack config: without the provider resource, calls would go to AWS.
    await stack.init({ addressListId, endpoint: jobs.emulator.url, region: jobs.emulator.region });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    const expected = await jobs.typescriptResult(addressListId);
    expect(outputs.fingerprint).toBe(expected.fingerprint);
    expect(outputs.recordedJobIds).toEqual([jobId]);
    expect(outputs.recordedRegion).toBe("eu-central-1");
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("also loads from a `plugins: providers` path in Pulumi.yaml, with nothing installed", async () => {
    const addressListId = jobs.newList("yaml-path");
    await jobs.createImport(addressListId, "adhoc-1");
    const dir = copyProgram(EXAMPLE);
    const pluginDir = join(dirname(tarball), "bin");
    appendFileSync(
      dir + "/Pulumi.yaml",
      `plugins:\n  providers:\n    - name: ${PLUGIN_NAME}\n      path: ${pluginDir}\n`,
    );
    const stack = new PulumiStack(dir, "path");
    await stack.init({
      addressListId,
      [`${PLUGIN_NAME}:endpoint`]: jobs.emulator.url,
      [`${PLUGIN_NAME}:region`]: jobs.emulator.region,
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
    const expected = await jobs.typescriptResult(addressListId);
    expect(preview.output).toContain(expected.fingerprint);
    expect(preview.output).toContain(expected.jobIds[0]);
  });
});
