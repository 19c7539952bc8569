// The acceptor alone: one poll's jobs → SUCCESS, FAILURE or RETRY, with the reason.
import { acceptImportJobs } from "../../provider/waiter/acceptImportJobs";
import { job } from "./jobs";

describe(acceptImportJobs.name, () => {
  it("succeeds when every job COMPLETED", () => {
    const verdict = acceptImportJobs([job("a"), job("b")]);
    expect(verdict.state).toBe("SUCCESS");
    expect(verdict.offending).toEqual([]);
  });

  it("retries while a job is CREATED or PROCESSING, and when no job is selected yet", () => {
    expect(acceptImportJobs([job("a"), job("b", { status: "PROCESSING" })]).state).toBe("RETRY");
    expect(acceptImportJobs([job("a", { status: "CREATED" })]).state).toBe("RETRY");
    expect(acceptImportJobs([]).state).toBe("RETRY");
  });

  it("fails at once on a FAILED job, even while others still run", () => {
    const verdict = acceptImportJobs([job("a", { status: "PROCESSING" }), job("b", { status: "FAILED" })]);
    expect(verdict.state).toBe("FAILURE");
    expect(verdict.offending.map((j) => j.jobId)).toEqual(["b"]);
    expect(verdict.reason).toContain("FAILED");
  });

  it("fails on STOPPED unless allowStopped", () => {
    expect(acceptImportJobs([job("a", { status: "STOPPED" })]).state).toBe("FAILURE");
    expect(acceptImportJobs([job("a", { status: "STOPPED" })], { allowStopped: true }).state).toBe("SUCCESS");
  });

  it("applies the item limits to finished jobs only", () => {
    const tooManyFailed = acceptImportJobs([job("a", { failedItemsCount: 3 })], { maxFailedItems: 2 });
    expect(tooManyFailed.state).toBe("FAILURE");
    expect(tooManyFailed.reason).toContain("`maxFailedItems` (2)");
    const tooFew = acceptImportJobs([job("a", { importedItemsCount: 0 })], { minImportedItems: 1 });
    expect(tooFew.reason).toContain("`minImportedItems` (1)");
    expect(
      acceptImportJobs([job("a", { status: "PROCESSING", failedItemsCount: 9 })], { maxFailedItems: 0 })
        .state,
    ).toBe("RETRY");
  });
});
