import { LIST_OPERATION, seedList, seedWarmupList, startBenchEmulator } from "../benchEmulator";
import type { LookupResult, ThrottleTask } from "../protocol";
import { runChild } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, floorCalls, median, rotate } from "../stats";
import { seedJobs } from "../syntheticJobs";

export const THROTTLE_CONTENDERS: readonly ThrottleTask["contender"][] = ["ours", "sdk", "sdk-adaptive"];

export const THROTTLE_LABELS: Record<ThrottleTask["contender"], string> = {
  ours: "ours (defaults: 8 attempts, standard retry)",
  sdk: "SDK loop, default client (3 attempts, standard)",
  "sdk-adaptive": "SDK loop, retryMode adaptive (3 attempts)",
};

export interface ThrottleRun {
  readonly contender: ThrottleTask["contender"];
  readonly repetition: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly ok: boolean;
  readonly error?: string;
  /** Requests sent, the throttled ones included. */
  readonly calls: number;
  /**
   * How close to the limit the run went: the fastest possible listing under the limit (`idealMs`) ÷ this
   * run's wall time; 1 = every second's tokens used. Successful runs only.
   */
  readonly shareOfLimit: number;
}

export interface ThrottleSummary {
  readonly contender: ThrottleTask["contender"];
  readonly runs: number;
  readonly failures: number;
  readonly medianWallMs: number;
  readonly medianCalls: number;
  readonly medianShareOfLimit: number;
}

export interface ThrottleResults {
  readonly jobs: number;
  readonly tps: number;
  readonly pages: number;
  /** Fastest possible listing under the limit: the bucket starts with one second's worth of tokens. */
  readonly idealMs: number;
  readonly runs: ThrottleRun[];
  readonly summary: ThrottleSummary[];
}

/**
 * The fastest listing of `pages` pages under a `tps` limit, ms: the emulator's bucket starts full with
 * one second's worth of tokens, then refills at `tps` per second.
 */
export const idealListingMs = (pages: number, tps: number): number => (Math.max(0, pages - tps) / tps) * 1000;

/**
 * Scenario 3: list `jobs` jobs while the emulator allows `tps` requests per second (token bucket,
 * excess answered with 429 ThrottlingException), ours against the SDK's default retry.
 */
export async function runThrottling(
  settings: BenchSettings,
  childScript: string,
  log: (line: string) => void,
): Promise<ThrottleResults> {
  const { jobs, tps, repetitions } = settings.throttling;
  const pages = floorCalls(jobs);
  const idealMs = idealListingMs(pages, tps);
  const emulator = await startBenchEmulator(settings.latencyMs);
  const runs: ThrottleRun[] = [];
  try {
    const warmupListId = seedWarmupList(emulator);
    const { addressListId } = seedList(emulator, seedJobs(jobs));
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      for (const contender of rotate(THROTTLE_CONTENDERS, repetition)) {
        const { result } = await runChild<LookupResult>(
          childScript,
          { kind: "throttle", contender, endpoint: emulator.url, addressListId, warmupListId },
          () => {
            // A fresh, full bucket for every run (setFaults restarts it).
            emulator.setFaults({ latencyMs: settings.latencyMs, tps });
            emulator.resetCalls();
          },
        );
        emulator.setFaults({ latencyMs: settings.latencyMs });
        const ok = result.error === undefined && result.jobs === jobs;
        const run: ThrottleRun = {
          contender,
          repetition,
          wallMs: result.wallMs,
          cpuMs: result.cpuMs,
          ok,
          ...(ok ? {} : { error: result.error ?? `returned ${result.jobs} jobs, expected ${jobs}` }),
          calls: emulator.calls(LIST_OPERATION),
          shareOfLimit: ok ? idealMs / result.wallMs : NaN,
        };
        runs.push(run);
        log(
          `  throttled ${contender.padEnd(12)} ${duration(run.wallMs).padStart(8)}  ${run.calls} calls  ` +
            `${ok ? `${(run.shareOfLimit * 100).toFixed(0)}% of the limit` : `FAILED ${run.error}`}`,
        );
      }
    }
  } finally {
    await emulator.close();
  }
  return {
    jobs,
    tps,
    pages,
    idealMs,
    runs,
    summary: THROTTLE_CONTENDERS.map((contender) => {
      const own = runs.filter((r) => r.contender === contender);
      return {
        contender,
        runs: own.length,
        failures: own.filter((r) => !r.ok).length,
        medianWallMs: median(own.map((r) => r.wallMs)),
        medianCalls: median(own.map((r) => r.calls)),
        medianShareOfLimit: median(own.map((r) => r.shareOfLimit)),
      };
    }),
  };
}
