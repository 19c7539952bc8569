import type { ProcessingResult } from "../protocol";
import { runChild } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, median } from "../stats";

export interface ProcessingResults {
  readonly jobs: number;
  readonly repetitions: number;
  /** Medians over the repetitions after the first (which includes JIT warm-up), CPU ms. */
  readonly totalCpuMs: number;
  readonly totalWallMs: number;
  readonly firstCpuMs: number;
  readonly normaliseMs: number;
  readonly sortMs: number;
  readonly fingerprintMs: number;
  readonly naiveSortMs: number;
  /** RSS with the input built, MB; peak after the first build; the process's peak over all repetitions. */
  readonly inputRssMb: number;
  readonly firstPeakRssMb: number;
  readonly peakRssMb: number;
  readonly raw: ProcessingResult;
}

/**
 * Scenario 5: the product's own CPU and memory on `jobs` jobs with no network: `buildImportJobsResult`
 * (normalise, filter, sort, summarise, fingerprint) on SDK-shaped jobs in shuffled order, and its
 * three costly steps one by one, against the plain sort a user would write.
 */
export async function runProcessing(
  settings: BenchSettings,
  childScript: string,
  log: (line: string) => void,
): Promise<ProcessingResults> {
  const { jobs, repetitions } = settings.processing;
  const { result } = await runChild<ProcessingResult>(childScript, { kind: "processing", jobs, repetitions });
  const steady = result.repetitions.length > 1 ? result.repetitions.slice(1) : result.repetitions;
  const of = (pick: (r: (typeof steady)[number]) => number) => median(steady.map(pick));
  const summary: ProcessingResults = {
    jobs,
    repetitions,
    totalCpuMs: of((r) => r.totalCpuMs),
    totalWallMs: of((r) => r.totalWallMs),
    firstCpuMs: result.repetitions[0]?.totalCpuMs ?? NaN,
    normaliseMs: of((r) => r.normaliseMs),
    sortMs: of((r) => r.sortMs),
    fingerprintMs: of((r) => r.fingerprintMs),
    naiveSortMs: of((r) => r.naiveSortMs),
    inputRssMb: result.inputRssMb,
    firstPeakRssMb: result.firstPeakRssMb,
    peakRssMb: result.peakRssMb,
    raw: result,
  };
  log(
    `  processing ${jobs} jobs: ${duration(summary.totalCpuMs)} CPU (first ${duration(summary.firstCpuMs)}), ` +
      `RSS ${summary.inputRssMb.toFixed(0)} MB with the input, ${summary.firstPeakRssMb.toFixed(0)} MB after one build`,
  );
  return summary;
}
