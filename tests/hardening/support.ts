import {
  CreateAddressListImportJobCommand,
  DeleteAddressListCommand,
  MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import { connect } from "node:net";
import type { Emulator } from "../../emulator";
import { REQUEST_TIMEOUT_ENV, RETRY_DELAY_ENV } from "../../provider/core/createClient";

/**
 * Shared set-up of the hardening suites: fast SDK retries and a short request timeout (both through
 * the package's environment variables, so they also reach a provider host), a fault-free client for
 * the test's own changes to the emulator, a time bound that counts as a hang, and the one summary
 * line each suite prints.
 */

/** Backoff base of the SDK's retries in these suites, in ms (retry n waits n × 2^(n−1) ms at most). */
export const FAST_RETRY_DELAY_MS = 1;

/** Request timeout in these suites, in ms: a "slow" response is one slower than this. */
export const SHORT_REQUEST_TIMEOUT_MS = 100;

/** Sets the retry delay and request timeout variables; returns a function that restores them. */
export function useFastClientEnvironment(): () => void {
  const saved = { retry: process.env[RETRY_DELAY_ENV], timeout: process.env[REQUEST_TIMEOUT_ENV] };
  process.env[RETRY_DELAY_ENV] = String(FAST_RETRY_DELAY_MS);
  process.env[REQUEST_TIMEOUT_ENV] = String(SHORT_REQUEST_TIMEOUT_MS);
  return () => {
    for (const [name, value] of [
      [RETRY_DELAY_ENV, saved.retry],
      [REQUEST_TIMEOUT_ENV, saved.timeout],
    ] as const) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  };
}

/** A plain SDK client for the test's own requests (create a job, delete a list), independent of the package. */
export function testClient(emulator: Emulator): MailManagerClient {
  return new MailManagerClient({
    endpoint: emulator.url,
    region: emulator.region,
    credentials: emulator.credentials,
    maxAttempts: 3,
  });
}

/** Creates `count` import jobs in a list through the API; returns their ids. */
export async function createJobs(
  client: MailManagerClient,
  addressListId: string,
  count: number,
  prefix: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: `${prefix}-${i}`,
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    ids.push(created.JobId as string);
  }
  return ids;
}

/** Deletes an address list and its jobs; a list already gone is fine. */
export async function deleteList(client: MailManagerClient, addressListId: string): Promise<void> {
  await client
    .send(new DeleteAddressListCommand({ AddressListId: addressListId }))
    .catch((error: unknown) => {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    });
}

/** What a bounded run ended with. */
export type Outcome<T> =
  | { readonly kind: "value"; readonly value: T }
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "hang" };

/** Runs `work`, but gives up after `ms` and reports a hang instead of waiting any longer. */
export async function bounded<T>(work: () => Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "hang" }), ms);
  });
  try {
    return await Promise.race([
      work().then(
        (value): Outcome<T> => ({ kind: "value", value }),
        (error: unknown): Outcome<T> => ({ kind: "error", error }),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Prints a suite's summary line once, outside Jest's console decoration, so the figures are easy to grep. */
export function printSummary(line: string): void {
  process.stdout.write(`\n${line}\n`);
}

/** An HTTP answer read off a raw socket. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Writes `payload` byte for byte to a fresh connection to `url` (what no HTTP client would send) and
 * parses the first answer; undefined when the emulator closed the connection without one.
 */
export function rawExchange(url: string, payload: string, timeoutMs = 3_000): Promise<RawAnswer | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.end(Buffer.from(payload, "latin1")));
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      const [statusLine, ...headerLines] = text.slice(0, split === -1 ? text.length : split).split("\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      if (status === 0) {
        resolve(undefined);
        return;
      }
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers, body: split === -1 ? "" : text.slice(split + 4) });
    });
  });
}
