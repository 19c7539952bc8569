import { filterImportJobs } from "../../provider/core/filterImportJobs";
import { at, job } from "./jobs";

const jobs = [
  job("a", { status: "COMPLETED", importDataType: "CSV", name: "nightly-1", createdTimestamp: at(0) }),
  job("b", { status: "FAILED", importDataType: "JSON", name: "nightly-2", createdTimestamp: at(10) }),
  job("c", { status: "STOPPED", importDataType: "CSV", name: "manual", createdTimestamp: at(20) }),
];
const ids = (filtered: readonly { jobId: string }[]) => filtered.map((j) => j.jobId);

describe(filterImportJobs.name, () => {
  it("keeps every job when no filter is given, in the original order", () => {
    expect(ids(filterImportJobs(jobs, {}))).toEqual(["a", "b", "c"]);
  });

  it("keeps jobs in the given statuses and of the given format", () => {
    expect(ids(filterImportJobs(jobs, { statuses: ["FAILED", "STOPPED"] }))).toEqual(["b", "c"]);
    expect(ids(filterImportJobs(jobs, { importDataType: "CSV" }))).toEqual(["a", "c"]);
  });

  it("matches the name regex anywhere unless anchored", () => {
    expect(ids(filterImportJobs(jobs, { nameRegex: "ly-" }))).toEqual(["a", "b"]);
    expect(ids(filterImportJobs(jobs, { nameRegex: "^nightly-1$" }))).toEqual(["a"]);
  });

  it("uses a half-open window [createdAfter, createdBefore), so adjacent windows never share a job", () => {
    expect(ids(filterImportJobs(jobs, { createdAfter: at(10) }))).toEqual(["b", "c"]);
    expect(ids(filterImportJobs(jobs, { createdBefore: at(10) }))).toEqual(["a"]);
    const first = filterImportJobs(jobs, { createdAfter: at(0), createdBefore: at(10) });
    const second = filterImportJobs(jobs, { createdAfter: at(10), createdBefore: at(30) });
    expect([...ids(first), ...ids(second)]).toEqual(["a", "b", "c"]);
  });

  it("applies every filter together", () => {
    expect(
      ids(
        filterImportJobs(jobs, { statuses: ["FAILED", "STOPPED"], importDataType: "CSV", nameRegex: "man" }),
      ),
    ).toEqual(["c"]);
  });
});
