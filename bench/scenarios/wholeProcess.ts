import { join } from "node:path";
import { runAwsCli } from "../awsCli";
import { LIST_OPERATION, seedList, startBenchEmulator } from "../benchEmulator";
import { BUILD_DIR } from "../buildChild";
import { childEnvironment } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, median, rotate } from "../stats";
import { seedJobs } from "../syntheticJobs";
import { timeProcess, type ProcessRun } from "../timeProcess";

/**
 * Scenario 6: whole processes, as a CI step or an operator runs them. Start-up (`require` of the
 * Pulumi-free entry against the AWS SDK client alone), `mailmanager-import-jobs list` against the AWS
 * CLI v1 and a raw SDK script, and 100 000 jobs through the client entry against the raw script.
 */

/** The programs compared; each is one process from spawn to exit. */
export const WHOLE_PROCESS_LABELS = {
  client: "require('pulumi-mailmanager-import-jobs/client')",
  sdk: "require('@aws-sdk/client-mailmanager')",
  root: "require('pulumi-mailmanager-import-jobs') (root, loads Pulumi)",
  bin: "mailmanager-import-jobs list --output json",
  raw: "raw SDK script (paginate, sort, print JSON)",
  awscli: "AWS CLI v1 list-address-list-import-jobs",
  clientLookup: "client entry: getAddressListImportJobs",
  clientFingerprint: "client entry, its fingerprint read too",
  rawLookup: "raw SDK script (paginate, sort)",
} as const;
export type WholeProcessContender = keyof typeof WHOLE_PROCESS_LABELS;

/** Medians over one contender's runs. */
export interface ProcessSummary {
  readonly contender: WholeProcessContender;
  readonly runs: number;
  readonly failures: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** ListAddressListImportJobs calls of the median run (listing rows only). */
  readonly calls?: number;
}

/** One group of contenders run side by side (alternating who goes first). */
export interface ProcessGroup {
  /** Jobs in the list (0 for start-up). */
  readonly n: number;
  readonly latencyMs: number;
  readonly summary: ProcessSummary[];
}

export interface WholeProcessResults {
  readonly startup: ProcessGroup;
  readonly listing: ProcessGroup[];
  readonly large?: ProcessGroup & {
    /**
     * CPU of each client-entry contender ÷ the raw script's, the median over repetitions of the runs
     * made side by side: steadier than a ratio of medians on a machine whose speed drifts.
     */
    readonly pairedCpuOverRaw: { readonly clientLookup: number; readonly clientFingerprint: number };
  };
}

interface MeasuredRun extends ProcessRun {
  readonly contender: WholeProcessContender;
  readonly calls: number;
  readonly error?: string;
}

function summarise(runs: readonly MeasuredRun[], contender: WholeProcessContender): ProcessSummary {
  const mine = runs.filter((run) => run.contender === contender);
  const ok = mine.filter((run) => run.error === undefined);
  return {
    contender,
    runs: mine.length,
    failures: mine.length - ok.length,
    wallMs: median(ok.map((run) => run.wallMs)),
    cpuMs: median(ok.map((run) => run.cpuMs)),
    peakRssMb: median(ok.map((run) => run.peakRssMb)),
    calls: median(ok.map((run) => run.calls)),
  };
}

/** Runs `contenders` `repetitions` times each, rotating the order every repetition. */
async function alternate(
  contenders: readonly WholeProcessContender[],
  repetitions: (contender: WholeProcessContender) => number,
  run: (contender: WholeProcessContender) => Promise<MeasuredRun>,
  log: (line: string) => void,
  label: string,
): Promise<MeasuredRun[]> {
  const runs: MeasuredRun[] = [];
  const most = Math.max(...contenders.map(repetitions));
  for (let repetition = 0; repetition < most; repetition += 1) {
    for (const contender of rotate(contenders, repetition)) {
      if (repetition >= repetitions(contender)) continue;
      const result = await run(contender);
      runs.push(result);
      log(
        `  ${label} #${repetition + 1} ${contender.padEnd(12)} ${duration(result.wallMs).padStart(8)}  ` +
          `cpu ${duration(result.cpuMs)}  rss ${result.peakRssMb.toFixed(0)} MB` +
          `${result.error ? `  ERROR ${result.error}` : ""}`,
      );
    }
  }
  return runs;
}

/** Jobs a run printed or counted: the JSON's length, or the number the `count` mode prints. */
function jobsIn(stdout: string, contender: WholeProcessContender): number {
  if (contender === "bin") return (JSON.parse(stdout) as { importJobs: unknown[] }).importJobs.length;
  if (contender === "raw") return (JSON.parse(stdout) as unknown[]).length;
  return Number(stdout.trim().split(" ")[0]);
}

export async function runWholeProcess(
  settings: BenchSettings,
  awsCli: string | undefined,
  log: (line: string) => void,
): Promise<WholeProcessResults> {
  const s = settings.wholeProcess;
  const env = childEnvironment();
  const node = process.execPath;
  const built = (...path: string[]) => join(BUILD_DIR, ...path);
  const script = {
    bin: built("provider", "cli", "main.js"),
    raw: built("bench", "wholeProcess", "rawSdkList.js"),
    client: built("bench", "wholeProcess", "clientList.js"),
  };
  const failed = (run: ProcessRun): string | undefined =>
    run.code === 0 ? undefined : `exit ${run.code}: ${run.stderr.slice(0, 200)}`;

  // Start-up: `node -e "require(...)"`, nothing else.
  const requireOf: Partial<Record<WholeProcessContender, string>> = {
    client: built("provider", "client.js"),
    sdk: "@aws-sdk/client-mailmanager",
    root: built("provider", "index.js"),
  };
  const startupRuns = await alternate(
    ["client", "sdk", "root"],
    () => s.requireRepetitions,
    async (contender) => {
      const run = await timeProcess(node, ["-e", `require(${JSON.stringify(requireOf[contender])})`], env);
      return { ...run, contender, calls: 0, ...(failed(run) ? { error: failed(run) } : {}) };
    },
    log,
    "start-up",
  );
  const startup: ProcessGroup = {
    n: 0,
    latencyMs: 0,
    summary: (["client", "sdk", "root"] as const).map((c) => summarise(startupRuns, c)),
  };

  // Listing N jobs at the bench latency: the bin, the raw SDK script, the AWS CLI.
  const listing: ProcessGroup[] = [];
  for (const n of s.listSizes) {
    const emulator = await startBenchEmulator(settings.latencyMs);
    try {
      const { addressListId } = seedList(emulator, seedJobs(n));
      const contenders: WholeProcessContender[] = awsCli ? ["bin", "raw", "awscli"] : ["bin", "raw"];
      const runs = await alternate(
        contenders,
        (c) => (c === "awscli" ? s.cliRepetitions(n) : s.listRepetitions(n)),
        async (contender) => {
          emulator.resetCalls();
          if (contender === "awscli") {
            const cli = await runAwsCli(emulator.url, addressListId);
            return {
              wallMs: cli.wallMs,
              cpuMs: cli.cpuMs,
              peakRssMb: cli.peakRssMb,
              code: cli.error ? 1 : 0,
              stdout: "",
              stderr: "",
              contender,
              calls: emulator.calls(LIST_OPERATION),
              ...(cli.error
                ? { error: cli.error }
                : cli.jobs !== n
                  ? { error: `listed ${cli.jobs} jobs` }
                  : {}),
            };
          }
          const args =
            contender === "bin"
              ? [
                  script.bin,
                  "list",
                  "--address-list-id",
                  addressListId,
                  "--endpoint",
                  emulator.url,
                  "--output",
                  "json",
                ]
              : [script.raw, emulator.url, addressListId, "print"];
          const run = await timeProcess(node, args, env);
          const error = failed(run) ?? (jobsIn(run.stdout, contender) === n ? undefined : "wrong job count");
          return {
            ...run,
            stdout: "",
            contender,
            calls: emulator.calls(LIST_OPERATION),
            ...(error ? { error } : {}),
          };
        },
        log,
        `list N=${n}`,
      );
      listing.push({ n, latencyMs: settings.latencyMs, summary: contenders.map((c) => summarise(runs, c)) });
    } finally {
      await emulator.close();
    }
  }

  // 100 000 jobs: CPU and peak RSS of the whole lookup (latency does not change either; 0 keeps it short).
  let large: WholeProcessResults["large"];
  if (s.largeJobs > 0) {
    const emulator = await startBenchEmulator(s.largeLatencyMs);
    try {
      const { addressListId } = seedList(emulator, seedJobs(s.largeJobs));
      const contenders = ["clientLookup", "clientFingerprint", "rawLookup"] as const;
      const runs = await alternate(
        contenders,
        () => s.largeRepetitions,
        async (contender) => {
          emulator.resetCalls();
          const [file, mode] =
            contender === "rawLookup"
              ? [script.raw, "count"]
              : [script.client, contender === "clientFingerprint" ? "fingerprint" : "count"];
          const run = await timeProcess(node, [file, emulator.url, addressListId, mode], env);
          const error =
            failed(run) ?? (jobsIn(run.stdout, contender) === s.largeJobs ? undefined : "wrong job count");
          return { ...run, contender, calls: emulator.calls(LIST_OPERATION), ...(error ? { error } : {}) };
        },
        log,
        `lookup N=${s.largeJobs}`,
      );
      const cpuOf = (contender: WholeProcessContender) =>
        runs.filter((run) => run.contender === contender).map((run) => (run.error ? NaN : run.cpuMs));
      const raw = cpuOf("rawLookup");
      const paired = (contender: WholeProcessContender) =>
        median(cpuOf(contender).map((cpuMs, repetition) => cpuMs / raw[repetition]));
      large = {
        n: s.largeJobs,
        latencyMs: s.largeLatencyMs,
        summary: contenders.map((c) => summarise(runs, c)),
        pairedCpuOverRaw: {
          clientLookup: paired("clientLookup"),
          clientFingerprint: paired("clientFingerprint"),
        },
      };
    } finally {
      await emulator.close();
    }
  }
  return { startup, listing, ...(large ? { large } : {}) };
}
