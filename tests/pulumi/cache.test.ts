import { getAddressListImportJobs } from "../../provider";
import { fetchAddressListImportJobs } from "../../provider/core/fetchAddressListImportJobs";
import { createJob, manyJobs, seedList, useEmulator } from "../support/emulatorFixture";

const LIST = "ListAddressListImportJobs";

const emulator = useEmulator();

describe("one pagination pass per identical lookup", () => {
  it("serves five identical concurrent lookups from one pass", async () => {
    const { addressListId } = seedList(emulator, manyJobs(120, "shared"));
    emulator.resetCalls();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => getAddressListImportJobs({ addressListId, endpoint: emulator.url })),
    );
    expect(emulator.calls(LIST)).toBe(3);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it("serves five identical sequential lookups from one pass", async () => {
    const { addressListId } = seedList(emulator, manyJobs(120, "sequential"));
    emulator.resetCalls();
    for (let i = 0; i < 5; i += 1) {
      await getAddressListImportJobs({ addressListId, endpoint: emulator.url });
    }
    expect(emulator.calls(LIST)).toBe(3);
  });

  it("applies different filters, orders and limits to the one shared pass", async () => {
    const { addressListId } = seedList(emulator, manyJobs(120, "filters"));
    emulator.resetCalls();
    const base = { addressListId, endpoint: emulator.url };
    const [all, failed, newest, named] = await Promise.all([
      getAddressListImportJobs(base),
      getAddressListImportJobs({ ...base, statuses: ["FAILED"] }),
      getAddressListImportJobs({ ...base, sortOrder: "descending", limit: 3 }),
      getAddressListImportJobs({ ...base, nameRegex: "-1\\d$", maxAttempts: 2 }),
    ]);
    expect(emulator.calls(LIST)).toBe(3);
    expect(all.counts.total).toBe(120);
    expect(failed.counts).toMatchObject({ total: 24, FAILED: 24 });
    expect(newest.jobIds).toStrictEqual(["filters-0119", "filters-0118", "filters-0117"]);
    expect(named.counts.total).toBe(10);
  });

  it("makes a separate pass for a different page size, region or list", async () => {
    const { addressListId } = seedList(emulator, manyJobs(120, "keys"));
    const other = seedList(emulator, manyJobs(10, "keys-other")).addressListId;
    emulator.resetCalls();
    await getAddressListImportJobs({ addressListId, endpoint: emulator.url });
    await getAddressListImportJobs({ addressListId, endpoint: emulator.url, pageSize: 40 });
    await getAddressListImportJobs({ addressListId, endpoint: emulator.url, region: "eu-west-1" });
    await getAddressListImportJobs({ addressListId: other, endpoint: emulator.url });
    expect(emulator.calls(LIST)).toBe(3 + 3 + 3 + 1);
  });

  it("makes a new pass in a new program run (cache scope)", async () => {
    const { addressListId } = seedList(emulator, manyJobs(60, "scoped"));
    const firstRun = {};
    const secondRun = {};
    emulator.resetCalls();
    await fetchAddressListImportJobs({ addressListId, endpoint: emulator.url }, { cacheScope: firstRun });
    await fetchAddressListImportJobs({ addressListId, endpoint: emulator.url }, { cacheScope: firstRun });
    expect(emulator.calls(LIST)).toBe(2);
    await createJob(emulator, addressListId, "scoped-late");
    const later = await fetchAddressListImportJobs(
      { addressListId, endpoint: emulator.url },
      { cacheScope: secondRun },
    );
    expect(emulator.calls(LIST)).toBe(4);
    expect(later.counts.total).toBe(61);
  });

  it("makes five passes for five lookups with cache: false", async () => {
    const { addressListId } = seedList(emulator, manyJobs(120, "uncached"));
    emulator.resetCalls();
    await Promise.all(
      Array.from({ length: 5 }, () =>
        getAddressListImportJobs({ addressListId, endpoint: emulator.url, cache: false }),
      ),
    );
    expect(emulator.calls(LIST)).toBe(15);
  });
});
