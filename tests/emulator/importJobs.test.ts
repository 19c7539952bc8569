import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  ListAddressListImportJobsCommand,
  ListMembersOfAddressListCommand,
  MailManagerClient,
  paginateListAddressListImportJobs,
  StartAddressListImportJobCommand,
  StopAddressListImportJobCommand,
  type ImportJob,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { caught, clientFor, signedRequest } from "./helpers";

const PROCESSING_MS = 5000;

describe("import jobs", () => {
  let clock: ManualClock;
  let emulator: Emulator;
  let client: MailManagerClient;
  let addressListId: string;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2025, 5, 1, 12, 0, 0, 250));
    emulator = await startEmulator({ clock, processingMs: PROCESSING_MS, presignedUrlTtlSeconds: 600 });
    client = clientFor(emulator);
    [addressListId] = emulator.seed({ addressLists: [{ name: "subscribers" }] }).addressListIds;
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const createJob = (ImportDataType: "CSV" | "JSON", Name = "import") =>
    client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name,
        ImportDataFormat: { ImportDataType },
      }),
    );
  /** A CreateAddressListImportJob request with a ClientToken, for the replay tests. */
  const tokenInput = (Name: string, ClientToken: string) => ({
    AddressListId: addressListId,
    Name,
    ImportDataFormat: { ImportDataType: "CSV" as const },
    ClientToken,
  });
  const getJob = (JobId: string) => client.send(new GetAddressListImportJobCommand({ JobId }));
  const members = async () =>
    (
      (await client.send(new ListMembersOfAddressListCommand({ AddressListId: addressListId }))).Addresses ??
      []
    )
      .map((a) => a.Address)
      .sort();

  /** Create, upload, start, let the processing timer fire; returns the finished job. */
  async function runImport(type: "CSV" | "JSON", file: string) {
    const { JobId, PreSignedUrl } = await createJob(type);
    const put = await fetch(PreSignedUrl!, { method: "PUT", body: file });
    expect(put.status).toBe(200);
    await client.send(new StartAddressListImportJobCommand({ JobId }));
    const processing = await getJob(JobId!);
    expect(processing.Status).toBe("PROCESSING");
    expect(processing.StartTimestamp).toEqual(new Date(clock.now()));
    clock.advance(PROCESSING_MS);
    return getJob(JobId!);
  }

  describe("lifecycle", () => {
    it("creates a CREATED job whose pre-signed URL points at the emulator", async () => {
      const { JobId, PreSignedUrl } = await createJob("CSV", "first.import");
      expect(PreSignedUrl).toMatch(
        new RegExp(
          `^${emulator.url}/upload/${JobId}\\?X-Amz-Date=\\d{8}T\\d{6}Z&X-Amz-Expires=600&.*X-Amz-Signature=[0-9a-f]{64}$`,
        ),
      );
      const job = await getJob(JobId!);
      expect(job).toMatchObject({
        JobId,
        Name: "first.import",
        Status: "CREATED",
        AddressListId: addressListId,
        ImportDataFormat: { ImportDataType: "CSV" },
        CreatedTimestamp: new Date(clock.now()),
      });
      expect(job.StartTimestamp).toBeUndefined();
      expect(job.ImportedItemsCount).toBeUndefined();
    });

    it("imports a CSV file: valid addresses become members, invalid ones are counted as failed", async () => {
      const csv =
        "address\r\nann@example.com\nnot-an-address\n*@wild.example.com\nbob@example.org\ntwo@@example.com\n\n";
      const job = await runImport("CSV", csv);
      expect(job).toMatchObject({ Status: "COMPLETED", ImportedItemsCount: 3, FailedItemsCount: 2 });
      expect(job.CompletedTimestamp!.getTime() - job.StartTimestamp!.getTime()).toBe(PROCESSING_MS);
      expect(job.Error).toBeUndefined();
      expect(await members()).toEqual(["*@wild.example.com", "ann@example.com", "bob@example.org"]);
    });

    it("imports a JSON file, counting items without an address as failed", async () => {
      const json = JSON.stringify({
        items: [
          { address: "c@example.com" },
          { address: "user@*.example.com" },
          { address: "bad@" },
          { name: "x" },
        ],
      });
      const job = await runImport("JSON", json);
      expect(job).toMatchObject({ Status: "COMPLETED", ImportedItemsCount: 2, FailedItemsCount: 2 });
      expect(await members()).toEqual(["c@example.com", "user@*.example.com"]);
    });

    it.each([
      [
        "CSV",
        "without an address header",
        "email\nann@example.com\n",
        /header line containing the column 'address'/,
      ],
      ["JSON", "that is not JSON", "{not json", /could not be parsed/],
      ["JSON", "without items", '{"addresses":[]}', /'items' array/],
    ] as const)("ends FAILED with an Error for a %s file %s", async (type, _label, file, error) => {
      const job = await runImport(type, file);
      expect(job.Status).toBe("FAILED");
      expect(job.Error).toMatch(error);
      expect(await members()).toEqual([]);
    });

    it("refuses to start a job without a file, or twice (ConflictException, 409)", async () => {
      const { JobId, PreSignedUrl } = await createJob("CSV");
      const noFile = await caught(() => client.send(new StartAddressListImportJobCommand({ JobId })));
      expect(noFile.name).toBe("ConflictException");
      expect(noFile.message).toMatch(/upload the CSV file/);
      expect(noFile.$metadata).toMatchObject({ httpStatusCode: 409 });
      // Refused, not started: the job stays CREATED and can still be uploaded to and started.
      expect((await getJob(JobId!)).Status).toBe("CREATED");

      await fetch(PreSignedUrl!, { method: "PUT", body: "address\n" });
      await client.send(new StartAddressListImportJobCommand({ JobId }));
      const twice = await caught(() => client.send(new StartAddressListImportJobCommand({ JobId })));
      expect(twice.name).toBe("ConflictException");
      expect(twice.message).toMatch(/is PROCESSING/);
    });

    it("stops a CREATED or PROCESSING job, and refuses to stop a finished one", async () => {
      const created = await createJob("CSV", "a");
      await client.send(new StopAddressListImportJobCommand({ JobId: created.JobId }));
      expect((await getJob(created.JobId!)).Status).toBe("STOPPED");

      const running = await createJob("CSV", "b");
      await fetch(running.PreSignedUrl!, { method: "PUT", body: "address\nx@example.com\n" });
      await client.send(new StartAddressListImportJobCommand({ JobId: running.JobId }));
      await client.send(new StopAddressListImportJobCommand({ JobId: running.JobId }));
      clock.advance(PROCESSING_MS * 2);
      const stopped = await getJob(running.JobId!);
      expect(stopped.Status).toBe("STOPPED");
      expect(stopped.CompletedTimestamp).toBeDefined();
      expect(await members()).toEqual([]);

      const again = await caught(() =>
        client.send(new StopAddressListImportJobCommand({ JobId: running.JobId })),
      );
      expect(again.name).toBe("ConflictException");
      const start = await caught(() =>
        client.send(new StartAddressListImportJobCommand({ JobId: running.JobId })),
      );
      expect(start.name).toBe("ConflictException");
    });

    it("answers ResourceNotFoundException (404) for unknown jobs and lists", async () => {
      for (const send of [
        () => getJob("job-nope"),
        () => client.send(new StartAddressListImportJobCommand({ JobId: "job-nope" })),
        () => client.send(new StopAddressListImportJobCommand({ JobId: "job-nope" })),
        () => client.send(new ListAddressListImportJobsCommand({ AddressListId: "al-nope" })),
        () =>
          client.send(
            new CreateAddressListImportJobCommand({
              AddressListId: "al-nope",
              Name: "n",
              ImportDataFormat: { ImportDataType: "CSV" },
            }),
          ),
      ]) {
        const error = await caught(send);
        expect(error.name).toBe("ResourceNotFoundException");
        expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
      }
    });

    it("validates job input: ids, names, the enum and required members", async () => {
      const id = await caught(() => getJob("bad_id"));
      expect(id.message).toBe(
        "1 validation error detected: Value 'bad_id' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]+$",
      );
      const long = await caught(() => getJob("a".repeat(256)));
      expect(long.message).toMatch(/Member must have length less than or equal to 255$/);

      const xml = await caught(() =>
        client.send(
          new CreateAddressListImportJobCommand({
            AddressListId: addressListId,
            Name: "n",
            ImportDataFormat: { ImportDataType: "XML" as "CSV" },
          }),
        ),
      );
      expect(xml.message).toBe(
        "1 validation error detected: Value 'XML' at 'importDataFormat.importDataType' failed to satisfy constraint: Member must satisfy enum value set: [CSV, JSON]",
      );

      const missing = await signedRequest(
        emulator,
        "CreateAddressListImportJob",
        JSON.stringify({ Name: "n" }),
      );
      expect(JSON.parse(missing.text).message).toBe(
        "2 validation errors detected: Value null at 'addressListId' failed to satisfy constraint: Member must not be null; " +
          "Value null at 'importDataFormat' failed to satisfy constraint: Member must not be null",
      );
    });

    it("replays a ClientToken to the same job, with a freshly signed URL", async () => {
      const input = tokenInput("once", "t");
      const first = await client.send(new CreateAddressListImportJobCommand(input));
      const again = await client.send(new CreateAddressListImportJobCommand(input));
      expect(again.JobId).toBe(first.JobId);
      expect(again.PreSignedUrl).not.toBe(first.PreSignedUrl);
      expect(
        (await client.send(new ListAddressListImportJobsCommand({ AddressListId: addressListId })))
          .ImportJobs,
      ).toHaveLength(1);
    });

    it("refuses a replayed ClientToken with other parameters (ConflictException, 409), creating nothing", async () => {
      const input = tokenInput("once", "t2");
      await client.send(new CreateAddressListImportJobCommand(input));
      for (const changed of [
        { ...input, Name: "other" },
        { ...input, ImportDataFormat: { ImportDataType: "JSON" as const } },
      ]) {
        const error = await caught(() => client.send(new CreateAddressListImportJobCommand(changed)));
        expect(error.name).toBe("ConflictException");
        expect(error.$metadata).toMatchObject({ httpStatusCode: 409 });
        expect(error.message).toBe(
          "The ClientToken was already used in a CreateAddressListImportJob request with different " +
            "parameters. Use a new ClientToken for a different request.",
        );
      }
      const listed = await client.send(
        new ListAddressListImportJobsCommand({ AddressListId: addressListId }),
      );
      expect(listed.ImportJobs).toHaveLength(1);
    });

    it("replays a ClientToken of a job that has since finished: same job, not started again", async () => {
      const input = tokenInput("done", "t3");
      const first = await client.send(new CreateAddressListImportJobCommand(input));
      await fetch(first.PreSignedUrl!, { method: "PUT", body: "address\na@example.com\n" });
      await client.send(new StartAddressListImportJobCommand({ JobId: first.JobId }));
      clock.advance(PROCESSING_MS);
      const again = await client.send(new CreateAddressListImportJobCommand(input));
      expect(again.JobId).toBe(first.JobId);
      expect((await getJob(again.JobId!)).Status).toBe("COMPLETED");
      const restart = await caught(() =>
        client.send(new StartAddressListImportJobCommand({ JobId: again.JobId })),
      );
      expect(restart.name).toBe("ConflictException");
      expect(restart.message).toMatch(/is COMPLETED; only a CREATED job can be started/);
    });

    it("sends timestamps as epoch seconds with fractions", async () => {
      const { JobId } = await createJob("CSV");
      const response = await signedRequest(emulator, "GetAddressListImportJob", JSON.stringify({ JobId }));
      expect(JSON.parse(response.text).CreatedTimestamp).toBe(clock.now() / 1000);
      expect(response.text).toContain(`"CreatedTimestamp":${clock.now() / 1000}`);
      expect(clock.now() % 1000).not.toBe(0);
    });
  });

  describe("pre-signed URL", () => {
    it("is signed anew on every response that carries it; each URL works", async () => {
      const { JobId, PreSignedUrl } = await createJob("CSV");
      const urls = new Set([PreSignedUrl]);
      for (let i = 0; i < 3; i++) {
        urls.add((await getJob(JobId!)).PreSignedUrl);
        const listed = await client.send(
          new ListAddressListImportJobsCommand({ AddressListId: addressListId }),
        );
        urls.add(listed.ImportJobs![0].PreSignedUrl);
      }
      expect(urls.size).toBe(7);
      for (const url of urls)
        expect((await fetch(url!, { method: "PUT", body: "address\n" })).status).toBe(200);
    });

    it("is rejected after its TTL with an S3-like XML error", async () => {
      const { PreSignedUrl } = await createJob("CSV");
      // X-Amz-Date has whole seconds, and the clock started at .250 s: the URL lives 599.75 s.
      clock.advance(599_000);
      expect((await fetch(PreSignedUrl!, { method: "PUT", body: "address\n" })).status).toBe(200);
      clock.advance(1000);
      const expired = await fetch(PreSignedUrl!, { method: "PUT", body: "address\n" });
      expect(expired.status).toBe(403);
      expect(expired.headers.get("content-type")).toBe("application/xml");
      expect(await expired.text()).toMatch(
        /<Error><Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/,
      );
    });

    it("is rejected when tampered with, and only accepts PUT", async () => {
      const { PreSignedUrl, JobId } = await createJob("CSV");
      const forged = PreSignedUrl!.replace(
        /X-Amz-Signature=[0-9a-f]/,
        (m) => m.slice(0, -1) + (m.endsWith("0") ? "1" : "0"),
      );
      const bad = await fetch(forged, { method: "PUT", body: "address\n" });
      expect(bad.status).toBe(403);
      expect(await bad.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

      const otherJob = await createJob("CSV", "other");
      const moved = PreSignedUrl!.replace(JobId!, otherJob.JobId!);
      expect((await fetch(moved, { method: "PUT", body: "x" })).status).toBe(403);
      expect((await fetch(PreSignedUrl!.split("?")[0], { method: "PUT", body: "x" })).status).toBe(403);
      expect((await fetch(PreSignedUrl!, { method: "GET" })).status).toBe(405);
    });
  });

  describe("listing", () => {
    const seedJobs = (count: number) =>
      emulator.seed({
        addressLists: [
          {
            name: "big",
            jobs: Array.from({ length: count }, (_, i) => ({
              name: `job-${i}`,
              createdTimestamp: clock.now() + i * 1000,
            })),
          },
        ],
      });

    it("returns 237 jobs at PageSize 50 in exactly 5 calls, the last page without NextToken", async () => {
      const { addressListIds, jobIds } = seedJobs(237);
      const pages: ImportJob[][] = [];
      let lastToken: string | undefined = "unset";
      for await (const page of paginateListAddressListImportJobs(
        { client, pageSize: 50 },
        { AddressListId: addressListIds[0] },
      )) {
        pages.push(page.ImportJobs!);
        lastToken = page.NextToken;
      }
      expect(emulator.calls("ListAddressListImportJobs")).toBe(5);
      expect(pages.map((p) => p.length)).toEqual([50, 50, 50, 50, 37]);
      expect(lastToken).toBeUndefined();
      expect(new Set(pages.flat().map((j) => j.JobId))).toEqual(new Set(jobIds[0]));
    });

    it("rejects PageSize 0 and 51", async () => {
      for (const [PageSize, constraint] of [
        [0, "Member must have value greater than or equal to 1"],
        [51, "Member must have value less than or equal to 50"],
      ] as const) {
        const error = await caught(() =>
          client.send(new ListAddressListImportJobsCommand({ AddressListId: addressListId, PageSize })),
        );
        expect(error.name).toBe("ValidationException");
        expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
        expect(error.message).toBe(
          `1 validation error detected: Value '${PageSize}' at 'pageSize' failed to satisfy constraint: ${constraint}`,
        );
      }
    });

    it("always returns an ImportJobs array, empty for a list without jobs", async () => {
      const response = await signedRequest(
        emulator,
        "ListAddressListImportJobs",
        JSON.stringify({ AddressListId: addressListId }),
      );
      expect(JSON.parse(response.text)).toEqual({ ImportJobs: [] });
    });

    it("rejects forged, garbled and foreign NextTokens with 'Invalid NextToken'", async () => {
      const [big] = seedJobs(60).addressListIds;
      const first = await client.send(
        new ListAddressListImportJobsCommand({ AddressListId: big, PageSize: 10 }),
      );
      const token = first.NextToken!;
      const [body, mac] = token.split(".");
      const forgedBody = Buffer.from(JSON.stringify({ v: 1, o: 20 })).toString("base64url");
      for (const NextToken of [`${forgedBody}.${mac}`, `${body}.AAAA`, "garbage", `${token}.x`]) {
        const error = await caught(() =>
          client.send(new ListAddressListImportJobsCommand({ AddressListId: big, PageSize: 10, NextToken })),
        );
        expect(error.name).toBe("ValidationException");
        expect(error.message).toBe("Invalid NextToken");
      }
      const foreign = await caught(() =>
        client.send(new ListAddressListImportJobsCommand({ AddressListId: addressListId, NextToken: token })),
      );
      expect(foreign.message).toBe("Invalid NextToken");
      const tooLong = await caught(() =>
        client.send(
          new ListAddressListImportJobsCommand({ AddressListId: big, NextToken: "x".repeat(2049) }),
        ),
      );
      expect(tooLong.message).toMatch(
        /at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 2048$/,
      );
    });

    async function listedIds(target: Emulator, listId: string): Promise<string[]> {
      const c = clientFor(target);
      const ids: string[] = [];
      for await (const page of paginateListAddressListImportJobs(
        { client: c, pageSize: 7 },
        { AddressListId: listId },
      )) {
        ids.push(...page.ImportJobs!.map((j) => j.JobId!));
      }
      c.destroy();
      return ids;
    }

    it("lists in a deterministic order that is not creation order", async () => {
      const { addressListIds, jobIds } = seedJobs(30);
      const first = await listedIds(emulator, addressListIds[0]);
      expect(new Set(first)).toEqual(new Set(jobIds[0]));
      expect(first).not.toEqual(jobIds[0]);
      expect(first).not.toEqual([...jobIds[0]].reverse());
      expect(await listedIds(emulator, addressListIds[0])).toEqual(first);
    });

    it.each([
      ["creation", (ids: string[]) => ids],
      ["reverse", (ids: string[]) => [...ids].reverse()],
    ] as const)("lists in %s order when asked", async (listOrder, expected) => {
      const other = await startEmulator({ clock, listOrder });
      try {
        const { addressListIds, jobIds } = other.seed({
          addressLists: [{ name: "l", jobs: Array.from({ length: 12 }, (_, i) => ({ name: `j${i}` })) }],
        });
        expect(await listedIds(other, addressListIds[0])).toEqual(expected(jobIds[0]));
      } finally {
        await other.close();
      }
    });

    it("gives a different shuffled order for a different orderSeed", async () => {
      const a = await startEmulator({ orderSeed: 1 });
      const b = await startEmulator({ orderSeed: 2 });
      try {
        const jobs = Array.from({ length: 20 }, (_, i) => ({ jobId: `job-${i}`, name: `j${i}` }));
        const [listA] = a.seed({ addressLists: [{ addressListId: "al-1", name: "l", jobs }] }).addressListIds;
        const [listB] = b.seed({ addressLists: [{ addressListId: "al-1", name: "l", jobs }] }).addressListIds;
        const orderA = await listedIds(a, listA);
        expect(orderA).not.toEqual(await listedIds(b, listB));
        expect(new Set(orderA)).toEqual(new Set(jobs.map((j) => j.jobId)));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
});
