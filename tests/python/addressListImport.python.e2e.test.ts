// End to end with the real Pulumi CLI, the Python language host, the generated Python SDK installed
// from its wheel and the provider plugin installed from its tarball: examples/python-import
// (AddressListImport) against the emulator — one job per content of the file, a rejected file, no
// address in state, and `pulumi up` killed at three points of the import (the plugin and the Python
// host killed with it).
import { join } from "node:path";
import { buildPythonSdk } from "../../scripts/build/buildPythonSdk";
import { describeE2e } from "../support/e2e";
import {
  ImportEmulator,
  itFillsAList,
  pluginImportConfig,
  type ImportStackFactory,
} from "../support/importScenarios";
import { buildPluginTarball, stackWithPlugin } from "../plugin/pluginCli";
import { copyPythonProgram, installWheel, pulumiVirtualenv } from "./pythonCli";

const EXAMPLE = join(__dirname, "..", "..", "examples", "python-import");

jest.setTimeout(600_000);

describeE2e("AddressListImport from Python", ["pulumi", "pulumi-python"], () => {
  let jobs: ImportEmulator;
  let tarball: string;
  let venv: string;

  /** A stack of its own copy of the example, on the emulator's list `addressListId`, polling fast. */
  const newStack: ImportStackFactory = async (name, addressListId) => {
    const programDir = copyPythonProgram(EXAMPLE, venv);
    const stack = await stackWithPlugin(programDir, name, tarball);
    await stack.init(pluginImportConfig(jobs, addressListId));
    return { stack, membersFile: join(programDir, "members.csv") };
  };

  beforeAll(async () => {
    jobs = await ImportEmulator.start();
    tarball = buildPluginTarball();
    venv = pulumiVirtualenv();
    installWheel(venv, buildPythonSdk());
  });

  afterAll(async () => {
    await jobs?.close();
  });

  itFillsAList(() => jobs, newStack);
});
