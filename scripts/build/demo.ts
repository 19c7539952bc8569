// `npm run demo`: the whole product in one run, offline, with the real Pulumi CLI.
//
// 1. Starts the Mail Manager emulator with a sample address list and its import history, and starts
//    one import that takes a few seconds to finish.
// 2. Runs the demo stack (Pulumi.yaml at the repo root, program in examples/demo) on a local file
//    backend in a temporary directory: `up` (the gate waits for that import), the outputs as a table,
//    a second `preview` with no changes, then a new import job appears and `preview` shows exactly
//    one update, then `destroy`. Everything temporary is removed at the end.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import type { Emulator } from "../../emulator";

const REPO = join(__dirname, "..", "..");
const STACK = "demo";
const PROCESSING_SECONDS = 12;
const DAY = 86_400_000;

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const step = (s: string) => console.log(`\n${bold(`▶ ${s}`)}`);

/** The demo's sample data: a newsletter list with a history of imports, one of which failed. */
function sampleSeed(now: number) {
  const job = (
    name: string,
    daysAgo: number,
    status: "COMPLETED" | "FAILED" | "STOPPED",
    imported: number,
    failed: number,
    error?: string,
  ) => ({
    name,
    status,
    importDataType: "CSV" as const,
    createdTimestamp: now - daysAgo * DAY,
    startTimestamp: now - daysAgo * DAY + 5_000,
    completedTimestamp: now - daysAgo * DAY + 65_000,
    importedItemsCount: imported,
    failedItemsCount: failed,
    ...(error ? { error } : {}),
  });
  return {
    addressLists: [
      {
        name: "newsletter-subscribers",
        jobs: [
          job("initial-load", 30, "COMPLETED", 1200, 3),
          job("crm-sync-week-1", 21, "COMPLETED", 85, 0),
          job("crm-sync-week-2", 14, "FAILED", 0, 0, "The file has no 'address' header line."),
          job("crm-sync-week-2-retry", 14, "COMPLETED", 97, 1),
          job("crm-sync-week-3", 7, "STOPPED", 0, 0),
        ],
      },
    ],
  };
}

function client(emulator: Emulator): MailManagerClient {
  return new MailManagerClient({
    endpoint: emulator.url,
    region: emulator.region,
    credentials: emulator.credentials,
  });
}

/** Creates an import job; with a file, uploads it to the job's pre-signed URL as a user would. */
async function createImport(
  emulator: Emulator,
  addressListId: string,
  name: string,
  csv?: string,
): Promise<string> {
  const mm = client(emulator);
  const job = await mm.send(
    new CreateAddressListImportJobCommand({
      AddressListId: addressListId,
      Name: name,
      ImportDataFormat: { ImportDataType: "CSV" },
    }),
  );
  if (csv !== undefined) {
    const put = await fetch(job.PreSignedUrl!, { method: "PUT", body: csv });
    if (!put.ok) throw new Error(`upload failed: ${put.status} ${await put.text()}`);
  }
  mm.destroy();
  return job.JobId!;
}

async function startImport(emulator: Emulator, jobId: string): Promise<void> {
  const mm = client(emulator);
  await mm.send(new StartAddressListImportJobCommand({ JobId: jobId }));
  mm.destroy();
}

interface Cli {
  run(
    args: string[],
    opts?: { show?: boolean; allowFail?: boolean },
  ): Promise<{ code: number; output: string }>;
}

function pulumiCli(cliDir: string, env: NodeJS.ProcessEnv): Cli {
  return {
    run(args, { show = true, allowFail = false } = {}) {
      return new Promise((resolve, reject) => {
        if (show) console.log(`$ pulumi ${args.join(" ")}`);
        const child = spawn(join(cliDir, "pulumi"), [...args, "--non-interactive"], {
          cwd: REPO,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        const forward = (d: Buffer) => {
          output += d;
          if (show) process.stdout.write(d.toString().replace(/^/gm, "  "));
        };
        child.stdout.on("data", forward);
        child.stderr.on("data", forward);
        child.on("error", reject);
        child.on("close", (code) => {
          if (code !== 0 && !allowFail)
            reject(new Error(`pulumi ${args[0]} exited ${code}${show ? "" : `:\n${output}`}`));
          else resolve({ code: code ?? -1, output });
        });
      });
    },
  };
}

function printOutputs(outputs: Record<string, unknown>): void {
  const jobs = (outputs.importJobs ?? []) as Array<Record<string, unknown>>;
  const rows = jobs.map((j) => [
    String(j.jobId),
    String(j.name),
    String(j.status),
    String(j.importedItemsCount ?? ""),
    String(j.failedItemsCount ?? ""),
    String(j.createdTimestamp),
  ]);
  const head = ["jobId", "name", "status", "imported", "failed", "created"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(head));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log();
  for (const [key, value] of Object.entries(outputs)) {
    if (key === "importJobs") continue;
    console.log(`  ${key.padEnd(22)} ${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(join(REPO, "dist", "provider", "index.js"))) {
    step("Building the package (dist/)");
    execFileSync("npm", ["run", "build"], { cwd: REPO, stdio: "inherit" });
  }

  step("Finding the Pulumi CLI (built from Go modules on first use; cached afterwards)");
  const cliDir = execFileSync(join(REPO, "scripts", "env", "ensure-pulumi-cli"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();

  step("Starting the Mail Manager emulator");
  // Loaded from dist/ like the program's own import of the package, after the build above.
  const { startEmulator } = require(join(REPO, "dist", "emulator")) as typeof import("../../emulator");
  const emulator = await startEmulator({ processingMs: PROCESSING_SECONDS * 1000 });
  const work = mkdtempSync(join(tmpdir(), "pmij-demo-"));
  try {
    const [addressListId] = emulator.seed(sampleSeed(Date.now())).addressListIds;
    const csv =
      "address\nada@example.com\ngrace@example.com\nlinus@example.com\nnot-an-address\nmargaret@example.com\n";
    const gateJobId = await createImport(emulator, addressListId, "nightly-import", csv);
    console.log(`  emulator:     ${emulator.url} (region ${emulator.region}, credentials test/test)`);
    console.log(`  address list: ${addressListId} with 5 past imports`);
    console.log(`  import job:   ${gateJobId} (5 addresses uploaded, one of them invalid)`);

    // The program imports the package by name from inside this repository (Node resolves that to the
    // package itself); the provider text Pulumi stores requires it by name too, from the dynamic-provider
    // host, which a program normally finds in its node_modules. Here a link on NODE_PATH stands in.
    const selfModules = join(work, "self", "node_modules");
    mkdirSync(selfModules, { recursive: true });
    symlinkSync(REPO, join(selfModules, "pulumi-mailmanager-import-jobs"), "dir");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_PATH: [selfModules, process.env.NODE_PATH].filter(Boolean).join(delimiter),
      PATH: `${cliDir}${delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: join(work, "home"),
      PULUMI_BACKEND_URL: `file://${work}`,
      PULUMI_CONFIG_PASSPHRASE: "demo",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
      AWS_REGION: emulator.region,
      AWS_EC2_METADATA_DISABLED: "true",
    };
    const pulumi = pulumiCli(cliDir, env);
    await pulumi.run(["stack", "init", STACK], { show: false });
    await pulumi.run(["config", "set", "addressListId", addressListId], { show: false });
    await pulumi.run(["config", "set", "endpoint", emulator.url], { show: false });
    await pulumi.run(["config", "set", "gateJobId", gateJobId], { show: false });
    await pulumi.run(["config", "set", "aws:region", emulator.region], { show: false });

    await startImport(emulator, gateJobId);
    step(
      `pulumi up — import ${gateJobId} started; the gate holds the deployment until it completes (~${PROCESSING_SECONDS} s)`,
    );
    await pulumi.run(["up", "--yes", "--skip-preview"]);

    step("Stack outputs");
    const out = await pulumi.run(["stack", "output", "--json"], { show: false });
    printOutputs(JSON.parse(out.output));

    step("pulumi preview again — nothing changed (even though the service re-signed every upload URL)");
    await pulumi.run(["preview", "--expect-no-changes"]);

    step("A new import job appears in the list");
    const newJob = await createImport(emulator, addressListId, "ad-hoc-import");
    console.log(`  created ${newJob}`);

    step("pulumi preview — exactly one update: the import-job snapshot");
    const preview = await pulumi.run(["preview"]);
    const updates = /(\d+) to update/.exec(preview.output)?.[1] ?? "0";
    console.log(`\n  ${updates === "1" ? "✔" : "✘"} preview reports ${updates} update(s)`);
    if (updates !== "1") throw new Error(`expected exactly one update, preview reported ${updates}`);

    step("pulumi destroy");
    await pulumi.run(["destroy", "--yes", "--skip-preview"]);
    await pulumi.run(["stack", "rm", STACK, "--yes"], { show: false });
    console.log(`\n${bold(`Demo finished in ${Math.round((Date.now() - started) / 1000)} s.`)}`);
  } finally {
    await emulator.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
