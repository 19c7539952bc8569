import { summarizeImportJobs } from "../../provider/core/summarizeImportJobs";
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
