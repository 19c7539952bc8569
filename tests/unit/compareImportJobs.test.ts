import fc from "fast-check";
import { compareImportJobs } from "../../provider/core/compareImportJobs";
import { at, job } from "./jobs";

describe(compareImportJobs.name, () => {
  it("orders by creation time, then by jobId", () => {
    const jobs = [
      job("b", { createdTimestamp: at(1) }),
      job("c", { createdTimestamp: at(0) }),
      job("a", { createdTimestamp: at(1) }),
    ];
    expect([...jobs].sort(compareImportJobs).map((j) => j.jobId)).toEqual(["c", "a", "b"]);
  });

  it("compares ids by code unit, not by locale (upper case before lower case)", () => {
    expect([job("b"), job("B"), job("a")].sort(compareImportJobs).map((j) => j.jobId)).toEqual([
      "B",
      "a",
      "b",
    ]);
  });

  it("gives the same order whatever order the jobs arrive in", () => {
    const arbitraryJob = fc
      .record({ id: fc.string({ minLength: 1, maxLength: 4 }), minute: fc.integer({ min: 0, max: 5 }) })
      .map(({ id, minute }) => job(id, { createdTimestamp: at(minute) }));
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryJob, { selector: (j) => j.jobId }), fc.nat(), (jobs, seed) => {
        const shuffled = [...jobs].sort(
          (a, b) => ((a.jobId.length * 31 + seed) % 7) - ((b.jobId.length * 31 + seed) % 7),
        );
        expect([...shuffled].sort(compareImportJobs)).toEqual([...jobs].sort(compareImportJobs));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
