import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { isServiceError, PaginationError, ServiceError } from "../../provider";
import { createClient } from "../../provider/core/createClient";
import { fetchAddressListImportJobs } from "../../provider/core/fetchAddressListImportJobs";
import { listImportJobPages } from "../../provider/core/listImportJobPages";
import { validateArgs } from "../../provider/core/validateArgs";
import { DEFAULT_REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_ENV } from "../../provider/core/createClient";
import { signedRequest } from "../emulator/helpers";
import {
  bounded,
  rawExchange,
  SHORT_REQUEST_TIMEOUT_MS,
  useFastClientEnvironment,
  type RawAnswer,
} from "./support";

/**
 * Bugs the hardening suites found, one test each, named after the behaviour that was missing. The
 * fault matrix (faultMatrix.test.ts) also replays its shrunk counter-examples as fixed examples.
 */

const NEVER_MS = 2_000_000_000;
/** Far beyond every request timeout used here: without a timeout, the client would wait this long. */
const NO_ANSWER_MS = 60_000;

let emulator: Emulator;
let restoreEnvironment: () => void;
let listCounter = 0;

beforeAll(async () => {
  restoreEnvironment = useFastClientEnvironment();
  emulator = await startEmulator({ processingMs: NEVER_MS, listOrder: "creation" });
});

afterAll(async () => {
  await emulator.close();
  restoreEnvironment();
});

afterEach(() => emulator.setFaults({}));

/** A fresh list of `count` jobs; returns its id and the job ids. */
function seedJobs(count: number): { addressListId: string; jobIds: string[] } {
  listCounter += 1;
  const addressListId = `reg-${process.pid}-${listCounter}`;
  const jobIds = Array.from({ length: count }, (_, i) => `reg${listCounter}-j${String(i).padStart(3, "0")}`);
  emulator.seed({
    addressLists: [
      {
        addressListId,
        name: addressListId,
        jobs: jobIds.map((jobId, i) => ({
          jobId,
          name: `job-${i}`,
          createdTimestamp: Date.UTC(2024, 4, 1) + i,
        })),
      },
    ],
  });
  return { addressListId, jobIds };
}

describe("regressions found by the fault matrix", () => {
  describe("responses slower than the request timeout", () => {
    it("abandons a response slower than the request timeout and retries it (was: waited for it)", async () => {
      // The matrix's shrunk counter-example: one slow response cost the full 5 s it took to arrive.
      const { addressListId, jobIds } = seedJobs(30);
      emulator.setFaults({ slowResponseRate: 0.5, slowResponseMs: NO_ANSWER_MS, seed: 7 });
      emulator.resetCalls();
      const started = Date.now();
      const outcome = await bounded(
        () =>
          fetchAddressListImportJobs({ addressListId, endpoint: emulator.url, pageSize: 10, cache: false }),
        10_000,
      );
      expect(outcome).toMatchObject({ kind: "value", value: { jobIds } });
      // Some responses were slow (more requests than pages), and none was waited for.
      const requests = emulator.calls("ListAddressListImportJobs");
      expect(requests).toBeGreaterThan(3);
      expect(Date.now() - started).toBeLessThan(requests * (SHORT_REQUEST_TIMEOUT_MS + 100) + 1_000);
    });

    it("fails with a typed ServiceError (TimeoutError) after maxAttempts when the endpoint never answers", async () => {
      const { addressListId } = seedJobs(3);
      emulator.setFaults({ slowResponseRate: 1, slowResponseMs: NO_ANSWER_MS });
      emulator.resetCalls();
      const started = Date.now();
      const outcome = await bounded(
        () =>
          fetchAddressListImportJobs({ addressListId, endpoint: emulator.url, maxAttempts: 3, cache: false }),
        10_000,
      );
      expect(outcome.kind).toBe("error");
      const error = (outcome as { error: ServiceError }).error;
      expect(isServiceError(error)).toBe(true);
      expect(error).toMatchObject({ name: "ServiceError", serviceErrorName: "TimeoutError", addressListId });
      expect(error.message).toContain("no complete response within the request timeout, 3 attempts");
      expect(error.message).toContain(REQUEST_TIMEOUT_ENV);
      expect(emulator.calls("ListAddressListImportJobs")).toBe(3);
      expect(Date.now() - started).toBeLessThan(3 * SHORT_REQUEST_TIMEOUT_MS + 1_000);
    });

    it("takes the request timeout from requestTimeoutMs, then the environment, then 30 s", async () => {
      const handlerConfig = async (settings: Parameters<typeof createClient>[0]) => {
        const client = createClient(settings);
        try {
          // The handler's resolved options: a 30 s wait cannot be observed in a unit test.
          const handler = client.config.requestHandler as unknown as { configProvider: Promise<object> };
          return await handler.configProvider;
        } finally {
          client.destroy();
        }
      };
      expect(await handlerConfig({ requestTimeoutMs: 1234 })).toMatchObject({
        requestTimeout: 1234,
        throwOnRequestTimeout: true,
      });
      expect(await handlerConfig({})).toMatchObject({ requestTimeout: SHORT_REQUEST_TIMEOUT_MS });
      const saved = process.env[REQUEST_TIMEOUT_ENV];
      delete process.env[REQUEST_TIMEOUT_ENV];
      try {
        expect(await handlerConfig({})).toMatchObject({
          requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
          socketTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
          throwOnRequestTimeout: true,
        });
        expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
      } finally {
        process.env[REQUEST_TIMEOUT_ENV] = saved;
      }
    });
  });

  describe("success responses with a malformed JSON body", () => {
    it("retries a page whose body was cut short and returns every job (was: failed on the first one)", async () => {
      const { addressListId, jobIds } = seedJobs(40);
      emulator.setFaults({ malformedBodyRate: 0.5, seed: 3 });
      emulator.resetCalls();
      const result = await fetchAddressListImportJobs({
        addressListId,
        endpoint: emulator.url,
        pageSize: 10,
        cache: false,
      });
      expect(result.jobIds).toStrictEqual(jobIds);
      expect(emulator.calls("ListAddressListImportJobs")).toBeGreaterThan(4);
    });

    it("fails with a typed ServiceError that says what was wrong after maxAttempts malformed bodies", async () => {
      const { addressListId } = seedJobs(3);
      emulator.setFaults({ malformedBodyRate: 1 });
      emulator.resetCalls();
      const error = await fetchAddressListImportJobs({
        addressListId,
        endpoint: emulator.url,
        maxAttempts: 4,
        cache: false,
      }).catch((e: unknown) => e as ServiceError);
      expect(error).toMatchObject({ name: "ServiceError", serviceErrorName: "SyntaxError" });
      expect((error as Error).message).toContain(
        "HTTP 200 with a body that is not valid JSON, after 4 attempts",
      );
      expect((error as Error).message).not.toContain("\n");
      expect(emulator.calls("ListAddressListImportJobs")).toBe(4);
    });

    it("does not retry a malformed body when maxAttempts is 1", async () => {
      const { addressListId } = seedJobs(3);
      emulator.setFaults({ malformedBodyRate: 1 });
      emulator.resetCalls();
      await expect(
        fetchAddressListImportJobs({ addressListId, endpoint: emulator.url, maxAttempts: 1, cache: false }),
      ).rejects.toMatchObject({ name: "ServiceError", serviceErrorName: "SyntaxError" });
      expect(emulator.calls("ListAddressListImportJobs")).toBe(1);
    });
  });

  describe("limits the matrix keeps out of its scenarios", () => {
    it("stops with a PaginationError (page-cap) when jobs appear as fast as pages are read", async () => {
      // With creation order, a full page of new jobs per page read means the listing never ends.
      // One more job than a page, so that the first page has a NextToken.
      const { addressListId } = seedJobs(6);
      emulator.setFaults({ jobsAppearingPerListPage: 5 });
      const client = createClient({ endpoint: emulator.url });
      try {
        const walk = async () => {
          for await (const page of listImportJobPages({ client, addressListId, pageSize: 5, maxPages: 20 })) {
            expect(page).toHaveLength(5);
          }
        };
        const error = await walk().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PaginationError);
        expect(error).toMatchObject({ fault: "page-cap", pages: 20 });
      } finally {
        client.destroy();
      }
    });
  });
});

describe("regressions found by the bad-input table", () => {
  it("rejects a region of any length that is not a region name (was: sent on, 100 000 letters and all)", () => {
    const failures = validateArgs({ addressListId: "al-1", region: "x".repeat(100_000) });
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toMatch(
      /^Expected `region` to be an AWS region name such as "us-east-1", got "x{76}\.\.\.\.$/,
    );
    expect(validateArgs({ addressListId: "al-1", region: "us-gov-west-1" })).toEqual([]);
  });

  it("rejects a date that is not a day of the calendar (was: 2024-02-30 read as March 1)", () => {
    for (const day of ["2024-02-30", "2023-02-29", "2024-04-31T12:00:00Z"]) {
      expect(validateArgs({ addressListId: "al-1", createdBefore: day })).toEqual([
        {
          property: "createdBefore",
          reason: expect.stringContaining(`got "${day}", which is not a day of the calendar.`),
        },
      ]);
    }
    expect(
      validateArgs({ addressListId: "al-1", createdAfter: "2024-02-29", createdBefore: "2024-12-31" }),
    ).toEqual([]);
  });
});

describe("regressions found in the emulator by the malformed-request run", () => {
  /** Checks an answer is a well-formed AWS JSON error of `type` and returns its message. */
  const awsError = (answer: RawAnswer | undefined, status: number, type: string, head = false): string => {
    expect(answer).toBeDefined();
    const { headers, body } = answer!;
    expect(answer!.status).toBe(status);
    expect(headers["content-type"]).toBe("application/x-amz-json-1.0");
    expect(headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["x-amzn-errortype"]).toBe(type);
    if (head) {
      expect(body).toBe("");
      return "";
    }
    const parsed = JSON.parse(body) as { __type: string; message: string };
    expect(parsed.__type).toBe(type);
    return parsed.message;
  };

  it("answers a request-target that is no URL (`//`) with a 404 AWS error (was: 500 InternalServerError)", async () => {
    for (const target of ["//", "http://[::1/"]) {
      const message = awsError(
        await rawExchange(emulator.url, `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`),
        404,
        "UnknownOperationException",
      );
      expect(message).toBe(`No route for POST ${target}`);
    }
  });

  it("answers a request that is not valid HTTP with an AWS JSON error (was: a bare 400 without a body)", async () => {
    for (const payload of [
      "FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
      "POST / HTTP/1.1\r\nBad Header: y\r\n\r\n",
    ]) {
      expect(awsError(await rawExchange(emulator.url, payload), 400, "BadRequestException")).toMatch(
        /^The HTTP request could not be parsed \(HPE_\w+\)\.$/,
      );
    }
    const tooLarge = `POST / HTTP/1.1\r\nHost: x\r\nX-Long: ${"z".repeat(70_000)}\r\n\r\n`;
    awsError(await rawExchange(emulator.url, tooLarge), 431, "RequestHeaderFieldsTooLargeException");
    // A HEAD gets the same answer without a body, which a client would otherwise read as the next answer.
    const headTooLarge = `HEAD / HTTP/1.1\r\nHost: x\r\nX-Long: ${"z".repeat(70_000)}\r\n\r\n`;
    awsError(
      await rawExchange(emulator.url, headTooLarge),
      431,
      "RequestHeaderFieldsTooLargeException",
      true,
    );
  });

  it("answers a request whose chunked body is malformed (was: no answer until the client gave up)", async () => {
    const payload =
      "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: MailManagerSvc.ListAddressLists\r\n" +
      "Transfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n";
    expect(awsError(await rawExchange(emulator.url, payload), 400, "BadRequestException")).toContain(
      "HPE_INVALID_CHUNK_SIZE",
    );
  });

  it("answers CONNECT with a 404 AWS error (was: dropped the connection)", async () => {
    const payload = "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n";
    expect(awsError(await rawExchange(emulator.url, payload), 404, "UnknownOperationException")).toBe(
      "No route for CONNECT 127.0.0.1:1",
    );
  });

  it("treats a null optional member as absent (was: 500 on `Tags: null` and `NextToken: null`)", async () => {
    const created = await signedRequest(
      emulator,
      "CreateAddressList",
      JSON.stringify({ AddressListName: `null-tags-${process.pid}`, Tags: null }),
    );
    expect(created.status).toBe(200);
    const { addressListId } = seedJobs(2);
    const listed = await signedRequest(
      emulator,
      "ListAddressListImportJobs",
      JSON.stringify({ AddressListId: addressListId, NextToken: null, PageSize: null }),
    );
    expect(listed.status).toBe(200);
    expect((JSON.parse(listed.text) as { ImportJobs: unknown[] }).ImportJobs).toHaveLength(2);
  });
});

describe("regressions found in the emulator", () => {
  it("does not keep the process alive for a slow response once the client has given up", () => {
    // In a child process, so that "alive" means what it says: the process exits once its work is done.
    const started = Date.now();
    const child = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", join(__dirname, "fixtures", "slowResponseExit.ts")],
      { cwd: join(__dirname, "..", ".."), encoding: "utf8", timeout: 15_000 },
    );
    expect(child.stdout).toContain("closed after AbortError");
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    // Start-up of ts-node and the SDK included; the emulator's delay is 60 s.
    expect(Date.now() - started).toBeLessThan(12_000);
  }, 30_000);
});

describe("regressions found by the review of the providers' check messages", () => {
  const { importJobsGateProvider } = jest.requireActual("../../provider/pulumi/importJobsGateProvider");
  const { addressListImportJobsProvider } = jest.requireActual(
    "../../provider/pulumi/addressListImportJobsProvider",
  );

  it("tells a gate user that the waiter's hooks are not resource inputs", async () => {
    const { failures } = await importJobsGateProvider.check({}, { addressListId: "al-1", sleep: 5 });
    expect(failures).toEqual([
      { property: "sleep", reason: expect.stringMatching(/^`sleep` is not an argument of ImportJobsGate: /) },
    ]);
  });

  it("does not offer the hooks, nor cache, as allowed arguments of the gate", async () => {
    const { failures } = await importJobsGateProvider.check({}, { addressListId: "al-1", maxWaitTme: 5 });
    expect(failures[0].reason).toMatch(/did you mean `maxWaitTime`/);
    expect(failures[0].reason).not.toMatch(/\b(sleep|now|onProgress|cache)\b/);
  });

  it("does not offer cache as an allowed argument of AddressListImportJobs", async () => {
    const { failures } = await addressListImportJobsProvider.check({}, { addressListId: "al-1", limt: 5 });
    expect(failures[0].reason).toMatch(/did you mean `limit`/);
    expect(failures[0].reason).not.toMatch(/\bcache\b/);
  });

  it("shows the value of a bad progressUrn", async () => {
    const { failures } = await importJobsGateProvider.check({}, { addressListId: "al-1", progressUrn: 42 });
    expect(failures).toEqual([{ property: "progressUrn", reason: expect.stringContaining("got 42") }]);
  });
});
