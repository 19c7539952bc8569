import { runAwsCli } from "../awsCli";
import { LIST_OPERATION, seedList, seedWarmupList, startBenchEmulator } from "../benchEmulator";
import type { LookupResult } from "../protocol";
import { runChild } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, floorCalls, median, rotate } from "../stats";
import { seedJobs } from "../syntheticJobs";

/** The three ways of listing every job, as the issue names them. */
export const LISTING_CONTENDERS = ["ours", "sdk", "awscli"] as const;
export type ListingContender = (typeof LISTING_CONTENDERS)[number];

export const CONTENDER_LABELS: Record<ListingContender, string> = {
  ours: "ours (getAddressListImportJobs)",
  sdk: "SDK paginator loop + sort",
  awscli: "AWS CLI v1 auto-pagination",
};

/** One measured run. */
export interface ListingRun extends LookupResult {
  readonly contender: ListingContender;
  readonly repetition: number;
  /** ListAddressListImportJobs requests the emulator received during the run. */
  readonly calls: number;
  /** CPU of the emulator (the parent process) during the run, ms. */
  readonly emulatorCpuMs: number;
}

/** Medians over one contender's runs at one size. */
export interface ListingSummary {
  readonly runs: number;
  readonly failures: number;
  readonly calls: number;
  readonly wallMs: number;
  readonly wallMinMs: number;
  readonly wallMaxMs: number;
  /** Median wall time ÷ (floor calls × latency). */
  readonly ratioToFloor: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly baselineRssMb: number;
  readonly emulatorCpuMs: number;
}

export interface ListingSize {
  readonly n: number;
  readonly floorCalls: number;
  /** floorCalls × latency: the wall time of the calls alone, ms. */
  readonly floorMs: number;
  readonly runs: ListingRun[];
  readonly summary: Partial<Record<ListingContender, ListingSummary>>;
  /** Median over repetitions of (ours ÷ SDK loop) wall time, runs paired by repetition. */
  readonly oursOverSdk: number;
}

export interface ListingResults {
  readonly latencyMs: number;
  readonly awsCli?: string;
  readonly sizes: ListingSize[];
}

function summarise(runs: ListingRun[], floorMs: number): ListingSummary {
  const wall = runs.map((r) => r.wallMs);
  return {
    runs: runs.length,
    failures: runs.filter((r) => r.error !== undefined).length,
    calls: median(runs.map((r) => r.calls)),
    wallMs: median(wall),
    wallMinMs: Math.min(...wall),
    wallMaxMs: Math.max(...wall),
    ratioToFloor: median(wall) / floorMs,
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    baselineRssMb: median(runs.map((r) => r.baselineRssMb)),
    emulatorCpuMs: median(runs.map((r) => r.emulatorCpuMs)),
  };
}

/**
 * Scenario 1: list every job of an N-job list with each contender, alternating which goes first,
 * one fresh emulator per N (so a small list is not slowed by a large one in the same store).
 */
export async function runListing(
  settings: BenchSettings,
  childScript: string,
  awsCli: string | undefined,
  log: (line: string) => void,
): Promise<ListingResults> {
  const sizes: ListingSize[] = [];
  const contenders = LISTING_CONTENDERS.filter((c) => c !== "awscli" || awsCli !== undefined);
  for (const n of settings.listing.sizes) {
    const emulator = await startBenchEmulator(settings.latencyMs);
    try {
      const warmupListId = seedWarmupList(emulator);
      const { addressListId } = seedList(emulator, seedJobs(n));
      const repetitions = settings.listing.repetitions(n);
      const runs: ListingRun[] = [];
      for (let repetition = 0; repetition < repetitions; repetition += 1) {
        for (const contender of rotate(contenders, repetition)) {
          if (contender === "awscli" && repetition >= settings.listing.cliRepetitions(n)) {
            continue;
          }
          let result: LookupResult;
          let emulatorCpuMs: number;
          if (contender === "awscli") {
            emulator.resetCalls();
            const cpu0 = process.cpuUsage();
            result = await runAwsCli(emulator.url, addressListId);
            const cpu = process.cpuUsage(cpu0);
            emulatorCpuMs = (cpu.user + cpu.system) / 1000;
          } else {
            ({ result, emulatorCpuMs } = await runChild<LookupResult>(
              childScript,
              { kind: "list", contender, endpoint: emulator.url, addressListId, warmupListId },
              () => emulator.resetCalls(),
            ));
          }
          const run: ListingRun = {
            ...result,
            contender,
            repetition,
            calls: emulator.calls(LIST_OPERATION),
            emulatorCpuMs,
            ...(result.error === undefined && result.jobs !== n
              ? { error: `returned ${result.jobs} jobs, expected ${n}` }
              : {}),
          };
          runs.push(run);
          log(
            `  listing N=${n} #${repetition + 1}/${repetitions} ${contender.padEnd(6)} ` +
              `${duration(run.wallMs).padStart(8)}  ${run.calls} calls${run.error ? `  ERROR ${run.error}` : ""}`,
          );
        }
      }
      const floorMs = floorCalls(n) * settings.latencyMs;
      const summary: Partial<Record<ListingContender, ListingSummary>> = {};
      for (const contender of contenders.filter((c) => runs.some((r) => r.contender === c))) {
        summary[contender] = summarise(
          runs.filter((r) => r.contender === contender),
          floorMs,
        );
      }
      const paired = Array.from({ length: repetitions }, (_, repetition) => {
        const of = (c: ListingContender) =>
          runs.find((r) => r.contender === c && r.repetition === repetition);
        return (of("ours")?.wallMs ?? NaN) / (of("sdk")?.wallMs ?? NaN);
      });
      sizes.push({ n, floorCalls: floorCalls(n), floorMs, runs, summary, oursOverSdk: median(paired) });
    } finally {
      await emulator.close();
    }
  }
  return { latencyMs: settings.latencyMs, ...(awsCli ? { awsCli } : {}), sizes };
}
