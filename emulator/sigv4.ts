import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceError } from "./errors";
import type { EmulatorCredentials } from "./types";

/** Who signed a request, from its credential scope. */
export interface Caller {
  readonly accessKeyId: string;
  readonly region: string;
}

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as received, e.g. "/?a=b". */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const SERVICE = "ses";
/** AWS accepts signatures dated up to 15 minutes from its (real) clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const BAD_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

const incomplete = (message: string) => new ServiceError("IncompleteSignatureException", message);
const invalid = (message: string) => new ServiceError("InvalidSignatureException", message);

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

const formatAmzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** Splits `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
function parseAuthorization(value: string): {
  credential: string;
  signedHeaders: string[];
  signature: string;
} {
  const [algorithm, ...rest] = value.trim().split(/\s+/);
  if (algorithm !== "AWS4-HMAC-SHA256") throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`);
  const params = new Map<string, string>();
  for (const part of rest.join(" ").split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((k) => !params.get(k));
  if (missing.length > 0) {
    throw incomplete(missing.map((k) => `Authorization header requires '${k}' parameter.`).join(" "));
  }
  return {
    credential: params.get("Credential")!,
    signedHeaders: params.get("SignedHeaders")!.toLowerCase().split(";"),
    signature: params.get("Signature")!,
  };
}

/**
 * Verifies a SigV4 `Authorization` header by signing the received request again with
 * `@smithy/signature-v4` — same signed headers, same `x-amz-date`, service `ses`, the region of
 * the credential scope — and comparing signatures. Throws the error AWS would send.
 */
export async function verifySigV4(
  request: ReceivedRequest,
  credentials: EmulatorCredentials,
): Promise<Caller> {
  const authorization = headerValue(request.headers, "authorization");
  if (!authorization)
    throw new ServiceError("MissingAuthenticationTokenException", "Missing Authentication Token");
  const { credential, signedHeaders, signature } = parseAuthorization(authorization);

  const [accessKeyId, scopeDate, region, service, terminator, ...extra] = credential.split("/");
  if (!region || terminator !== "aws4_request" || extra.length > 0) {
    throw incomplete(
      `Credential should be scoped to a valid region, not '${region ?? ""}'. Credential=${credential}`,
    );
  }
  if (accessKeyId !== credentials.accessKeyId) {
    throw new ServiceError(
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    );
  }
  if (service !== SERVICE) throw invalid(`Credential should be scoped to correct service: '${SERVICE}'.`);
  if (!signedHeaders.includes("host")) {
    throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const amzDate = headerValue(request.headers, "x-amz-date") ?? "";
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) {
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  // Real time, not the emulator clock: the client signs with its real clock.
  const now = Date.now();
  if (signingDate.getTime() < now - MAX_SKEW_MS) {
    throw invalid(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`,
    );
  }
  if (signingDate.getTime() > now + MAX_SKEW_MS) {
    throw invalid(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`,
    );
  }

  // The signer trusts x-amz-content-sha256 as the payload hash, so check it against the body.
  const contentSha = headerValue(request.headers, "x-amz-content-sha256");
  if (
    contentSha !== undefined &&
    contentSha !== "UNSIGNED-PAYLOAD" &&
    contentSha !== createHash("sha256").update(request.body).digest("hex")
  ) {
    throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  const url = new URL(request.url, "http://emulator.invalid");
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const prior = query[key];
    query[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  const signer = new SignatureV4({
    credentials,
    region,
    service: SERVICE,
    sha256: Hash.bind(null, "sha256"),
    // Sign exactly what the client signed: never add an x-amz-content-sha256 it did not send.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: "http:",
      hostname: headers.host ?? "",
      path: decodeURIComponent(url.pathname),
      query,
      headers,
      body: request.body,
    },
    { signingDate, signingRegion: region, signingService: SERVICE, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? "";
  if (
    expected.length !== signature.length ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  ) {
    throw invalid(BAD_SIGNATURE);
  }
  return { accessKeyId, region };
}
