// Uploads to pre-signed URLs: large files streamed with a Content-Length, chunked bodies, the size
// limit, the upload request count, and the upload faults (error replies and dropped connections).
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { caught, clientFor } from "./helpers";

const PROCESSING_MS = 1000;

describe("uploads to pre-signed URLs", () => {
  let clock: ManualClock;
  let emulator: Emulator;
  let client: MailManagerClient;
  let addressListId: string;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2025, 5, 1));
    emulator = await startEmulator({ clock, processingMs: PROCESSING_MS });
    client = clientFor(emulator);
    [addressListId] = emulator.seed({ addressLists: [{ name: "big" }] }).addressListIds;
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const createJob = () =>
    client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: "upload",
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
  const start = (JobId: string) => client.send(new StartAddressListImportJobCommand({ JobId }));
  const getJob = (JobId: string) => client.send(new GetAddressListImportJobCommand({ JobId }));

  it("takes a 1,000,000-address CSV (about 30 MB) streamed with a Content-Length, and imports it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-upload-"));
    try {
      const path = join(dir, "million.csv");
      const out = createWriteStream(path);
      out.write("address\n");
      for (let i = 0; i < 1_000_000; i++) {
        if (!out.write(`subscriber-${String(i).padStart(7, "0")}@example.com\n`)) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      const size = statSync(path).size;
      expect(size).toBeGreaterThan(30_000_000);

      const { JobId, PreSignedUrl } = await createJob();
      const put = await fetch(PreSignedUrl!, {
        method: "PUT",
        body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
        headers: { "Content-Length": String(size) },
        duplex: "half",
      } as RequestInit);
      expect(put.status).toBe(200);
      await start(JobId!);
      clock.advance(PROCESSING_MS);
      // The list holds at most 100,000 members (the documented quota); the rest count as failed.
      expect(await getJob(JobId!)).toMatchObject({
        Status: "COMPLETED",
        ImportedItemsCount: 100_000,
        FailedItemsCount: 900_000,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("takes a chunked body (no Content-Length) too", async () => {
    const { JobId, PreSignedUrl } = await createJob();
    const put = await fetch(PreSignedUrl!, {
      method: "PUT",
      body: Readable.toWeb(Readable.from([Buffer.from("address\n"), Buffer.from("a@example.com\n")])),
      duplex: "half",
    } as RequestInit);
    expect(put.status).toBe(200);
    await start(JobId!);
    clock.advance(PROCESSING_MS);
    expect(await getJob(JobId!)).toMatchObject({ Status: "COMPLETED", ImportedItemsCount: 1 });
  });

  it("refuses a declared size over 128 MiB at once with EntityTooLarge, without waiting for the body", async () => {
    const { PreSignedUrl } = await createJob();
    const url = new URL(PreSignedUrl!);
    const socket = connect(Number(url.port), url.hostname);
    await once(socket, "connect");
    socket.write(
      `PUT ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n` +
        `Content-Length: ${128 * 1024 * 1024 + 1}\r\n\r\naddress\n`,
    );
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("utf8")));
    await new Promise<void>((resolve) => {
      const check = () => (answer.includes("</Error>") ? resolve() : setTimeout(check, 10));
      check();
    });
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain("<Code>EntityTooLarge</Code>");
  });

  it("counts requests to upload URLs apart from API calls, until resetCalls", async () => {
    const { PreSignedUrl } = await createJob();
    emulator.resetCalls();
    await fetch(PreSignedUrl!, { method: "PUT", body: "address\n" });
    await fetch(PreSignedUrl!.split("?")[0], { method: "PUT", body: "x" });
    expect(emulator.uploads()).toBe(2);
    expect(emulator.calls()).toBe(0);
    emulator.resetCalls();
    expect(emulator.uploads()).toBe(0);
  });

  describe("faults", () => {
    it("uploadFailNext answers the next valid uploads with S3 errors, in order, and stores nothing", async () => {
      const { JobId, PreSignedUrl } = await createJob();
      emulator.setFaults({
        uploadFailNext: [
          { status: 503, code: "SlowDown", message: "Please reduce your request rate." },
          { status: 500, code: "InternalError" },
        ],
      });
      // A rejected URL does not use up a queued fault.
      expect((await fetch(PreSignedUrl!.split("?")[0], { method: "PUT", body: "x" })).status).toBe(403);
      const first = await fetch(PreSignedUrl!, { method: "PUT", body: "address\na@example.com\n" });
      expect(first.status).toBe(503);
      expect(await first.text()).toMatch(
        /<Code>SlowDown<\/Code><Message>Please reduce your request rate\.<\/Message>/,
      );
      const second = await fetch(PreSignedUrl!, { method: "PUT", body: "address\na@example.com\n" });
      expect(second.status).toBe(500);
      expect(await second.text()).toContain("<Code>InternalError</Code><Message>Injected InternalError");
      const refused = await caught(() => start(JobId!));
      expect(refused.message).toMatch(/has no file/);
      expect((await fetch(PreSignedUrl!, { method: "PUT", body: "address\na@example.com\n" })).status).toBe(
        200,
      );
      await start(JobId!);
    });

    it("uploadResetNext drops the connection mid-upload and stores nothing", async () => {
      const { JobId, PreSignedUrl } = await createJob();
      emulator.setFaults({ uploadResetNext: 1 });
      const body = Buffer.alloc(4 * 1024 * 1024, "a");
      await expect(fetch(PreSignedUrl!, { method: "PUT", body })).rejects.toThrow(/fetch failed/);
      expect((await caught(() => start(JobId!))).message).toMatch(/has no file/);
      expect((await fetch(PreSignedUrl!, { method: "PUT", body: "address\n" })).status).toBe(200);
      expect(emulator.uploads()).toBe(2);
    });

    it("refuses bad upload fault settings up front", () => {
      expect(() => emulator.setFaults({ uploadFailNext: [{ status: 200, code: "Fine" }] })).toThrow(
        /Expected each of `faults.uploadFailNext` to be \{ status: 400..599/,
      );
      expect(() => emulator.setFaults({ uploadResetNext: -1 })).toThrow(
        "Expected `faults.uploadResetNext` to be a number >= 0, got -1.",
      );
    });
  });
});
