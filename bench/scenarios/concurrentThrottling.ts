import { LIST_OPERATION, seedList, seedWarmupList, startBenchEmulator } from "../benchEmulator";
import type { ConcurrentLookupResult, ConcurrentThrottleTask } from "../protocol";
import { runChild } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, floorCalls, median } from "../stats";
import { seedJobs } from "../syntheticJobs";
import { idealListingMs } from "./throttling";

export const CONCURRENT_CONTENDERS: readonly ConcurrentThrottleTask["contender"][] = [
  "ours",
  "sdk",
  "sdk-adaptive",
];

export const CONCURRENT_LABELS: Record<ConcurrentThrottleTask["contender"], string> = {
  ours: "ours (one rate limiter shared by the process)",
  sdk: "SDK loops, default client each (3 attempts, standard)",
  "sdk-adaptive": "SDK loops, retryMode adaptive each",
};

export interface ConcurrentRun {
  readonly contender: ConcurrentThrottleTask["contender"];
  readonly repetition: number;
  readonly wallMs: number;
  readonly lookups: number;
  readonly failed: number;
  readonly errors: readonly string[];
  /** Requests the emulator received, the throttled ones included. */
  readonly calls: number;
  /** Pages the successful lookups needed (the useful requests). */
  readonly usefulPages: number;
  /** Useful pages per second ÷ the limit, against the fastest the limit allows (`idealListingMs`). */
  readonly shareOfLimit: number;
  /** Requests sent per second ÷ the limit. */
  readonly sentOverLimit: number;
}

export interface ConcurrentSummary {
  readonly contender: ConcurrentThrottleTask["contender"];
  readonly runs: number;
  /** Failed lookups over all runs, and lookups made. */
  readonly failedLookups: number;
  readonly lookups: number;
  readonly medianWallMs: number;
  readonly medianCalls: number;
  readonly medianShareOfLimit: number;
  readonly medianSentOverLimit: number;
  /** The worst run's figures, for the targets: every run must meet them. */
  readonly minShareOfLimit: number;
  readonly maxSentOverLimit: number;
}

export interface ConcurrentThrottleResults {
  readonly lookups: number;
  readonly jobs: number;
  readonly tps: number;
  /** Pages of all lists together. */
  readonly pages: number;
  readonly idealMs: number;
  readonly runs: ConcurrentRun[];
  readonly summary: ConcurrentSummary[];
}

/**
 * Scenario 3b: `lookups` lookups of different lists at once (a program that looks up every list of an
 * account) while the emulator allows `tps` requests per second. Ours shares one client-side rate
 * limiter among them; the SDK loops each have their own client.
 */
export async function runConcurrentThrottling(
  settings: BenchSettings,
  childScript: string,
  log: (line: string) => void,
): Promise<ConcurrentThrottleResults> {
  const { lookups, jobs, tps, repetitions, sdkRepetitions } = settings.concurrentThrottling;
  const pagesPerList = floorCalls(jobs);
  const pages = lookups * pagesPerList;
  const idealMs = idealListingMs(pages, tps);
  const emulator = await startBenchEmulator(settings.latencyMs);
  const runs: ConcurrentRun[] = [];
  try {
    const warmupListId = seedWarmupList(emulator);
    const addressListIds = Array.from(
      { length: lookups },
      (_, i) => seedList(emulator, seedJobs(jobs, `list${i}`)).addressListId,
    );
    const plan = CONCURRENT_CONTENDERS.flatMap((contender) =>
      Array.from({ length: contender === "ours" ? repetitions : sdkRepetitions }, (_, repetition) => ({
        contender,
        repetition,
      })),
    );
    for (const { contender, repetition } of plan) {
      const { result } = await runChild<ConcurrentLookupResult>(
        childScript,
        { kind: "throttle-concurrent", contender, endpoint: emulator.url, addressListIds, warmupListId },
        () => {
          // A fresh, full bucket for every run (setFaults restarts it).
          emulator.setFaults({ latencyMs: settings.latencyMs, tps });
          emulator.resetCalls();
        },
      );
      emulator.setFaults({ latencyMs: settings.latencyMs });
      const calls = emulator.calls(LIST_OPERATION);
      const usefulPages = (result.lookups - result.failed) * pagesPerList;
      const run: ConcurrentRun = {
        contender,
        repetition,
        wallMs: result.wallMs,
        lookups: result.lookups,
        failed: result.failed,
        errors: result.errors,
        calls,
        usefulPages,
        shareOfLimit: idealListingMs(usefulPages, tps) / result.wallMs,
        sentOverLimit: calls / (result.wallMs / 1000) / tps,
      };
      runs.push(run);
      log(
        `  ${lookups} at once ${contender.padEnd(12)} ${duration(run.wallMs).padStart(8)}  ` +
          `${run.failed}/${run.lookups} failed  ${run.calls} calls  ` +
          `${(run.shareOfLimit * 100).toFixed(0)}% of the limit useful, sent ${run.sentOverLimit.toFixed(2)}× the limit` +
          (run.errors.length > 0 ? `  (${run.errors[0]})` : ""),
      );
    }
  } finally {
    await emulator.close();
  }
  return {
    lookups,
    jobs,
    tps,
    pages,
    idealMs,
    runs,
    summary: CONCURRENT_CONTENDERS.map((contender) => {
      const own = runs.filter((r) => r.contender === contender);
      return {
        contender,
        runs: own.length,
        failedLookups: own.reduce((n, r) => n + r.failed, 0),
        lookups: own.reduce((n, r) => n + r.lookups, 0),
        medianWallMs: median(own.map((r) => r.wallMs)),
        medianCalls: median(own.map((r) => r.calls)),
        medianShareOfLimit: median(own.map((r) => r.shareOfLimit)),
        medianSentOverLimit: median(own.map((r) => r.sentOverLimit)),
        minShareOfLimit: Math.min(...own.map((r) => r.shareOfLimit)),
        maxSentOverLimit: Math.max(...own.map((r) => r.sentOverLimit)),
      };
    }),
  };
}
