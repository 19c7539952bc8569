#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEmulator } from "./index";
import type { EmulatorOptions, ListOrder, SeedData } from "./types";

const USAGE = `Usage: mailmanager-emulator [options]

A local, wire-compatible AWS SES Mail Manager endpoint (address lists and import jobs).

Options:
  --port N                 port to listen on; 0 picks a free one (default 0)
  --host HOST              interface to bind (default 127.0.0.1)
  --seed FILE              JSON file of SeedData ({"addressLists": [...]}) to load at start
  --region REGION          region reported and used in ARNs (default us-east-1)
  --access-key-id ID       the accepted access key (default test)
  --secret-access-key KEY  its secret (default test)
  --processing-ms N        time from StartAddressListImportJob to a terminal status (default 2000)
  --presign-ttl SECONDS    lifetime of pre-signed upload URLs; a PUT after it gets 403
                           AccessDenied "Request has expired" (default 900)
  --latency-ms N           delay added to every API response (default 0)
  --tps N                  request rate limit; excess requests get ThrottlingException
  --list-order ORDER       shuffled | creation | reverse (default shuffled)
  --log                    print one line per request to stderr
  -h, --help               show this help
`;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new Error(`--${name} expects a number >= 0, got '${value}'.`);
  }
  return n;
}

function parseOptions(argv: string[]): EmulatorOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      region: { type: "string" },
      "access-key-id": { type: "string" },
      "secret-access-key": { type: "string" },
      "processing-ms": { type: "string" },
      "presign-ttl": { type: "string" },
      "latency-ms": { type: "string" },
      tps: { type: "string" },
      "list-order": { type: "string" },
      log: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return undefined;
  const accessKeyId = values["access-key-id"] ?? "test";
  const secretAccessKey = values["secret-access-key"] ?? "test";
  const latencyMs = number("latency-ms", values["latency-ms"]);
  const tps = number("tps", values.tps);
  const presignTtl = number("presign-ttl", values["presign-ttl"]);
  if (presignTtl !== undefined && !(Number.isInteger(presignTtl) && presignTtl > 0)) {
    throw new Error(`--presign-ttl expects a whole number of seconds > 0, got '${values["presign-ttl"]}'.`);
  }
  return {
    port: number("port", values.port) ?? 0,
    host: values.host,
    region: values.region,
    credentials: { accessKeyId, secretAccessKey },
    processingMs: number("processing-ms", values["processing-ms"]),
    presignedUrlTtlSeconds: presignTtl,
    listOrder: values["list-order"] as ListOrder | undefined,
    faults: { latencyMs, tps },
    seed: values.seed === undefined ? undefined : (JSON.parse(readFileSync(values.seed, "utf8")) as SeedData),
    log: values.log ? (line) => process.stderr.write(`${line}\n`) : undefined,
  };
}

async function main(): Promise<void> {
  let options: EmulatorOptions | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`mailmanager-emulator: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  const { accessKeyId, secretAccessKey } = emulator.credentials;
  process.stdout.write(
    [
      `Mail Manager emulator listening on ${emulator.url}`,
      `  region:            ${emulator.region}`,
      `  access key id:     ${accessKeyId}`,
      `  secret access key: ${secretAccessKey}`,
      `Try: AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey} aws mailmanager list-address-lists --endpoint-url ${emulator.url} --region ${emulator.region}`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
  const stop = () => {
    emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`mailmanager-emulator: ${(e as Error)?.message ?? e}\n`);
  process.exit(1);
});
