// The plugin's provider object without the CLI, against the emulator over HTTP: what the engine's
// Configure, Invoke and resource calls get (the YAML suite proves the same through the real CLI).
import { getAddressListImportJobs } from "../../provider";
import { createPluginProvider } from "../../provider/plugin/createPluginProvider";
import { settingsFromConfig } from "../../provider/plugin/providerSettings";
import {
  ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  IMPORT_JOBS_GATE_TOKEN,
} from "../../provider/plugin/tokens";
import { isSecret, revealSecrets, secret } from "../../provider/plugin/wireSecrets";
import type { Emulator } from "../../emulator";
import { manyJobs, seedList, startTestEmulator } from "../support/emulatorFixture";

const urnOf = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;

describe("the plugin's provider", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    // Not the test environment's region: only the provider's settings lead there.
    emulator = await startTestEmulator({ region: "eu-central-1" });
  });
  afterAll(() => emulator?.close());

  function configured() {
    const plugin = createPluginProvider("1.2.3", "{}");
    plugin.configure(
      settingsFromConfig({ endpoint: emulator.url, region: secret(emulator.region), version: "1.2.3" }),
    );
    return plugin;
  }

  it("answers the invoke with the TypeScript function's result, using the provider's settings", async () => {
    const { addressListId } = seedList(emulator, manyJobs(7, "seven"));
    const result = await configured().invoke!(GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN, {
      addressListId,
      limit: 5,
    });
    const expected = await getAddressListImportJobs({
      addressListId,
      limit: 5,
      endpoint: emulator.url,
      region: emulator.region,
      cache: false,
    });
    expect(result.failures).toBeUndefined();
    expect(result.outputs).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("returns the URLs as a secret, and everything as secret when an argument was", async () => {
    const { addressListId } = seedList(emulator, manyJobs(2, "two"));
    const plugin = configured();
    const withUrls = await plugin.invoke!(GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN, {
      addressListId,
      includePreSignedUrls: true,
    });
    expect(isSecret(withUrls.outputs.preSignedUrls)).toBe(true);
    expect(isSecret(withUrls.outputs.fingerprint)).toBe(false);
    expect(Object.keys(revealSecrets(withUrls.outputs.preSignedUrls) as object)).toHaveLength(2);

    const secretArgs = await plugin.invoke!(GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN, {
      addressListId: secret(addressListId),
    });
    expect(Object.values(secretArgs.outputs).every(isSecret)).toBe(true);
  });

  it("reports bad arguments as failures naming field and value, before any call", async () => {
    const before = emulator.calls();
    const result = await configured().invoke!(GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN, {
      addressListId: "al-1",
      sortOrder: "newest",
      pagesize: 10,
    });
    expect(result.failures).toEqual([
      {
        property: "sortOrder",
        reason:
          '[InvalidArgumentError] Expected `sortOrder` to be one of "ascending" or "descending", got "newest".',
      },
      { property: "pagesize", reason: expect.stringContaining("did you mean `pageSize`?") },
    ]);
    expect(emulator.calls()).toBe(before);
    await expect(configured().invoke!("mailmanager-import-jobs:index:getOther", {})).rejects.toThrow(
      /Unknown function .*getOther/,
    );
  });

  it("stores the provider's settings as resource inputs and keeps a secret input secret", async () => {
    const { addressListId } = seedList(emulator, manyJobs(3, "three"));
    const plugin = configured();
    const urn = urnOf(ADDRESS_LIST_IMPORT_JOBS_TOKEN, "jobs");
    const checked = await plugin.check!(
      urn,
      {},
      { addressListId, profile: undefined, nameRegex: secret("^three") },
    );
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toMatchObject({ addressListId, endpoint: emulator.url, region: emulator.region });
    const created = await plugin.create!(urn, checked.inputs);
    expect(created.id).toBe(`${emulator.region}/${addressListId}`);
    expect(isSecret(created.outs.nameRegex)).toBe(true);
    expect(created.outs.counts).toMatchObject({ total: 3 });
    // Same jobs, same inputs: no change.
    expect((await plugin.diff!(created.id, urn, created.outs, checked.inputs)).changes).toBe(false);
  });

  it("opens the gate with the engine's URN and keeps no progress input", async () => {
    const { addressListId, jobIds } = seedList(emulator, [
      { jobId: "done-1", name: "nightly", status: "COMPLETED", importedItemsCount: 4, failedItemsCount: 0 },
    ]);
    const plugin = configured();
    const urn = urnOf(IMPORT_JOBS_GATE_TOKEN, "gate");
    const checked = await plugin.check!(urn, {}, { addressListId, maxWaitTime: 5 });
    expect(checked.failures).toEqual([]);
    const created = await plugin.create!(urn, checked.inputs);
    expect(created.outs.acceptedJobIds).toEqual(jobIds);
    expect(created.outs).not.toHaveProperty("progressUrn");
    await expect(plugin.create!(urnOf("mailmanager-import-jobs:index:Other", "x"), {})).rejects.toThrow(
      /Unknown resource type mailmanager-import-jobs:index:Other/,
    );
  });
});
