import { JOB_KEYS, normalizeImportJob } from "../../provider/core/normalizeImportJob";

describe(normalizeImportJob.name, () => {
  it("writes every member in JOB_KEYS order, the order of the CSV columns", () => {
    const job = normalizeImportJob({
      Error: "bad header",
      CompletedTimestamp: new Date(1_700_000_300_000),
      StartTimestamp: new Date(1_700_000_100_000),
      CreatedTimestamp: new Date(1_700_000_000_000),
      FailedItemsCount: 2,
      ImportedItemsCount: 3,
      AddressListId: "al-1",
      ImportDataFormat: { ImportDataType: "CSV" },
      Status: "FAILED",
      Name: "march",
      JobId: "job-1",
      PreSignedUrl: "https://example.invalid/upload?X-Amz-Signature=secret",
    });
    expect(Object.keys(job)).toEqual([...JOB_KEYS]);
  });

  it("leaves absent members out and keeps the order of the others", () => {
    // The SDK types every member as required; the service may still leave some out.
    const raw = { JobId: "job-2", Name: "n", Status: "CREATED", AddressListId: "al-1" };
    const job = normalizeImportJob(raw as Parameters<typeof normalizeImportJob>[0]);
    expect(Object.keys(job)).toEqual(JOB_KEYS.filter((key) => key in job));
    expect(job).not.toHaveProperty("startTimestamp");
  });
});
