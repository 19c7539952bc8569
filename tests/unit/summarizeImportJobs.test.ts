import fc from "fast-check";
import { sortImportJobs } from "../../provider/core/sortImportJobs";
import { summarizeImportJobs } from "../../provider/core/summarizeImportJobs";
import type { ImportJobStatus } from "../../provider/core/types";
import { at, job } from "./jobs";

describe(summarizeImportJobs.name, () => {
  it("counts every status, sums the items and finds the latest jobs whatever the input order", () => {
    const summary = summarizeImportJobs([
      job("new", { status: "PROCESSING", createdTimestamp: at(30) }),
      job("old", {
        status: "COMPLETED",
        createdTimestamp: at(0),
        importedItemsCount: 5,
        failedItemsCount: 1,
      }),
      job("mid", { status: "COMPLETED", createdTimestamp: at(10), importedItemsCount: 2 }),
      job("bad", { status: "FAILED", createdTimestamp: at(20) }),
    ]);
    expect(summary.counts).toEqual({
      total: 4,
      CREATED: 0,
      PROCESSING: 1,
      COMPLETED: 2,
      FAILED: 1,
      STOPPED: 0,
    });
    expect(summary.totals).toEqual({ importedItems: 7, failedItems: 1 });
    expect(summary.latest?.jobId).toBe("new");
    expect(summary.latestCompleted?.jobId).toBe("mid");
    expect(summary.allCompleted).toBe(false);
    expect(summary.anyFailed).toBe(true);
  });

  it("leaves the latest jobs out for no jobs, and is not 'all completed' then", () => {
    const summary = summarizeImportJobs([]);
    expect(summary).toEqual({
      counts: { total: 0, CREATED: 0, PROCESSING: 0, COMPLETED: 0, FAILED: 0, STOPPED: 0 },
      totals: { importedItems: 0, failedItems: 0 },
      allCompleted: false,
      anyFailed: false,
    });
    expect(Object.keys(summary)).not.toContain("latest");
  });

  it("counts STOPPED as failed and breaks creation-time ties by jobId", () => {
    const summary = summarizeImportJobs([job("b", { status: "STOPPED" }), job("a", { status: "COMPLETED" })]);
    expect(summary.anyFailed).toBe(true);
    expect(summary.latest?.jobId).toBe("b");
    expect(summary.latestCompleted?.jobId).toBe("a");
  });
});

describe(`${summarizeImportJobs.name} of jobs known to be sorted`, () => {
  const arbitraryJob = fc
    .record({
      // Few ids and instants, "" included: ties the order cannot break are common.
      id: fc.constantFrom("", "a", "b", "c"),
      minute: fc.integer({ min: 0, max: 3 }),
      status: fc.constantFrom<ImportJobStatus>("CREATED", "PROCESSING", "COMPLETED", "FAILED", "STOPPED"),
      imported: fc.option(fc.nat(50), { nil: undefined }),
    })
    .map(({ id, minute, status, imported }) =>
      job(id, {
        createdTimestamp: at(minute),
        status,
        ...(imported === undefined ? {} : { importedItemsCount: imported }),
      }),
    );

  it("gives exactly the summary of the comparing pass, the very same latest jobs included", () => {
    fc.assert(
      fc.property(fc.array(arbitraryJob, { maxLength: 30 }), (jobs) => {
        const ascending = sortImportJobs(jobs);
        const descending = [...ascending].reverse();
        for (const [sorted, order] of [
          [ascending, "ascending"],
          [descending, "descending"],
        ] as const) {
          const expected = summarizeImportJobs(sorted);
          const summary = summarizeImportJobs(sorted, order);
          expect(summary).toEqual(expected);
          expect(summary.latest).toBe(expected.latest);
          expect(summary.latestCompleted).toBe(expected.latestCompleted);
        }
      }),
      { seed: 20261130, numRuns: 500 },
    );
  });
});
