// End to end with the real Pulumi CLI, the YAML language host and the provider plugin installed from
// its tarball: one SIGINT to `pulumi up` while the plugin's ImportJobsGate (examples/yaml) or
// AddressListImport waits for a PROCESSING job stops the update within seconds with one line, leaving
// no pending operation and no lock; the next `up` succeeds with no manual step. A crash leaves what
// Pulumi makes the user clear by hand, as with the dynamic provider (docs/MAINTAINING.md, "Interruption").
import { join } from "node:path";
import { describeE2e } from "../support/e2e";
import {
  EXAMPLE_GATE_CONFIG,
  expectCrashNeedsCancel,
  expectPluginGateResumes,
  expectPluginImportResumes,
  HeldJobsEmulator,
  pluginStack,
  pluginTarballCopy,
  type PluginProgram,
} from "../support/interruption";
import { copyProgram } from "./pluginCli";

const EXAMPLE = join(__dirname, "..", "..", "examples", "yaml");
const IMPORT_PROGRAM = join(__dirname, "programs", "interrupt-import");

jest.setTimeout(300_000);

describeE2e("Interrupting `pulumi up` of a YAML program (provider plugin)", ["pulumi", "pulumi-yaml"], () => {
  let jobs: HeldJobsEmulator;
  let example: PluginProgram;
  let importer: PluginProgram;

  beforeAll(async () => {
    // Not the region of the test environment (AWS_REGION): only the provider's settings can reach it.
    jobs = await HeldJobsEmulator.start("eu-central-1");
    const tarball = pluginTarballCopy();
    example = { language: "YAML", dir: copyProgram(EXAMPLE), tarball };
    importer = { language: "YAML", dir: copyProgram(IMPORT_PROGRAM), tarball };
  });

  afterAll(async () => {
    await jobs?.close();
  });

  it.each([["process"], ["group"]] as const)(
    "gate: SIGINT to the pulumi %s stops `up` within seconds; the next `up` succeeds",
    (to) => expectPluginGateResumes(jobs, example, to),
  );

  it.each([["process"], ["group"]] as const)(
    "AddressListImport: SIGINT to the pulumi %s stops `up` within seconds; the next `up` finds the same job and succeeds",
    (to) => expectPluginImportResumes(jobs, importer, to),
  );

  it("gate: after a crash (SIGKILL) the next `up` needs `pulumi cancel`; the pending CREATE then stays until `refresh --clear-pending-creates`", async () => {
    const addressListId = jobs.newList("yaml-crash");
    const jobId = await jobs.processingJob(addressListId, "nightly-1");
    const stack = await pluginStack(jobs, example.dir, "crash", example.tarball, {
      addressListId,
      ...EXAMPLE_GATE_CONFIG,
    });
    await expectCrashNeedsCancel(stack, {
      row: "YAML ImportJobsGate, SIGKILL to the group and every process below it",
      urnEnd: ":ImportJobsGate::importsDone",
      finish: () => jobs.finish(jobId),
    });
    expect((await stack.outputs()).gatedJobIds).toEqual([jobId]);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });
});
