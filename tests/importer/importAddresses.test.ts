// importAddresses against the emulator over HTTP: one create, one streamed PUT, one start and the
// waiter's polls; the same clientToken finds the same job; a job can be resumed by id; the waiter's
// failures pass through.
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  importAddresses,
  isAddressImportError,
  isImportJobFailedError,
  type UploadProgress,
} from "../../provider/client";
import { addresses, csvOf, PROCESSING_MS, useImporterFixture, writeCsvFile } from "./importFixture";

const fixture = useImporterFixture();

/** The API requests and uploads the emulator received since the last reset. */
function requests() {
  const { emulator } = fixture;
  return {
    create: emulator.calls("CreateAddressListImportJob"),
    get: emulator.calls("GetAddressListImportJob"),
    start: emulator.calls("StartAddressListImportJob"),
    total: emulator.calls(),
    uploads: emulator.uploads(),
  };
}

beforeEach(() => fixture.emulator.resetCalls());

describe("importAddresses", () => {
  it("imports a CSV file: 1 create, 1 PUT, 1 start, then the waiter's polls", async () => {
    const listId = fixture.newList();
    const file = join(fixture.dir, "March subscribers (final).csv");
    writeFileSync(file, csvOf([...addresses(3), "not-an-address"]));
    const result = await importAddresses({ ...fixture.args(listId), file, minDelay: 5 });

    // Polls at 0 s (PROCESSING) and 5 s (COMPLETED: processing takes 5 s of the emulator's clock).
    expect(requests()).toEqual({ create: 1, get: 2, start: 1, total: 4, uploads: 1 });
    expect(result).toMatchObject({
      addressListId: listId,
      region: "us-east-1",
      uploaded: true,
      started: true,
      status: "COMPLETED",
      waited: true,
      polls: 2,
      waitedSeconds: PROCESSING_MS / 1000,
      bytes: statSync(file).size,
      contentSha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
    });
    expect(result.job).toMatchObject({
      jobId: result.jobId,
      name: "March-subscribers-final",
      importDataType: "CSV",
      importedItemsCount: 3,
      failedItemsCount: 1,
    });
    expect(result.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toContain("X-Amz");
  });

  it("imports a JSON file, its format told by the extension", async () => {
    const listId = fixture.newList();
    const file = join(fixture.dir, "members.JSON");
    writeFileSync(file, JSON.stringify({ items: addresses(2).map((address) => ({ address })) }));
    const result = await importAddresses({ ...fixture.args(listId), file });
    expect(result.job).toMatchObject({ importDataType: "JSON", name: "members", importedItemsCount: 2 });
    expect(requests()).toMatchObject({ create: 1, start: 1, uploads: 1 });
  });

  it("imports `content` given as a string or as bytes, with the format given", async () => {
    const text = csvOf(addresses(4, "text"));
    const fromString = await importAddresses({
      ...fixture.args(fixture.newList()),
      content: text,
      format: "CSV",
    });
    expect(fromString.job).toMatchObject({ name: "import", importedItemsCount: 4 });
    expect(fromString.contentSha256).toBe(createHash("sha256").update(text, "utf8").digest("hex"));

    const bytes = new TextEncoder().encode(JSON.stringify({ items: [{ address: "bytes@example.com" }] }));
    const fromBytes = await importAddresses({
      ...fixture.args(fixture.newList()),
      content: bytes,
      format: "JSON",
      name: "from.bytes",
    });
    expect(fromBytes.job).toMatchObject({
      name: "from.bytes",
      importDataType: "JSON",
      importedItemsCount: 1,
    });
    expect(fromBytes.bytes).toBe(bytes.length);
  });

  it("with the same clientToken twice finds the same job, and neither uploads nor starts it again", async () => {
    const listId = fixture.newList();
    const args = { ...fixture.args(listId), content: csvOf(addresses(2)), format: "CSV" as const };
    const first = await importAddresses({ ...args, clientToken: "nightly-2025-06-01" });
    fixture.emulator.resetCalls();
    const again = await importAddresses({ ...args, clientToken: "nightly-2025-06-01" });
    expect(again.jobId).toBe(first.jobId);
    expect(again).toMatchObject({ uploaded: false, started: false, status: "COMPLETED", polls: 1 });
    expect(again.contentSha256).toBeUndefined();
    // Create (replayed), one Get to see the job is no longer CREATED, one poll.
    expect(requests()).toEqual({ create: 1, get: 2, start: 0, total: 3, uploads: 0 });
  });

  it("resumes a job left CREATED, by the same clientToken or by its id", async () => {
    const listId = fixture.newList();
    const args = {
      ...fixture.args(listId),
      content: csvOf(addresses(2)),
      format: "CSV" as const,
      maxAttempts: 1,
    };
    fixture.emulator.setFaults({ uploadFailNext: [{ status: 500, code: "InternalError" }] });
    const failed = await importAddresses({ ...args, clientToken: "retry-me" }).catch((e: unknown) => e);
    expect(isAddressImportError(failed)).toBe(true);
    const jobId = (failed as { jobId: string }).jobId;
    expect((await fixture.job(jobId)).Status).toBe("CREATED");

    const byToken = await importAddresses({ ...args, clientToken: "retry-me", wait: false });
    expect(byToken).toMatchObject({
      jobId,
      uploaded: true,
      started: true,
      status: "PROCESSING",
      waited: false,
    });

    // A second job left CREATED, picked up by its id.
    fixture.emulator.setFaults({ uploadFailNext: [{ status: 500, code: "InternalError" }] });
    const other = (await importAddresses(args).catch((e: unknown) => e)) as { jobId: string };
    const byId = await importAddresses({ ...args, jobId: other.jobId });
    expect(byId).toMatchObject({ jobId: other.jobId, uploaded: true, started: true, status: "COMPLETED" });
    expect(byId.clientToken).toBeUndefined();
  });

  it("counts a job started by someone else meanwhile as started (ConflictException on start)", async () => {
    const seeded = fixture.emulator.seed({
      addressLists: [{ name: "elsewhere", jobs: [{ jobId: "job-started-elsewhere", name: "x" }] }],
    });
    const listId = seeded.addressListIds[0];
    const jobId = seeded.jobIds[0][0];
    fixture.onRequest((line) => {
      if (line.startsWith("PUT upload 200")) {
        fixture.emulator.updateJob(jobId, {
          status: "COMPLETED",
          importedItemsCount: 7,
          failedItemsCount: 0,
        });
      }
    });
    const result = await importAddresses({
      ...fixture.args(listId),
      jobId,
      content: "address\n",
      format: "CSV",
    });
    expect(result).toMatchObject({ jobId, uploaded: true, started: true, status: "COMPLETED" });
    expect(result.job.importedItemsCount).toBe(7);
    expect(requests().start).toBe(1);
  });

  it("with wait: false returns the started job without polling", async () => {
    const result = await importAddresses({
      ...fixture.args(fixture.newList()),
      content: csvOf(addresses(1)),
      format: "CSV",
      wait: false,
    });
    expect(result).toMatchObject({ status: "PROCESSING", waited: false, polls: 0, waitedSeconds: 0 });
    expect(requests()).toEqual({ create: 1, get: 1, start: 1, total: 3, uploads: 1 });
  });

  it("fails the wait with the waiter's ImportJobFailedError, naming the job, for a file the service rejects", async () => {
    const listId = fixture.newList();
    const secret = "do-not-leak@example.com";
    const error = (await importAddresses({
      ...fixture.args(listId),
      content: `email\n${secret}\n`,
      format: "CSV",
    }).catch((e: unknown) => e)) as Error & { jobs: { jobId: string; status: string }[] };
    expect(isImportJobFailedError(error)).toBe(true);
    expect(error.jobs).toHaveLength(1);
    expect(error.jobs[0].status).toBe("FAILED");
    expect(error.message).toContain(error.jobs[0].jobId);
    expect(error.message).toMatch(/header line containing the column 'address'/);
    expect(error.message).not.toContain(secret);
  });

  it("applies the waiter's policy: maxFailedItems", async () => {
    const error = await importAddresses({
      ...fixture.args(fixture.newList()),
      content: csvOf(["good@example.com", "bad"]),
      format: "CSV",
      maxFailedItems: 0,
    }).catch((e: unknown) => e);
    expect(isImportJobFailedError(error)).toBe(true);
    expect((error as Error).message).not.toContain("good@example.com");
  });

  it("streams a large file (200,000 addresses) in chunks and imports it", async () => {
    const file = await writeCsvFile(join(fixture.dir, "large.csv"), 200_000);
    const progress: UploadProgress[] = [];
    const result = await importAddresses({
      ...fixture.args(fixture.newList()),
      file,
      onUpload: (p) => progress.push(p),
    });
    const size = statSync(file).size;
    expect(result).toMatchObject({ status: "COMPLETED", bytes: size });
    expect(result.contentSha256).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
    // The emulator's list holds at most 100,000 members; the rest count as failed.
    expect(result.job).toMatchObject({ importedItemsCount: 100_000, failedItemsCount: 100_000 });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ bytesSent: size, totalBytes: size, attempt: 1 });
    expect(progress.every((p, i) => i === 0 || p.bytesSent > progress[i - 1].bytesSent)).toBe(true);
  }, 60_000);
});
