/**
 * `npm run bench` — every comparison of issue 6 in one run, against the emulator with an injected
 * per-call latency, contenders alternated, several repetitions, medians and ratios.
 *
 *   npm run bench                 full run (~18 min on 2 cores) → bench/results/latest.{json,md}, wall-vs-n.svg
 *   npm run bench -- --quick      small inputs (< 1 min, for CI) → bench/results/quick.tmp/ (git-ignored)
 *   (--only and --sizes runs write to bench/results/partial.tmp/, also git-ignored)
 *   npm run bench -- --only=listing,processing     a subset of: listing, repeated, throttling, concurrent, gate, processing, cli, import
 *   npm run bench -- --sizes=10000,100000          scenario 1 at these N only
 *   npm run bench -- --chart-only                  redraw results/wall-vs-n.svg from results/latest.json
 *
 * Nothing here asserts a time: the targets are printed as met / MISSED, and the exit code only says
 * whether the harness itself worked.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import { awsCliVersion } from "./awsCli";
import { BUILD_DIR, buildChild, ROOT } from "./buildChild";
import { wallVsNChart } from "./chart";
import {
  concurrentThrottlingTable,
  gateTable,
  listingTable,
  processingTable,
  repeatedTable,
  targetsTable,
  throttlingTable,
  wholeProcessTable,
} from "./report";
import { runConcurrentThrottling } from "./scenarios/concurrentThrottling";
import { runGate, type GateResults } from "./scenarios/gate";
import { runListing, type ListingResults } from "./scenarios/listing";
import { runProcessing } from "./scenarios/processing";
import { runRepeatedLookups } from "./scenarios/repeatedLookups";
import { runThrottling } from "./scenarios/throttling";
import { runWholeProcess } from "./scenarios/wholeProcess";
import { importTable, importTargets, runImport } from "./scenarios/import";
import { FULL, QUICK, type BenchSettings } from "./settings";
import { evaluateTargets, evaluateWholeProcessTargets } from "./targets";

const SCENARIOS = [
  "listing",
  "repeated",
  "throttling",
  "concurrent",
  "gate",
  "processing",
  "cli",
  "import",
] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Options {
  readonly settings: BenchSettings;
  readonly only: ReadonlySet<Scenario>;
  readonly sizesGiven: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  let settings = FULL;
  let only = new Set<Scenario>(SCENARIOS);
  let sizes: number[] | undefined;
  for (const arg of argv) {
    if (arg === "--quick") {
      settings = QUICK;
    } else if (arg.startsWith("--sizes=")) {
      sizes = arg
        .slice("--sizes=".length)
        .split(",")
        .map((text) => Number(text));
      if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
        throw new Error(`Expected --sizes to list whole numbers ≥ 1, got ${arg}.`);
      }
    } else if (arg.startsWith("--only=")) {
      const names = arg.slice("--only=".length).split(",");
      const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
      if (unknown.length > 0) {
        throw new Error(`Unknown scenario ${unknown.join(", ")}; expected some of ${SCENARIOS.join(", ")}.`);
      }
      only = new Set(names as Scenario[]);
    } else {
      throw new Error(
        `Unknown option ${arg}; expected --quick, --only=<scenarios>, --sizes=<n,…> or --chart-only.`,
      );
    }
  }
  if (sizes) {
    settings = { ...settings, listing: { ...settings.listing, sizes } };
  }
  return { settings, only, sizesGiven: sizes !== undefined };
}

/** Whether the compiled package exports issue 4's waiter (scenario 4 needs it). */
function waiterAvailable(): boolean {
  try {
    const provider = require(join(BUILD_DIR, "provider", "index.js")) as { waitForImportJobs?: unknown };
    return typeof provider.waitForImportJobs === "function";
  } catch {
    return false;
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function section(title: string, body: string): string {
  return `\n${title}\n\n${body}\n`;
}

/** Redraws the committed chart from the committed results, e.g. after a change to chart.ts. */
async function redrawChart(): Promise<void> {
  const dir = join(ROOT, "bench", "results");
  const results = JSON.parse(readFileSync(join(dir, "latest.json"), "utf8")) as {
    scenarios: { listing: ListingResults };
  };
  writeFileSync(join(dir, "wall-vs-n.svg"), await wallVsNChart(results.scenarios.listing));
  log(`wrote ${join(dir, "wall-vs-n.svg")}`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--chart-only")) {
    return redrawChart();
  }
  const options = parseOptions(process.argv.slice(2));
  const { settings } = options;
  const started = Date.now();
  // Other work on the machine skews every figure; the load averages say whether there was any.
  const loadAtStart = loadavg();
  // Only a complete full run replaces the committed results; quick and partial runs go to git-ignored folders.
  const partial = options.only.size < SCENARIOS.length || options.sizesGiven;
  const scratch = settings.mode === "quick" ? "quick.tmp" : partial ? "partial.tmp" : undefined;
  const outDir = join(ROOT, "bench", "results", ...(scratch ? [scratch] : []));
  mkdirSync(outDir, { recursive: true });

  log(`bench (${settings.mode}): compiling the child…`);
  const childScript = buildChild();
  const awsCli = await awsCliVersion();
  if (!awsCli) {
    log("AWS CLI not found: its contender is reported as not run.");
  }
  const skipped = { skipped: true } as const;
  const runs = (scenario: Scenario) => options.only.has(scenario);

  log(`scenario 1: listing (latency ${settings.latencyMs} ms)`);
  const listing = runs("listing")
    ? await runListing(settings, childScript, awsCli, log)
    : { latencyMs: settings.latencyMs, sizes: [] };
  log("scenario 2: repeated lookups");
  const repeated = runs("repeated") ? await runRepeatedLookups(settings, childScript, log) : undefined;
  log(`scenario 3: throttling (TPS ${settings.throttling.tps})`);
  const throttling = runs("throttling") ? await runThrottling(settings, childScript, log) : undefined;
  const { lookups, tps } = settings.concurrentThrottling;
  log(`scenario 3b: ${lookups} lookups at once, throttled (TPS ${tps})`);
  const concurrent = runs("concurrent")
    ? await runConcurrentThrottling(settings, childScript, log)
    : undefined;
  log("scenario 4: the gate");
  let gate: GateResults;
  if (!runs("gate")) {
    gate = { available: false, note: "not run (--only)", runs: [] };
  } else if (!waiterAvailable()) {
    gate = {
      available: false,
      note: "not available: waitForImportJobs is not exported by provider/",
      runs: [],
    };
  } else {
    gate = await runGate(settings, childScript, log);
  }
  log("scenario 5: processing cost");
  const processing = runs("processing") ? await runProcessing(settings, childScript, log) : undefined;
  log("scenario 6: whole processes (the bin and the Pulumi-free entry)");
  const wholeProcess = runs("cli") ? await runWholeProcess(settings, awsCli, log) : undefined;
  log(`scenario 7: one import of ${settings.import.addresses} addresses`);
  const importing = runs("import") ? await runImport(settings, log) : undefined;

  const quick = settings.mode === "quick";
  const targets = [
    ...(throttling && processing
      ? evaluateTargets({ listing, throttling, concurrent, gate, processing }, quick)
      : [{ target: "scenarios 1–5", measured: "some scenarios were not run", met: "n/a" as const }]),
    ...(wholeProcess ? evaluateWholeProcessTargets(wholeProcess, quick) : []),
    ...(importing ? importTargets(importing, quick) : []),
  ];
  const durationS = (Date.now() - started) / 1000;
  const header =
    `pulumi-mailmanager-import-jobs benchmarks (${settings.mode}), ${new Date(started).toISOString()}, ` +
    `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}; ` +
    `emulator latency ${settings.latencyMs} ms per call; ${awsCli ?? "AWS CLI not installed"}; ` +
    `took ${durationS.toFixed(0)} s; ` +
    `load average ${loadAtStart[0].toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`;

  const tables = (markdown: boolean) =>
    [
      section(
        "1. List every job: ours vs the SDK paginator loop vs the AWS CLI",
        listingTable(listing, markdown),
      ),
      repeated
        ? section(
            `2. ${repeated.times} identical lookups in one program (${repeated.jobs} jobs)`,
            repeatedTable(repeated, markdown),
          )
        : "",
      throttling
        ? section(
            `3. Throttled: TPS ${throttling.tps}, ${throttling.jobs} jobs (${throttling.pages} pages, ideal ${(throttling.idealMs / 1000).toFixed(1)} s)`,
            throttlingTable(throttling, markdown),
          )
        : "",
      concurrent
        ? section(
            `3b. Throttled: ${concurrent.lookups} lookups at once, ${concurrent.jobs} jobs each, TPS ${concurrent.tps} ` +
              `(${concurrent.pages} pages, ideal ${(concurrent.idealMs / 1000).toFixed(1)} s)`,
            concurrentThrottlingTable(concurrent, markdown),
          )
        : "",
      section("4. The gate (waitForImportJobs with jobIds)", gateTable(gate, markdown)),
      processing
        ? section(
            "5. CPU and memory of the result builder, no network",
            processingTable(processing, markdown),
          )
        : "",
      wholeProcess
        ? section(
            "6. Whole processes: start-up, the bin's list, 100 000 jobs through the client entry (÷ ref: the SDK client, the raw SDK script)",
            wholeProcessTable(wholeProcess, markdown),
          )
        : "",
      importing
        ? section(
            `7. One import of ${importing.addresses.toLocaleString("en-US")} addresses: importAddresses vs a raw SDK + fetch script`,
            importTable(importing, markdown),
          )
        : "",
      section(
        settings.mode === "quick" ? "Targets (quick run: inputs too small to judge)" : "Targets",
        targetsTable(targets, markdown),
      ),
    ].join("");

  process.stdout.write(`\n${header}\n${tables(false)}`);

  const results = {
    benchmark: "pulumi-mailmanager-import-jobs",
    mode: settings.mode,
    startedAt: new Date(started).toISOString(),
    durationS,
    machine: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim(),
      totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
      loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(2))),
      loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    },
    settings: {
      latencyMs: settings.latencyMs,
      listing: settings.listing.sizes.map((n) => ({
        n,
        repetitions: settings.listing.repetitions(n),
        cliRepetitions: settings.listing.cliRepetitions(n),
      })),
      repeated: settings.repeated,
      throttling: settings.throttling,
      concurrentThrottling: settings.concurrentThrottling,
      gate: settings.gate,
      processing: settings.processing,
      wholeProcess: {
        ...settings.wholeProcess,
        listing: settings.wholeProcess.listSizes.map((n) => ({
          n,
          repetitions: settings.wholeProcess.listRepetitions(n),
          cliRepetitions: settings.wholeProcess.cliRepetitions(n),
        })),
      },
    },
    awsCli: awsCli ?? null,
    scenarios: {
      listing,
      repeated: repeated ?? skipped,
      throttling: throttling ?? skipped,
      concurrentThrottling: concurrent ?? skipped,
      gate,
      processing: processing ?? skipped,
      wholeProcess: wholeProcess ?? skipped,
      import: importing ?? skipped,
    },
    targets,
  };
  writeFileSync(join(outDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, "latest.md"), `${header}\n${tables(true)}`);
  if (listing.sizes.length > 0) {
    const svg = await wallVsNChart(listing);
    writeFileSync(join(outDir, "wall-vs-n.svg"), svg);
  }
  log(`\nwrote ${join(outDir, "latest.json")}, latest.md and wall-vs-n.svg (${durationS.toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
