import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { startEmulator, type Emulator } from "../../emulator";
import { printSummary, rawExchange } from "./support";

/**
 * Part 4 of the hardening issue: the emulator under 10 000 requests with random, mostly malformed,
 * bodies, headers and targets (the `X-Amz-Target` operation and the HTTP request-target), most
 * unsigned, some signed with the SDK's signer so that they reach routing, validation and the actions,
 * some written byte by byte to a raw socket (what no HTTP client would send).
 *
 * Every request must get an answer that is either a success with a JSON body (a signed, valid request)
 * or a well-formed AWS error: status 4xx, `x-amzn-RequestId` and `x-amzn-ErrorType` headers, a JSON
 * body with `__type` and `message` (S3-style XML with a request id on the pre-signed upload path). No
 * 5xx (with no fault injected, a 5xx means an unexpected exception), no dropped connection, no crash;
 * the emulator answers normally afterwards and listens on loopback only.
 *
 * The requests come from a fixed seed (the same every run); `EMULATOR_FUZZ_SEED=<n>` tries others (the
 * seed is in the summary line); `EMULATOR_FUZZ_DEBUG=<file>`
 * writes every bad answer, with the request that got it, to that file.
 */

const REQUESTS = 10_000;
/** The requests every run sends; set EMULATOR_FUZZ_SEED for others. */
const DEFAULT_SEED = 20261130;
/** Requests in flight at once, over keep-alive connections. */
const CONCURRENCY = 16;
/** Of the requests, how many are raw bytes on a fresh socket (slower: one connection each). */
const RAW_REQUESTS = 400;
const OPERATIONS = [
  "CreateAddressList",
  "GetAddressList",
  "ListAddressLists",
  "DeleteAddressList",
  "CreateAddressListImportJob",
  "GetAddressListImportJob",
  "ListAddressListImportJobs",
  "StartAddressListImportJob",
  "StopAddressListImportJob",
  "RegisterMemberToAddressList",
  "GetMemberOfAddressList",
  "ListMembersOfAddressList",
  "DeregisterMemberFromAddressList",
];
const SEEDED_LIST = "al-fuzz";
const SEEDED_JOB = "job-fuzz";

/** One generated HTTP request. */
interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  /** Sign with SigV4 (service `ses`) before sending; `tamper` then breaks one part of it. */
  readonly signed: boolean;
  readonly tamper: "none" | "signature" | "body" | "date" | "drop-host-from-signed" | "region";
  readonly target: string | undefined;
  readonly contentType: string | undefined;
  readonly extraHeaders: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/** Why nothing usable came back (Node's errors come from another realm than Jest's, so no `instanceof`). */
interface Failure {
  readonly failed: string;
  /** The client refused to send the request: nothing reached the emulator. */
  readonly clientSide?: boolean;
}

/** What came back. */
interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const tokenChars = fc.constantFrom(
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!#$%&'*+^`|~",
);
const headerName = fc.string({ unit: tokenChars, minLength: 1, maxLength: 40 });
/** Printable latin1, which is what an HTTP header value may hold. */
const headerValue = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
/** Anything a JSON value of the model could be, and what it should not be. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(""),
  fc.constant("a".repeat(3000)),
  fc.constant(SEEDED_LIST),
  fc.constant(SEEDED_JOB),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
/** Objects with the model's member names and random values. */
const modelish = fc.record(
  {
    AddressListId: anyValue,
    AddressListName: anyValue,
    JobId: anyValue,
    Name: anyValue,
    NextToken: fc.oneof(anyValue, fc.base64String({ maxLength: 80 }), fc.constant("eyJ2IjoxLCJvIjo1fQ.AAAA")),
    PageSize: fc.oneof(anyValue, fc.integer({ min: -5, max: 2000 })),
    ImportDataFormat: fc.oneof(anyValue, fc.record({ ImportDataType: anyValue })),
    Address: anyValue,
    Filter: fc.oneof(anyValue, fc.record({ AddressPrefix: anyValue })),
    Tags: fc.oneof(anyValue, fc.array(fc.record({ Key: anyValue, Value: anyValue }), { maxLength: 3 })),
    ClientToken: anyValue,
    ["__proto__"]: fc.constant({ polluted: true }),
    constructor: fc.constant({ prototype: { polluted: true } }),
  },
  { requiredKeys: [] },
);
const bodyArbitrary: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: modelish.map((o) => Buffer.from(JSON.stringify(o))), weight: 6 },
  { arbitrary: fc.json({ maxDepth: 4 }).map((t) => Buffer.from(t)), weight: 3 },
  {
    arbitrary: fc.tuple(modelish, fc.nat()).map(([o, cut]) => {
      const text = JSON.stringify(o);
      return Buffer.from(text.slice(0, cut % Math.max(1, text.length)));
    }),
    weight: 2,
  },
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)), weight: 2 },
  { arbitrary: fc.constant(Buffer.alloc(0)), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => Buffer.from("[".repeat(n))), weight: 1 },
  {
    arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => Buffer.from(`${"[".repeat(n)}${"]".repeat(n)}`)),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom("null", "1", '"x"', "[]", "true", "{}", '{"":""}').map((t) => Buffer.from(t)),
    weight: 1,
  },
);
const targetArbitrary: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constantFrom(...OPERATIONS).map((op) => `MailManagerSvc.${op}`), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      "",
      "MailManagerSvc.",
      "MailManagerSvc.__proto__",
      "MailManagerSvc.constructor",
      "MailManagerSvc.hasOwnProperty",
      "MailManagerSvc.toString",
      "mailmanagersvc.ListAddressLists",
      "MailManagerSvc2.ListAddressLists",
      "DynamoDB_20120810.ListTables",
      "MailManagerSvc.ListAddressLists, MailManagerSvc.DeleteAddressList",
    ),
    weight: 2,
  },
  { arbitrary: headerValue, weight: 2 },
  { arbitrary: headerValue.map((v) => `MailManagerSvc.${v}`), weight: 1 },
);
const pathArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constant("/"), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      "/?",
      "/?a=%zz",
      "/?X-Amz-Signature=00",
      "//",
      "/%zz",
      "/%00",
      "/../../etc/passwd",
      "*",
      "/upload/",
      "/upload/%zz",
      `/upload/${SEEDED_JOB}`,
      `/upload/${SEEDED_JOB}?X-Amz-Date=20240101T000000Z&X-Amz-Expires=900&X-Amz-Security-Token=x&X-Amz-Signature=00`,
      `/upload/${SEEDED_JOB}?X-Amz-Date=x&X-Amz-Expires=-1&X-Amz-Signature=zz`,
      `/${"a".repeat(6000)}`,
      "http://127.0.0.1/",
      "http://[::1/",
    ),
    weight: 3,
  },
  {
    arbitrary: fc
      .webPath()
      .map((p) => (p.startsWith("/") ? p : `/${p}`))
      .filter((p) => /^[\x21-\x7e]*$/.test(p)),
    weight: 2,
  },
);
const requestArbitrary: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.oneof(
    { arbitrary: fc.constant("POST"), weight: 12 },
    { arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"), weight: 3 },
    { arbitrary: fc.constantFrom("FOO", "post", "PROPFIND", "CONNECT"), weight: 1 },
  ),
  path: pathArbitrary,
  signed: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 2 }),
  tamper: fc.oneof(
    { arbitrary: fc.constant("none" as const), weight: 6 },
    fc.constantFrom("signature", "body", "date", "drop-host-from-signed", "region" as const),
  ),
  target: targetArbitrary,
  contentType: fc.oneof(
    { arbitrary: fc.constant("application/x-amz-json-1.0"), weight: 6 },
    fc.constantFrom(
      undefined,
      "application/json",
      "text/plain",
      "application/x-amz-json-1.1",
      "multipart/form-data",
    ),
    headerValue,
  ),
  extraHeaders: fc.oneof(
    { arbitrary: fc.constant([]), weight: 5 },
    { arbitrary: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        [["authorization", "AWS4-HMAC-SHA256"]],
        [
          [
            "authorization",
            "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=00",
          ],
        ],
        [["authorization", "Bearer x"]],
        [["authorization", "AWS4-HMAC-SHA256 Credential=/////, SignedHeaders=;;;, Signature="]],
        [["x-amz-date", "not-a-date"]],
        [["x-amz-content-sha256", "UNSIGNED-PAYLOAD"]],
        [["x-amz-content-sha256", "00"]],
        [["x-amzn-errortype", "forged"]],
        [["expect", "100-continue"]],
        [["x-big", "b".repeat(20_000)]],
        Array.from({ length: 150 }, (_, i) => [`x-many-${i}`, String(i)] as [string, string]),
      ),
      weight: 1,
    },
  ),
  body: bodyArbitrary,
});

/** Bytes no HTTP client sends: broken request lines, headers, framing. */
const RAW_PAYLOADS: readonly string[] = [
  "GARBAGE\r\n\r\n",
  "\r\n\r\nGARBAGE\r\n\r\n",
  "POST // HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
  "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n",
  "GET / HTTP/1.1\r\nHost: x\r\n\r\nabc\r\n\r\n",
  "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n[[[",
  "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{}",
  "POST / HTTP/9.9\r\nHost: x\r\n\r\n",
  "POST /\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
  "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: MailManagerSvc.ListAddressLists\r\nX-Bad: a\x01b\r\n\r\n",
  "POST /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
  "POST / HTTP/1.1\r\n" + "X-Long: " + "z".repeat(70_000) + "\r\n\r\n",
  "FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
  "GET /upload/x HTTP/1.1\r\nHost: x\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: MailManagerSvc.ListAddressLists\r\nContent-Length: 2\r\n\r\n{}",
];

let emulator: Emulator;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const problems: string[] = [];
const internalErrors: string[] = [];
const stats = { sent: 0, ok: 0, awsErrors: 0, xmlErrors: 0, signed: 0, raw: 0, serverErrors: 0, noAnswer: 0 };
let elapsedMs = 0;
let fuzzSeed = 0;
let stillServing = false;
let loopbackOnly = false;

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  emulator = await startEmulator({
    processingMs: 50,
    // The emulator logs the stack of any exception it turned into a 500.
    log: (line) => {
      if (line.startsWith("internal error") || line.startsWith("request failed")) internalErrors.push(line);
    },
    seed: {
      addressLists: [
        { addressListId: SEEDED_LIST, name: "fuzz", jobs: [{ jobId: SEEDED_JOB, name: "fuzz-job" }] },
      ],
    },
  });
});

afterAll(async () => {
  await emulator?.close();
  process.off("unhandledRejection", onUnhandled);
  printSummary(
    `emulator: ${stats.sent} requests (${stats.signed} signed, ${stats.raw} raw), ${stats.ok} successes, ` +
      `${stats.awsErrors} well-formed AWS JSON errors, ${stats.xmlErrors} S3-style upload errors, ` +
      `${problems.length} malformed answers, ${stats.serverErrors} 5xx, ${stats.noAnswer} without answer, ` +
      `${unhandled.length} unhandled rejections, ${stillServing ? "still serving" : "NOT SERVING"} afterwards, ` +
      `${loopbackOnly ? "loopback only" : "NOT LOOPBACK ONLY"}, in ${(elapsedMs / 1000).toFixed(1)} s (seed ${fuzzSeed})`,
  );
});

/** The SigV4 headers the SDK would send for this request (service `ses`). */
async function sign(emulator: Emulator, request: FuzzRequest): Promise<Record<string, string>> {
  const url = new URL(emulator.url);
  const signer = new SignatureV4({
    credentials: emulator.credentials,
    region: request.tamper === "region" ? "xx-fake-1" : emulator.region,
    service: "ses",
    sha256: Hash.bind(null, "sha256"),
  });
  const pathOnly = request.path.split("?")[0];
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: pathOnly.startsWith("/") ? pathOnly : "/",
      query: {},
      headers: {
        host: url.host,
        ...(request.contentType === undefined ? {} : { "content-type": request.contentType }),
        ...(request.target === undefined ? {} : { "x-amz-target": request.target }),
      },
      body: request.body,
    },
    request.tamper === "date" ? { signingDate: new Date(Date.now() - 3_600_000) } : {},
  );
  const headers = { ...(signed.headers as Record<string, string>) };
  if (request.tamper === "signature") {
    headers.authorization = headers.authorization.replace(/Signature=\w{4}/, "Signature=ffff");
  } else if (request.tamper === "drop-host-from-signed") {
    headers.authorization = headers.authorization.replace("SignedHeaders=", "SignedHeaders=x-extra;");
  }
  return headers;
}

/** Sends one request over the keep-alive agent; resolves with the answer or the socket error. */
function send(
  agent: Agent,
  headers: Record<string, string>,
  request: FuzzRequest,
  body: Buffer,
): Promise<Answer | Failure> {
  const url = new URL(emulator.url);
  return new Promise((settle) => {
    let settled = false;
    const resolve = (value: Answer | Failure) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        settle(value);
      }
    };
    // A hard bound on top of the socket timeout: an answer that never completes is a failure, not a hang.
    const timer = setTimeout(() => {
      resolve({ failed: "no complete answer within 5 s" });
      req?.destroy();
    }, 5_000);
    let req: ReturnType<typeof httpRequest> | undefined;
    try {
      req = httpRequest(
        { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          res.on("error", (e) => resolve({ failed: e.message }));
          res.on("close", () => resolve({ failed: `answer cut off after ${res.statusCode}` }));
        },
      );
    } catch (error) {
      // The client refused to send it (e.g. a path it considers invalid): nothing reached the emulator.
      resolve({ failed: (error as Error).message, clientSide: true });
      return;
    }
    // Node hands the answer to a CONNECT to this event, with the connection, not to the callback.
    req.on("connect", (res, socket, head) => {
      const chunks: Buffer[] = [head];
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("error", () => undefined);
      socket.on("close", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", (e: Error & { rawPacket?: Buffer }) =>
      resolve({
        failed:
          e.message +
          (process.env.EMULATOR_FUZZ_DEBUG && e.rawPacket
            ? ` ${JSON.stringify(e.rawPacket.toString("latin1"))}`
            : ""),
      }),
    );
    req.end(body);
  });
}

/** Writes raw bytes on a fresh socket and reads the answer (a failure when there is none). */
async function sendRaw(payload: string): Promise<Answer | Failure> {
  const answer = await rawExchange(emulator.url, payload);
  return answer ?? { failed: `no HTTP answer to raw request ${JSON.stringify(payload.slice(0, 60))}` };
}

/** Why an answer is not acceptable; undefined when it is. */
function judge(method: string, path: string, answer: Answer): string | undefined {
  const { status, headers, body } = answer;
  if (status >= 500) {
    stats.serverErrors += 1;
    return `${status} ${body.slice(0, 200)}`;
  }
  const isUpload = path.startsWith("/upload/") && status !== 400;
  if (status >= 200 && status < 300) {
    if (isUpload) return `upload accepted without a valid pre-signed URL`;
    try {
      const parsed = JSON.parse(body) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        return `success body ${body}`;
    } catch {
      return `success with a non-JSON body ${body.slice(0, 100)}`;
    }
    stats.ok += 1;
    return undefined;
  }
  if (status < 400) return `status ${status}`;
  if (path.startsWith("/upload/") && String(headers["content-type"]).startsWith("application/xml")) {
    if (!headers["x-amz-request-id"]) return "upload error without x-amz-request-id";
    if (
      method !== "HEAD" &&
      !/^<\?xml[^>]*>\s*<Error><Code>\w+<\/Code><Message>[^<]*<\/Message><RequestId>[\w-]+<\/RequestId><\/Error>$/.test(
        body,
      )
    ) {
      return `upload error body ${body.slice(0, 200)}`;
    }
    stats.xmlErrors += 1;
    return undefined;
  }
  if (headers["content-type"] !== "application/x-amz-json-1.0")
    return `content-type ${headers["content-type"]}`;
  if (!headers["x-amzn-requestid"]) return "no x-amzn-RequestId header";
  const errorType = headers["x-amzn-errortype"];
  if (typeof errorType !== "string" || errorType === "") return "no x-amzn-ErrorType header";
  if (method !== "HEAD") {
    let parsed: { __type?: unknown; message?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return `error body is not JSON: ${body.slice(0, 100)}`;
    }
    if (typeof parsed.__type !== "string" || typeof parsed.message !== "string" || parsed.message === "") {
      return `error body without __type and message: ${body.slice(0, 200)}`;
    }
    if (parsed.__type.split("#").pop() !== errorType)
      return `__type ${parsed.__type} ≠ x-amzn-ErrorType ${errorType}`;
  }
  stats.awsErrors += 1;
  return undefined;
}

describe("emulator under malformed requests", () => {
  it(`answers ${REQUESTS} random malformed requests with well-formed AWS errors and keeps serving`, async () => {
    const seed = (fuzzSeed = Number(process.env.EMULATOR_FUZZ_SEED ?? DEFAULT_SEED));
    // A HEAD carries no body (its framing is undefined; an unframed body is a raw request's job below).
    const requests = fc
      .sample(requestArbitrary, { numRuns: REQUESTS - RAW_REQUESTS, seed })
      .map((request) => (request.method === "HEAD" ? { ...request, body: Buffer.alloc(0) } : request));
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const headers: Record<string, string> = {};
        if (request.signed) {
          Object.assign(headers, await sign(emulator, request));
          stats.signed += 1;
        } else {
          if (request.target !== undefined) headers["x-amz-target"] = request.target;
          if (request.contentType !== undefined) headers["content-type"] = request.contentType;
        }
        for (const [name, value] of request.extraHeaders) headers[name] = value;
        const body =
          request.signed && request.tamper === "body" && request.method !== "HEAD"
            ? Buffer.concat([request.body, Buffer.from(" ")])
            : request.body;
        // Node frames a body only for methods that usually have one (chunked); for the others it would
        // send the bytes unframed, as the start of a next request. Unframed bytes are the raw requests' job.
        if (!["POST", "PUT", "PATCH", "post"].includes(request.method) && body.length > 0) {
          headers["content-length"] = String(body.length);
        }
        const answer = await send(agent, headers, request, body);
        if ("failed" in answer && answer.clientSide) {
          continue;
        }
        stats.sent += 1;
        if ("failed" in answer) {
          stats.noAnswer += 1;
          if (process.env.EMULATOR_FUZZ_DEBUG)
            problems.push(
              `  request below: ${JSON.stringify({ ...request, headers, body: body.toString("utf8").slice(0, 3000) })}`,
            );
          problems.push(`${request.method} ${request.path.slice(0, 60)}: ${answer.failed}`);
          continue;
        }
        const problem = judge(request.method, request.path, answer);
        if (problem !== undefined && process.env.EMULATOR_FUZZ_DEBUG)
          problems.push(
            `  request below: ${JSON.stringify({ ...request, headers, body: body.toString("utf8").slice(0, 3000) })}`,
          );
        if (problem !== undefined)
          problems.push(`${request.method} ${request.path.slice(0, 60)} ${request.target}: ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    const rawPayloads = Array.from({ length: RAW_REQUESTS }, (_, i) => RAW_PAYLOADS[i % RAW_PAYLOADS.length]);
    for (let i = 0; i < rawPayloads.length; i += CONCURRENCY) {
      const batch = rawPayloads.slice(i, i + CONCURRENCY);
      const answers = await Promise.all(batch.map(sendRaw));
      answers.forEach((answer, j) => {
        stats.sent += 1;
        stats.raw += 1;
        const label = JSON.stringify(batch[j].slice(0, 50));
        if ("failed" in answer) {
          stats.noAnswer += 1;
          problems.push(`raw ${label}: ${answer.failed}`);
          return;
        }
        // Judged against the request-target of the request line, when there is one.
        const line = /^([A-Z]+) (\S+) HTTP/.exec(batch[j].replace(/^(\r\n)+/, ""));
        const problem = judge(line?.[1] ?? "RAW", line?.[2] ?? "/", answer);
        if (problem !== undefined) problems.push(`raw ${label}: ${problem}`);
      });
    }
    elapsedMs = Date.now() - started;
    if (process.env.EMULATOR_FUZZ_DEBUG) {
      require("node:fs").writeFileSync(
        process.env.EMULATOR_FUZZ_DEBUG,
        [...problems, ...internalErrors].join("\n"),
      );
    }

    expect(problems.slice(0, 20)).toStrictEqual([]);
    expect(internalErrors.slice(0, 5)).toStrictEqual([]);
    expect(stats.sent).toBeGreaterThanOrEqual(REQUESTS - 100);
    expect(unhandled).toStrictEqual([]);
    expect(elapsedMs).toBeLessThan(60_000);
  }, 120_000);

  it("still serves a valid signed request afterwards", async () => {
    // A list of its own: the run above may well have deleted the seeded one.
    const after = { list: "al-after-fuzz", job: "job-after-fuzz" };
    emulator.seed({
      addressLists: [
        { addressListId: after.list, name: "after-fuzz", jobs: [{ jobId: after.job, name: "after" }] },
      ],
    });
    const request: FuzzRequest = {
      method: "POST",
      path: "/",
      signed: true,
      tamper: "none",
      target: "MailManagerSvc.ListAddressListImportJobs",
      contentType: "application/x-amz-json-1.0",
      extraHeaders: [],
      body: Buffer.from(JSON.stringify({ AddressListId: after.list })),
    };
    const agent = new Agent({ keepAlive: false });
    const answer = await send(agent, await sign(emulator, request), request, request.body);
    agent.destroy();
    expect(answer).toMatchObject({ status: 200 });
    expect(JSON.parse((answer as Answer).body)).toMatchObject({
      ImportJobs: [expect.objectContaining({ JobId: after.job })],
    });
    stillServing = true;
  });

  it("listens on loopback only", async () => {
    const url = new URL(emulator.url);
    expect(url.hostname).toBe("127.0.0.1");
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal && info.family === "IPv4")
      .map((info) => info!.address);
    for (const address of external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect(Number(url.port), address);
        socket.setTimeout(2_000, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("connect", () => {
          socket.destroy();
          resolve(false);
        });
        socket.on("error", () => resolve(true));
      });
      expect({ address, refused }).toStrictEqual({ address, refused: true });
    }
    loopbackOnly = true;
  });
});
