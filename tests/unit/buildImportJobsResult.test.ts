import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import * as fingerprintModule from "../../provider/core/fingerprint";
import { buildImportJobsResult } from "../../provider/core/buildImportJobsResult";
import { RESULT_KEYS, type GetAddressListImportJobsResult } from "../../provider/core/lookupTypes";

/** Jobs as the SDK returns them, in no particular order, with their pre-signed URLs. */
const RAW_JOBS: SdkImportJob[] = [
  {
    JobId: "job-2",
    Name: "april",
    Status: "FAILED",
    AddressListId: "al-1",
    ImportDataFormat: { ImportDataType: "CSV" },
    CreatedTimestamp: new Date(Date.UTC(2024, 3, 2)),
    Error: "Malformed file",
    PreSignedUrl: "https://example.com/2",
  },
  {
    JobId: "job-1",
    Name: "march",
    Status: "COMPLETED",
    AddressListId: "al-1",
    ImportDataFormat: { ImportDataType: "JSON" },
    ImportedItemsCount: 10,
    FailedItemsCount: 1,
    CreatedTimestamp: new Date(Date.UTC(2024, 2, 1)),
    StartTimestamp: new Date(Date.UTC(2024, 2, 1, 0, 1)),
    CompletedTimestamp: new Date(Date.UTC(2024, 2, 1, 0, 2)),
    PreSignedUrl: "https://example.com/1",
  },
];

const OPTIONS = { addressListId: "al-1", region: "eu-west-1" } as const;

/** The fingerprint as the result builder defines it: of everything but itself and the URLs. */
function expectedFingerprint(result: GetAddressListImportJobsResult): string {
  const {
    fingerprint: _fingerprint,
    preSignedUrls: _urls,
    ...stable
  } = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
  return fingerprintModule.fingerprint(stable);
}

describe(buildImportJobsResult.name, () => {
  afterEach(() => jest.restoreAllMocks());

  it("writes the members in one fixed order, the fingerprint after the summaries and before the URLs", () => {
    const result = buildImportJobsResult(RAW_JOBS, { ...OPTIONS, includePreSignedUrls: true });
    const keys = Object.keys(JSON.parse(JSON.stringify(result)) as object);
    expect(keys).toEqual(RESULT_KEYS.filter((key) => key in result));
    expect(keys.slice(-2)).toEqual(["fingerprint", "preSignedUrls"]);
    expect(keys.indexOf("fingerprint")).toBe(keys.indexOf("anyFailed") + 1);
    expect(result.fingerprint).toBe(expectedFingerprint(result));
  });

  it("computes the fingerprint only when it is first read, once, then holds it as a plain member", () => {
    const spy = jest.spyOn(fingerprintModule, "fingerprint");
    const result = buildImportJobsResult(RAW_JOBS, OPTIONS);
    expect(result.importJobs.map((job) => job.jobId)).toEqual(["job-1", "job-2"]);
    expect(spy).not.toHaveBeenCalled();
    const first = result.fingerprint;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(result.fingerprint).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(Object.getOwnPropertyDescriptor(result, "fingerprint")).toEqual({
      value: first,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it("gives what every reader sees the same value: JSON, spread, structuredClone", () => {
    const reference = buildImportJobsResult(RAW_JOBS, OPTIONS).fingerprint;
    expect(
      (JSON.parse(JSON.stringify(buildImportJobsResult(RAW_JOBS, OPTIONS))) as { fingerprint: string })
        .fingerprint,
    ).toBe(reference);
    expect({ ...buildImportJobsResult(RAW_JOBS, OPTIONS) }.fingerprint).toBe(reference);
    expect(structuredClone(buildImportJobsResult(RAW_JOBS, OPTIONS)).fingerprint).toBe(reference);
    expect(Object.freeze(buildImportJobsResult(RAW_JOBS, OPTIONS)).fingerprint).toBe(reference);
  });

  it("fingerprints the result as built, even when the caller changed its arrays before reading it", () => {
    const untouched = buildImportJobsResult(RAW_JOBS, OPTIONS).fingerprint;
    const result = buildImportJobsResult(RAW_JOBS, OPTIONS);
    result.importJobs.reverse();
    result.jobIds.pop();
    (result.counts as { FAILED: number }).FAILED = 7;
    expect(result.fingerprint).toBe(untouched);
  });

  it("lets the caller assign the fingerprint, as a plain member would", () => {
    const result = buildImportJobsResult(RAW_JOBS, OPTIONS) as { fingerprint: string };
    result.fingerprint = "mine";
    expect(result.fingerprint).toBe("mine");
    expect(() => {
      (Object.freeze(buildImportJobsResult(RAW_JOBS, OPTIONS)) as { fingerprint: string }).fingerprint =
        "mine";
    }).toThrow(TypeError);
  });
});
