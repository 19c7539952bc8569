// The upload step against the emulator's upload faults: an expired URL is replaced by a fresh one, a
// 5xx or a dropped connection is retried with backoff through `sleep`, and a lasting failure is an
// AddressImportError that names the job and the step, and never the URL.
import { importAddresses, isAddressImportError, type AddressImportError } from "../../provider/client";
import { addresses, csvOf, URL_TTL_SECONDS, useImporterFixture } from "./importFixture";

const fixture = useImporterFixture();

/** Arguments of an import of two addresses into a new list. */
const twoAddresses = () => ({
  ...fixture.args(fixture.newList()),
  content: csvOf(addresses(2, "retry")),
  format: "CSV" as const,
});

/** What `importAddresses` rejected with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("Expected the import to fail.");
    },
    (e: unknown) => e as AddressImportError,
  );

/** Lets every pre-signed URL the emulator hands out expire before it is used. */
function expireEveryUrl(): void {
  fixture.onRequest((line) => {
    if (/^(CreateAddressListImportJob|GetAddressListImportJob) 200/.test(line)) {
      fixture.clock.advance((URL_TTL_SECONDS + 1) * 1000);
    }
  });
}

/** The message holds no pre-signed URL, nor any part of one. */
function expectNoUrl(message: string): void {
  expect(message).not.toMatch(/X-Amz|\/upload\/|https?:\/\//);
}

beforeEach(() => fixture.emulator.resetCalls());

describe("the upload step", () => {
  it("asks for a fresh URL when the first has expired (403), and succeeds", async () => {
    fixture.onRequest((line) => {
      if (line.startsWith("CreateAddressListImportJob 200")) {
        fixture.clock.advance((URL_TTL_SECONDS + 1) * 1000);
      }
    });
    const result = await importAddresses({ ...twoAddresses(), wait: false });
    expect(result).toMatchObject({ uploaded: true, started: true, status: "PROCESSING" });
    expect(fixture.emulator.uploads()).toBe(2);
    // One Get for the fresh URL, one for the result of `wait: false`.
    expect(fixture.emulator.calls("GetAddressListImportJob")).toBe(2);
    expect(fixture.sleeps).toEqual([]);
  });

  it("gives up after two fresh URLs are refused too, naming the job and the step", async () => {
    expireEveryUrl();
    const error = await failure(importAddresses(twoAddresses()));
    expect(isAddressImportError(error)).toBe(true);
    expect(error).toMatchObject({ step: "upload", code: "AccessDenied" });
    expect(error.message).toContain(`Uploading the file of import job ${error.jobId}`);
    expect(error.message).toContain("HTTP 403 (Request has expired), also with 2 freshly signed URLs");
    expect(error.message).toContain(`run the import again with \`jobId\` "${error.jobId}"`);
    expectNoUrl(error.message);
    expect(fixture.emulator.uploads()).toBe(3);
    expect(fixture.emulator.calls("StartAddressListImportJob")).toBe(0);
    expect((await fixture.job(error.jobId!)).Status).toBe("CREATED");
  });

  it.each([
    ["a 503 SlowDown", { uploadFailNext: [{ status: 503, code: "SlowDown" }] }],
    ["a dropped connection", { uploadResetNext: 1 }],
  ])("retries after %s, once, after 1 s", async (_label, faults) => {
    fixture.emulator.setFaults(faults);
    const result = await importAddresses({ ...twoAddresses(), wait: false });
    expect(result).toMatchObject({ uploaded: true, started: true });
    expect(fixture.emulator.uploads()).toBe(2);
    expect(fixture.sleeps).toEqual([1000]);
  });

  it("fails after maxAttempts uploads that all got a 5xx, backing off 1 s, 2 s", async () => {
    fixture.emulator.setFaults({
      uploadFailNext: Array.from({ length: 3 }, () => ({ status: 500, code: "InternalError" })),
    });
    const error = await failure(importAddresses({ ...twoAddresses(), maxAttempts: 3 }));
    expect(error).toMatchObject({ name: "AddressImportError", step: "upload", code: "InternalError" });
    expect(error.message).toContain("HTTP 500 (Injected InternalError) on each of 3 attempts");
    expect(error.message).toContain("raise `maxAttempts` (now 3)");
    expectNoUrl(error.message);
    expect(fixture.sleeps).toEqual([1000, 2000]);
    expect(fixture.emulator.uploads()).toBe(3);
  });

  it("does not retry a 4xx other than 403", async () => {
    fixture.emulator.setFaults({ uploadFailNext: [{ status: 400, code: "EntityTooLarge" }] });
    const error = await failure(importAddresses(twoAddresses()));
    expect(error).toMatchObject({ step: "upload", code: "EntityTooLarge" });
    expect(fixture.emulator.uploads()).toBe(1);
    expect(fixture.sleeps).toEqual([]);
  });

  it("calls onUpload again from 0 for a retried attempt, and ignores its errors", async () => {
    fixture.emulator.setFaults({ uploadFailNext: [{ status: 502, code: "BadGateway" }] });
    const seen: number[] = [];
    const result = await importAddresses({
      ...twoAddresses(),
      wait: false,
      onUpload: ({ attempt }) => {
        seen.push(attempt);
        throw new Error("a broken progress bar");
      },
    });
    expect(result.uploaded).toBe(true);
    expect(seen).toEqual([1, 2]);
  });
});
