import { getAddressListImportJobs, isPaginationError, PaginationError } from "../../provider";
import { createClient } from "../../provider/core/createClient";
import { listImportJobPages } from "../../provider/core/listImportJobPages";
import { expectedCalls, manyJobs, seedList, useEmulator } from "../support/emulatorFixture";

const LIST = "ListAddressListImportJobs";

const emulator = useEmulator();

afterEach(() => emulator.setFaults({}));

/** Jobs and requests measured in this file, printed once at the end for the record. */
const measured: string[] = [];
afterAll(() => console.log(`requests per lookup (jobs × pageSize → calls):\n${measured.join("\n")}`));

describe("pagination", () => {
  const cases: Array<[number, number]> = [
    [0, 50],
    [1, 50],
    [50, 50],
    [51, 50],
    [237, 50],
    [0, 1],
    [1, 1],
    [7, 1],
    [10, 3],
    [237, 7],
    [100, 25],
    [99, 33],
    [49, 49],
  ];

  it.each(cases)(
    "reads %i jobs at pageSize %i in exactly max(1, ceil(N / pageSize)) requests",
    async (n, pageSize) => {
      const jobs = manyJobs(n, `p${n}x${pageSize}`);
      const { addressListId } = seedList(emulator, jobs);
      emulator.resetCalls();
      const result = await getAddressListImportJobs({
        addressListId,
        endpoint: emulator.url,
        pageSize,
        cache: false,
      });
      const calls = emulator.calls(LIST);
      measured.push(`${n} × ${pageSize} → ${calls}`);
      expect(calls).toBe(expectedCalls(n, pageSize));
      expect(result.jobIds).toStrictEqual(jobs.map((job) => job.jobId));
    },
  );

  it("uses 50 jobs per request by default", async () => {
    const { addressListId } = seedList(emulator, manyJobs(101, "default-size"));
    emulator.resetCalls();
    await getAddressListImportJobs({ addressListId, endpoint: emulator.url, cache: false });
    expect(emulator.calls(LIST)).toBe(3);
  });

  it("yields each page lazily from listImportJobPages", async () => {
    const { addressListId } = seedList(emulator, manyJobs(12, "lazy"));
    const client = createClient({ endpoint: emulator.url });
    try {
      emulator.resetCalls();
      const sizes: number[] = [];
      for await (const page of listImportJobPages({ client, addressListId, pageSize: 5 })) {
        sizes.push(page.length);
        expect(emulator.calls(LIST)).toBe(sizes.length);
      }
      expect(sizes).toStrictEqual([5, 5, 2]);
    } finally {
      client.destroy();
    }
  });

  it("stops with a PaginationError when the service repeats a NextToken", async () => {
    const { addressListId } = seedList(emulator, manyJobs(30, "repeat"));
    emulator.setFaults({ repeatNextToken: true });
    emulator.resetCalls();
    const error = await getAddressListImportJobs({
      addressListId,
      endpoint: emulator.url,
      pageSize: 10,
      cache: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      name: "PaginationError",
      fault: "repeated-token",
      addressListId,
      region: "us-east-1",
    });
    expect((error as Error).message).toMatch(/^\[PaginationError\] .*NextToken it had already returned/);
    // Page 1 hands out a token, page 2 hands the same one back: two requests, then stop.
    expect(emulator.calls(LIST)).toBe(2);
  });

  it("stops with a PaginationError on a cyclic NextToken (A → B → A)", async () => {
    const { addressListId } = seedList(emulator, manyJobs(30, "cycle"));
    emulator.setFaults({ cyclicNextToken: true });
    emulator.resetCalls();
    const error = await getAddressListImportJobs({
      addressListId,
      endpoint: emulator.url,
      pageSize: 10,
      cache: false,
    }).catch((e: unknown) => e);
    expect(isPaginationError(error)).toBe(true);
    expect(error).toMatchObject({ fault: "repeated-token" });
    expect(emulator.calls(LIST)).toBeLessThanOrEqual(4);
  });

  it("stops with a PaginationError past the page cap", async () => {
    const { addressListId } = seedList(emulator, manyJobs(10, "cap"));
    const client = createClient({ endpoint: emulator.url });
    try {
      emulator.resetCalls();
      const pages: number[] = [];
      const walk = async () => {
        for await (const page of listImportJobPages({ client, addressListId, pageSize: 2, maxPages: 3 })) {
          pages.push(page.length);
        }
      };
      await expect(walk()).rejects.toMatchObject({ name: "PaginationError", fault: "page-cap", pages: 3 });
      expect(pages).toStrictEqual([2, 2, 2]);
      expect(emulator.calls(LIST)).toBe(3);
      // Exactly enough pages is not a fault.
      pages.length = 0;
      for await (const page of listImportJobPages({ client, addressListId, pageSize: 2, maxPages: 5 })) {
        pages.push(page.length);
      }
      expect(pages).toStrictEqual([2, 2, 2, 2, 2]);
    } finally {
      client.destroy();
    }
  });

  it("treats a page without ImportJobs as empty and sends a fresh input object per request", async () => {
    // The SDK does not enforce the model's `required` on ImportJobs; no emulator reply lacks it, so a
    // stand-in client answers here.
    const inputs: object[] = [];
    const replies = [{ NextToken: "t1" }, { ImportJobs: [{ JobId: "j1" }], NextToken: "t2" }, {}];
    const client = {
      config: { region: async () => "us-east-1", maxAttempts: async () => 1 },
      send: async (command: { input: object }) => {
        inputs.push(command.input);
        return replies[inputs.length - 1];
      },
    } as unknown as Parameters<typeof listImportJobPages>[0]["client"];
    const pages: unknown[][] = [];
    for await (const page of listImportJobPages({ client, addressListId: "al-1", pageSize: 2 })) {
      pages.push(page);
    }
    expect(pages).toStrictEqual([[], [{ JobId: "j1" }], []]);
    expect(inputs).toStrictEqual([
      { AddressListId: "al-1", PageSize: 2 },
      { AddressListId: "al-1", PageSize: 2, NextToken: "t1" },
      { AddressListId: "al-1", PageSize: 2, NextToken: "t2" },
    ]);
    expect(new Set(inputs).size).toBe(3);
  });

  it("returns each job once when jobs appear (and shift pages) during the scan", async () => {
    const jobs = manyJobs(20, "moving");
    const { addressListId } = seedList(emulator, jobs);
    emulator.setFaults({ jobsAppearingPerListPage: 3 });
    const result = await getAddressListImportJobs({
      addressListId,
      endpoint: emulator.url,
      pageSize: 5,
      cache: false,
    });
    expect(new Set(result.jobIds).size).toBe(result.jobIds.length);
    expect(result.counts.total).toBe(result.jobIds.length);
    for (const job of jobs) {
      expect(result.jobIds).toContain(job.jobId);
    }
  });
});
