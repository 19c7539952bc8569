// Shared set-up of the importer's suites: one emulator per file on a ManualClock, whose time the
// importer's `sleep` advances (so a wait of minutes, and the job's processing, take no real time), a
// hook on the emulator's request log (to act between two requests of an import), and a fresh address
// list per test.
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetAddressListImportJobCommand, MailManagerClient } from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import type { ImportAddressesArgs } from "../../provider/client";

/** Time from StartAddressListImportJob to a finished job, in ms of the emulator's clock. */
export const PROCESSING_MS = 5_000;

/** Lifetime of the emulator's pre-signed URLs, in seconds. */
export const URL_TTL_SECONDS = 60;

export interface ImporterFixture {
  readonly emulator: Emulator;
  readonly clock: ManualClock;
  /** Every `sleep` the importer asked for, in ms. */
  readonly sleeps: number[];
  /** Runs `hook` on each line of the emulator's request log (e.g. "PUT upload 200 3ms"); undefined to stop. */
  onRequest(hook: ((line: string) => void) | undefined): void;
  /** A new, empty address list. */
  newList(): string;
  /** The importer's arguments for `addressListId`: the emulator's endpoint and fake time. */
  args(addressListId: string): Pick<ImportAddressesArgs, "addressListId" | "endpoint" | "sleep" | "now">;
  /** The job as the emulator holds it now, read with a plain SDK client. */
  job(jobId: string): Promise<{ Status?: string; ImportedItemsCount?: number; Name?: string }>;
  /** A temporary folder, removed after the file's tests. */
  readonly dir: string;
}

/** Starts the emulator before the file's tests and closes it after them. */
export function useImporterFixture(): ImporterFixture {
  const clock = new ManualClock(Date.UTC(2025, 5, 1));
  const sleeps: number[] = [];
  let hook: ((line: string) => void) | undefined;
  let emulator: Emulator | undefined;
  let client: MailManagerClient | undefined;
  let lists = 0;
  const dir = mkdtempSync(join(tmpdir(), "mm-importer-"));
  beforeAll(async () => {
    emulator = await startEmulator({
      clock,
      processingMs: PROCESSING_MS,
      presignedUrlTtlSeconds: URL_TTL_SECONDS,
      log: (line) => hook?.(line),
    });
    client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
  });
  afterEach(() => {
    hook = undefined;
    sleeps.length = 0;
    emulator?.setFaults({});
  });
  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const running = (): Emulator => {
    if (emulator === undefined) throw new Error("the emulator runs only inside the file's hooks and tests");
    return emulator;
  };
  return {
    get emulator() {
      return running();
    },
    clock,
    sleeps,
    dir,
    onRequest(next) {
      hook = next;
    },
    newList() {
      lists += 1;
      return running().seed({ addressLists: [{ name: `list-${lists}` }] }).addressListIds[0];
    },
    args(addressListId) {
      return {
        addressListId,
        endpoint: running().url,
        now: () => clock.now(),
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
      };
    },
    job: (jobId) => client!.send(new GetAddressListImportJobCommand({ JobId: jobId })),
  };
}

/** `count` distinct addresses, e.g. "user-000001@example.com". */
export function addresses(count: number, prefix = "user"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(6, "0")}@example.com`);
}

/** A CSV import file of `list`, with its header line. */
export function csvOf(list: readonly string[]): string {
  return `address\n${list.join("\n")}\n`;
}

/** Writes a CSV of `count` generated addresses to `path`, streaming, and returns the path. */
export async function writeCsvFile(path: string, count: number): Promise<string> {
  const out = createWriteStream(path);
  out.write("address\n");
  for (let i = 0; i < count; i++) {
    if (!out.write(`member-${String(i).padStart(7, "0")}@example.com\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return path;
}
