// End to end with the real Pulumi CLI, the real YAML language host and the provider plugin installed
// from its tarball: examples/yaml-import (AddressListImport) against the emulator — one job per content
// of the file, a rejected file, no address in state, and `pulumi up` killed at three points of the
// import (the plugin and the YAML host killed with it).
import { join } from "node:path";
import { describeE2e } from "../support/e2e";
import {
  ImportEmulator,
  itFillsAList,
  pluginImportConfig,
  type ImportStackFactory,
} from "../support/importScenarios";
import { buildPluginTarball, copyProgram, stackWithPlugin } from "./pluginCli";

const EXAMPLE = join(__dirname, "..", "..", "examples", "yaml-import");

jest.setTimeout(600_000);

describeE2e("AddressListImport from Pulumi YAML", ["pulumi", "pulumi-yaml"], () => {
  let jobs: ImportEmulator;
  let tarball: string;

  /** A stack of its own copy of the example, on the emulator's list `addressListId`, polling fast. */
  const newStack: ImportStackFactory = async (name, addressListId) => {
    const programDir = copyProgram(EXAMPLE);
    const stack = await stackWithPlugin(programDir, name, tarball);
    await stack.init(pluginImportConfig(jobs, addressListId));
    return { stack, membersFile: join(programDir, "members.csv") };
  };

  beforeAll(async () => {
    jobs = await ImportEmulator.start();
    tarball = buildPluginTarball();
  });

  afterAll(async () => {
    await jobs?.close();
  });

  itFillsAList(() => jobs, newStack);
});
