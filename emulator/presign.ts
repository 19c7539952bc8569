import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "./clock";
import type { Faults } from "./faults";
import type { Store } from "./store";

/**
 * Largest accepted import file, in bytes (128 MiB): a 1,000,000-address CSV of typical addresses
 * (about 30 MB) fits several times over, and so do 100,000 addresses of the maximum 320 characters.
 */
export const MAX_UPLOAD_BYTES = 128 * 1024 * 1024;

/** S3's message for a body over the size limit. */
const TOO_LARGE = "Your proposed upload exceeds the maximum allowed size";

/** `20250101T000000Z`, the SigV4 date format real pre-signed S3 URLs use. */
function amzDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, "").replace(".000", "");
}

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

/**
 * Pre-signed upload URLs pointing at the emulator itself, shaped like pre-signed S3 URLs:
 * `<url>/upload/<jobId>?X-Amz-Date=..&X-Amz-Expires=..&X-Amz-Security-Token=..&X-Amz-Signature=..`.
 * The signature is an HMAC (random per-emulator secret) over the job id, date, expiry and a
 * random nonce — the nonce plays the session token real URLs carry, and makes every URL handed
 * out different, as the service's are (it re-signs on every response).
 */
export class Presigner {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    private readonly baseUrl: () => string,
  ) {}

  private signature(jobId: string, date: string, expires: string, nonce: string): Buffer {
    return createHmac("sha256", this.secret).update(`${jobId}\n${date}\n${expires}\n${nonce}`).digest();
  }

  sign(jobId: string): string {
    const date = amzDate(this.clock.now());
    const expires = String(this.ttlSeconds);
    const nonce = randomBytes(16).toString("base64url");
    const query = new URLSearchParams({
      "X-Amz-Date": date,
      "X-Amz-Expires": expires,
      "X-Amz-Security-Token": nonce,
      "X-Amz-Signature": this.signature(jobId, date, expires, nonce).toString("hex"),
    });
    return `${this.baseUrl()}/upload/${encodeURIComponent(jobId)}?${query}`;
  }

  /** Why a URL is not accepted now, as an S3 error code and message; undefined when it is valid. */
  check(jobId: string, query: URLSearchParams): { code: string; message: string } | undefined {
    const date = query.get("X-Amz-Date") ?? "";
    const expires = query.get("X-Amz-Expires") ?? "";
    const nonce = query.get("X-Amz-Security-Token") ?? "";
    const given = Buffer.from(query.get("X-Amz-Signature") ?? "", "hex");
    const start = parseAmzDate(date);
    if (start === undefined || !/^\d+$/.test(expires) || !nonce || given.length === 0) {
      return {
        code: "AuthorizationQueryParametersError",
        message:
          "Query-string authentication requires the X-Amz-Date, X-Amz-Expires and X-Amz-Signature parameters.",
      };
    }
    const expected = this.signature(jobId, date, expires, nonce);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        code: "SignatureDoesNotMatch",
        message: "The request signature we calculated does not match the signature you provided.",
      };
    }
    if (this.clock.now() > start + Number(expires) * 1000)
      return { code: "AccessDenied", message: "Request has expired" };
    return undefined;
  }
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function sendXmlError(res: ServerResponse, status: number, code: string, message: string, requestId: string) {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
    `<RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(status, {
    "Content-Type": "application/xml",
    "Content-Length": Buffer.byteLength(body),
    "x-amz-request-id": requestId,
  });
  res.end(body);
}

/**
 * Reads an upload's body: the file, or undefined when it exceeds {@link MAX_UPLOAD_BYTES} (then read
 * to the end and dropped: destroying the request would also cut off the reply). With a Content-Length
 * (as S3 requires of a pre-signed PUT) the bytes go straight into one buffer of that size, so a 30 MB
 * file costs 30 MB, not its chunks plus their copy; without one (chunked), chunks are collected.
 */
async function readUpload(req: IncomingMessage, declared: number | undefined): Promise<Buffer | undefined> {
  const file = declared === undefined ? undefined : Buffer.allocUnsafe(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    // Node's parser ends a request at its Content-Length, so `file` never overflows.
    if (file !== undefined) chunk.copy(file, size);
    else if (size + chunk.length <= MAX_UPLOAD_BYTES) chunks.push(chunk);
    size += chunk.length;
  }
  if (size > MAX_UPLOAD_BYTES) return undefined;
  return file ?? Buffer.concat(chunks);
}

/** The request's Content-Length, or undefined when it has none (chunked) or it is not a number. */
function contentLength(req: IncomingMessage): number | undefined {
  const text = req.headers["content-length"];
  const value = text === undefined ? NaN : Number(text);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * `PUT /upload/<jobId>?...`: stores the file on the job, answering like S3 (200 + ETag, or an
 * XML error). Returns the status for the request log (0 when the connection was dropped on purpose).
 * Upload faults (`uploadFailNext`, `uploadResetNext`) apply only to a URL that is valid.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: Store,
  presigner: Presigner,
  faults: Faults,
): Promise<number> {
  const requestId = randomUUID();
  let jobId: string;
  try {
    jobId = decodeURIComponent(url.pathname.slice("/upload/".length));
  } catch {
    jobId = ""; // A malformed %-escape matches no job and no signature.
  }
  if (req.method !== "PUT") {
    req.resume();
    sendXmlError(
      res,
      405,
      "MethodNotAllowed",
      "The specified method is not allowed against this resource.",
      requestId,
    );
    return 405;
  }
  const problem = presigner.check(jobId, url.searchParams);
  if (problem) {
    req.resume();
    sendXmlError(res, 403, problem.code, problem.message, requestId);
    return 403;
  }
  const fault = faults.uploadFault();
  if (fault === "reset") {
    // Mid-upload, as a dropped connection would: after the first bytes arrive, nothing is stored.
    await new Promise<void>((resolve) => {
      req.once("data", () => resolve());
      req.once("end", () => resolve());
      req.once("error", () => resolve());
    });
    req.socket.destroy();
    return 0;
  }
  const declared = contentLength(req);
  if (declared !== undefined && declared > MAX_UPLOAD_BYTES) {
    req.resume();
    sendXmlError(res, 400, "EntityTooLarge", TOO_LARGE, requestId);
    return 400;
  }
  const file = await readUpload(req, declared);
  if (fault !== undefined) {
    sendXmlError(res, fault.status, fault.code, fault.message, requestId);
    return fault.status;
  }
  if (file === undefined) {
    sendXmlError(res, 400, "EntityTooLarge", TOO_LARGE, requestId);
    return 400;
  }
  const job = store.jobs.get(jobId);
  if (!job) {
    // The URL was valid, but its job (and list) has been deleted since.
    sendXmlError(res, 403, "AccessDenied", "Access Denied", requestId);
    return 403;
  }
  job.file = file;
  const etag = createHash("md5").update(job.file).digest("hex");
  res.writeHead(200, { ETag: `"${etag}"`, "x-amz-request-id": requestId, "Content-Length": "0" });
  res.end();
  return 200;
}
