// End to end with the real Pulumi CLI, the Python language host, the generated Python SDK installed
// from its wheel and the provider plugin installed from its tarball: one SIGINT to `pulumi up` while
// the gate of examples/python, or an AddressListImport, waits for a PROCESSING job stops the update
// within seconds with one line and no traceback, leaving no pending operation and no lock; the next
// `up` succeeds with no manual step (docs/MAINTAINING.md, "Interruption").
import { join } from "node:path";
import { buildPythonSdk } from "../../scripts/build/buildPythonSdk";
import { describeE2e } from "../support/e2e";
import {
  expectPluginGateResumes,
  expectPluginImportResumes,
  HeldJobsEmulator,
  pluginTarballCopy,
  type PluginProgram,
} from "../support/interruption";
import { copyPythonProgram, installWheel, pulumiVirtualenv, PYTHON_EXAMPLE } from "./pythonCli";

const IMPORT_PROGRAM = join(__dirname, "programs", "interrupt-import");

jest.setTimeout(300_000);

describeE2e(
  "Interrupting `pulumi up` of a Python program (generated SDK)",
  ["pulumi", "pulumi-python"],
  () => {
    let jobs: HeldJobsEmulator;
    let example: PluginProgram;
    let importer: PluginProgram;

    beforeAll(async () => {
      jobs = await HeldJobsEmulator.start("eu-central-1");
      const tarball = pluginTarballCopy();
      const venv = pulumiVirtualenv();
      installWheel(venv, buildPythonSdk());
      example = { language: "Python", dir: copyPythonProgram(PYTHON_EXAMPLE, venv), tarball };
      importer = { language: "Python", dir: copyPythonProgram(IMPORT_PROGRAM, venv), tarball };
    });

    afterAll(async () => {
      await jobs?.close();
    });

    it.each([["process"], ["group"]] as const)(
      "gate: SIGINT to the pulumi %s stops `up` within seconds; the next `up` succeeds",
      (to) => expectPluginGateResumes(jobs, example, to),
    );

    it("AddressListImport: SIGINT to the pulumi process stops `up` within seconds; the next `up` finds the same job and succeeds", () =>
      expectPluginImportResumes(jobs, importer, "process"));
  },
);
