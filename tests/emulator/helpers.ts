import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { MailManagerClient, type MailManagerClientConfig } from "@aws-sdk/client-mailmanager";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Emulator } from "../../emulator";

/** A real SDK client for the emulator; one attempt, so errors and call counts are exact. */
export function clientFor(emulator: Emulator, config: MailManagerClientConfig = {}): MailManagerClient {
  return new MailManagerClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: emulator.credentials,
    maxAttempts: 1,
    ...config,
  });
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error("Expected the call to throw.");
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A hand-built HTTP request, for what the SDK cannot send (malformed, unsigned, tampered). */
export function rawRequest(
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const target = new URL(options.path ?? "/", url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      target,
      { method: options.method ?? "POST", headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/**
 * Signs an awsJson1_0 request like the SDK does (SigV4, service `ses`) and returns the headers,
 * so a test can send it as is or tamper with it first.
 */
export async function signedHeaders(
  emulator: Emulator,
  operation: string,
  body: string,
  options: {
    accessKeyId?: string;
    secretAccessKey?: string;
    region?: string;
    service?: string;
    date?: Date;
  } = {},
): Promise<Record<string, string>> {
  const url = new URL(emulator.url);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: options.accessKeyId ?? emulator.credentials.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? emulator.credentials.secretAccessKey,
    },
    region: options.region ?? "us-east-1",
    service: options.service ?? "ses",
    sha256: Hash.bind(null, "sha256"),
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      query: {},
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.0",
        // An empty operation sends no X-Amz-Target at all.
        ...(operation ? { "x-amz-target": `MailManagerSvc.${operation}` } : {}),
      },
      body,
    },
    { signingDate: options.date },
  );
  return signed.headers as Record<string, string>;
}

/** Sends a correctly signed awsJson1_0 request with an arbitrary body. */
export async function signedRequest(
  emulator: Emulator,
  operation: string,
  body: string,
): Promise<RawResponse> {
  return rawRequest(emulator.url, { headers: await signedHeaders(emulator, operation, body), body });
}

/** Parses an AWS JSON error body and checks it is well formed. */
export function errorOf(response: RawResponse): { type: string; message: string } {
  const body = JSON.parse(response.text) as { __type: string; message: string };
  expect(typeof body.__type).toBe("string");
  expect(typeof body.message).toBe("string");
  expect(response.headers["x-amzn-requestid"]).toBeTruthy();
  return { type: String(response.headers["x-amzn-errortype"]), message: body.message };
}
