import { createHash } from "node:crypto";
import { RETRY_DELAY_ENV } from "../core/createClient";
import type { Describe } from "../core/terms";
import { show } from "../core/validationKit";
import { AddressImportAbortedError, AddressImportError, resumeHint } from "./importErrors";
import type { UploadProgress } from "./importTypes";
import type { ImportSource } from "./prepareImportSource";

/** Fresh pre-signed URLs asked for after a 403 (an expired URL) before the upload fails. */
export const MAX_URL_REFRESHES = 2;

/** First delay before a retried upload, in ms; it doubles per retry up to {@link MAX_RETRY_DELAY_MS}. */
const BASE_RETRY_DELAY_MS = 1_000;

/** Longest delay before a retried upload, in ms. */
const MAX_RETRY_DELAY_MS = 20_000;

/** What one upload needs: where, what, how often to try, and how to get a fresh URL. */
export interface UploadInput {
  readonly addressListId: string;
  readonly region: string;
  readonly jobId: string;
  /** The pre-signed URL to PUT to first. Never logged, never in an error. */
  readonly url: string;
  readonly source: ImportSource;
  /** PUTs that may end in a 5xx or a network error, retries included. */
  readonly maxAttempts: number;
  /** Waits between retries; given `abortSignal`, so that it can end (and clear its timer) when it fires. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly abortSignal?: AbortSignal;
  readonly onUpload?: (progress: UploadProgress) => void;
  /** A fresh pre-signed URL for the job, or undefined when the job takes no file any more (it left CREATED). */
  readonly refreshUrl: () => Promise<string | undefined>;
}

/** How the upload ended: the bytes are stored, or the job no longer takes a file (someone started it). */
export type UploadOutcome =
  { readonly uploaded: true; readonly sha256: string; readonly bytes: number } | { readonly uploaded: false };

/** One PUT's end. `code` is S3's error code, a network error code, or a local read error code. */
type Attempt =
  | { readonly kind: "stored"; readonly sha256: string; readonly bytes: number }
  | { readonly kind: "refused"; readonly status: number; readonly code: string; readonly message?: string }
  | { readonly kind: "network"; readonly code: string }
  | { readonly kind: "read"; readonly code: string }
  | { readonly kind: "aborted" };

/** An error's `code` when it is a plain identifier, such as `ECONNRESET`; `fallback` otherwise. */
function codeOf(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : fallback;
}

/**
 * S3's error code and message from an XML error body. The message is kept only when it is plain words
 * (no `:`, `/`, `=`, `@` or `&`): some S3 errors echo the signed request, which holds the URL's secrets.
 */
function s3Error(status: number, body: string): { code: string; message?: string } {
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(body)?.[1] ?? `HTTP ${status}`;
  const message = /<Message>([\w .,'()-]{1,300})<\/Message>/.exec(body)?.[1];
  return message === undefined ? { code } : { code, message };
}

/** The delay before retry `retry` (1 for the first), in ms; RETRY_DELAY_ENV replaces the base, as for the SDK. */
function retryDelay(retry: number): number {
  const text = process.env[RETRY_DELAY_ENV];
  const override = text === undefined || text.trim() === "" ? NaN : Number(text);
  const base = Number.isFinite(override) && override >= 0 ? override : BASE_RETRY_DELAY_MS;
  return Math.min(base * 2 ** (retry - 1), MAX_RETRY_DELAY_MS);
}

/** The error for a cancelled upload. */
const aborted = (input: UploadInput) =>
  new AddressImportAbortedError({
    addressListId: input.addressListId,
    region: input.region,
    step: "upload",
    jobId: input.jobId,
    reason: input.abortSignal?.reason,
  });

/** `input.sleep(ms)`, ended early by the abort signal. */
async function pause(ms: number, input: UploadInput): Promise<void> {
  const signal = input.abortSignal;
  if (signal === undefined) {
    return input.sleep(ms);
  }
  let onAbort = () => undefined as void;
  const abort = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(aborted(input));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([input.sleep(ms, signal), abort]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * One PUT of the whole file, streamed with its Content-Length (S3 takes no chunked upload), hashing the
 * bytes as they go.
 */
async function putOnce(url: string, input: UploadInput, attempt: number): Promise<Attempt> {
  const { source } = input;
  const hash = createHash("sha256");
  const stream = source.open();
  let bytesSent = 0;
  let readError: unknown;
  const report = () => {
    try {
      input.onUpload?.({ bytesSent, totalBytes: source.size, attempt });
    } catch {
      // Progress is a courtesy; it must never change the upload.
    }
  };
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of stream) {
        hash.update(chunk);
        bytesSent += chunk.length;
        report();
        yield chunk;
      }
    } catch (error) {
      readError = error;
      throw error;
    }
  }
  try {
    const response = await fetch(url, {
      method: "PUT",
      headers: { "Content-Length": String(source.size) },
      body: body(),
      duplex: "half",
      signal: input.abortSignal,
    } as RequestInit);
    if (response.ok) {
      await response.body?.cancel();
      return { kind: "stored", sha256: hash.digest("hex"), bytes: bytesSent };
    }
    const text = await response.text().catch(() => "");
    return { kind: "refused", status: response.status, ...s3Error(response.status, text) };
  } catch (error) {
    if (input.abortSignal?.aborted) {
      return { kind: "aborted" };
    }
    if (readError !== undefined) {
      return { kind: "read", code: codeOf(readError, "read error") };
    }
    const cause = (error as { cause?: unknown } | null)?.cause;
    const code = codeOf(cause, codeOf(error, "network error"));
    // The file grew or shrank between `stat` and the end of the read.
    return code === "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH"
      ? { kind: "read", code: "changed" }
      : { kind: "network", code };
  } finally {
    // A stream the request stopped pulling from (abort, dropped connection) would keep its file open.
    (stream as { destroy?: () => void }).destroy?.();
  }
}

/** True for an answer worth retrying: a 5xx, a request timeout, or S3's throttling (429). */
const isTransient = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/**
 * Streams `input.source` to the job's pre-signed URL with `fetch` (HTTP PUT, `Content-Length`, body
 * never held whole). A 5xx, 408, 429 or a dropped connection is retried up to `maxAttempts` PUTs in all,
 * after 1 s, 2 s, 4 s… (at most 20 s, through `sleep`); a 403 (an expired URL) asks for a fresh URL
 * with `refreshUrl`, at most {@link MAX_URL_REFRESHES} times. Resolves with the SHA-256 and size of the
 * bytes stored, or `uploaded: false` when the job stopped taking a file. Fails with an
 * `AddressImportError` (step "upload") or an `AddressImportAbortedError`; neither holds the URL.
 *
 * @example
 * const outcome = await uploadToPresignedUrl({ ...where, url, source, maxAttempts: 8, sleep, refreshUrl });
 */
export async function uploadToPresignedUrl(input: UploadInput): Promise<UploadOutcome> {
  let url = input.url;
  let refreshes = 0;
  let failures = 0;
  const fail = (code: string, detail: string, fix: Describe) =>
    new AddressImportError({
      addressListId: input.addressListId,
      region: input.region,
      step: "upload",
      jobId: input.jobId,
      code,
      detail,
      fix: (t) => `${fix(t)} The job stays CREATED: ${resumeHint(input.jobId, t)}.`,
    });
  for (let attempt = 1; ; attempt += 1) {
    if (input.abortSignal?.aborted) {
      throw aborted(input);
    }
    const result = await putOnce(url, input, attempt);
    if (result.kind === "stored") {
      return { uploaded: true, sha256: result.sha256, bytes: result.bytes };
    }
    if (result.kind === "aborted") {
      throw aborted(input);
    }
    if (result.kind === "read") {
      const file = show(input.source.file);
      throw result.code === "changed"
        ? fail(
            "FileChanged",
            `file ${file} changed size while it was uploaded`,
            () => "Keep the file unchanged until the import ends.",
          )
        : fail(
            result.code,
            `reading file ${file} failed`,
            () => "Keep the file in place and readable until the import ends.",
          );
    }
    const answer =
      result.kind === "refused"
        ? `HTTP ${result.status}${result.message ? ` (${result.message})` : ""}`
        : "the connection failed";
    if (result.kind === "refused" && result.status === 403) {
      if (refreshes < MAX_URL_REFRESHES) {
        refreshes += 1;
        const fresh = await input.refreshUrl();
        if (fresh === undefined) {
          return { uploaded: false };
        }
        url = fresh;
        continue;
      }
      throw fail(
        result.code,
        `${answer}, also with ${refreshes} freshly signed URLs`,
        () =>
          "A pre-signed URL is valid for minutes from when the service signs it: check the system clock, and " +
          "that no proxy rewrites the request.",
      );
    }
    if (result.kind === "refused" && !isTransient(result.status)) {
      throw fail(
        result.code,
        answer,
        (t) => `The upload endpoint refused the file; check its size, and ${t.argument("endpoint")} if set.`,
      );
    }
    failures += 1;
    if (failures >= input.maxAttempts) {
      throw fail(
        result.code,
        `${answer} on each of ${failures} attempt${failures === 1 ? "" : "s"}`,
        (t) =>
          `${result.kind === "network" ? "Check the network and any proxy, or retry" : "Retry"} later, or raise ` +
          `${t.argument("maxAttempts")} (now ${input.maxAttempts}) to retry longer.`,
      );
    }
    await pause(retryDelay(failures), input);
  }
}
