// abortSignal cancels an import promptly: during the upload with an AddressImportAbortedError that
// names the job it leaves CREATED, during the wait with the waiter's WaitAbortedError.
import {
  importAddresses,
  isAddressImportAbortedError,
  isWaitAbortedError,
  type AddressImportAbortedError,
} from "../../provider/client";
import { addresses, csvOf, useImporterFixture } from "./importFixture";

const fixture = useImporterFixture();

beforeEach(() => fixture.emulator.resetCalls());

describe("importAddresses with abortSignal", () => {
  it("stops an upload in flight, leaves the job CREATED and says how to resume it", async () => {
    const controller = new AbortController();
    // About 8 MB, sent in 64 KiB slices: the abort lands long before the end.
    const content = csvOf(addresses(300_000, "abort"));
    const started = Date.now();
    const error = (await importAddresses({
      ...fixture.args(fixture.newList()),
      content,
      format: "CSV",
      abortSignal: controller.signal,
      onUpload: ({ bytesSent }) => {
        if (bytesSent > 1024 * 1024) controller.abort();
      },
    }).catch((e: unknown) => e)) as AddressImportAbortedError;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(isAddressImportAbortedError(error)).toBe(true);
    expect(error).toMatchObject({ step: "upload" });
    expect(error.message).toContain(`Import job ${error.jobId} stays CREATED and was not started`);
    expect(error.message).not.toMatch(/abort-\d+@example\.com|X-Amz/);
    expect((await fixture.job(error.jobId!)).Status).toBe("CREATED");
    expect(fixture.emulator.calls("StartAddressListImportJob")).toBe(0);
  });

  it("stops the wait during a delay between polls with the waiter's WaitAbortedError", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const error = await importAddresses({
      ...fixture.args(fixture.newList()),
      // Real time: the abort must end a real delay. Unref'd: the abandoned 30 s timer must not hold jest.
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
      now: Date.now,
      content: csvOf(addresses(1)),
      format: "CSV",
      minDelay: 30,
      abortSignal: controller.signal,
      onProgress: () => setTimeout(() => controller.abort(), 50),
    }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(isWaitAbortedError(error)).toBe(true);
    expect(fixture.emulator.calls("StartAddressListImportJob")).toBe(1);
  });
});
