import { LIST_OPERATION, seedList, seedWarmupList, startBenchEmulator } from "../benchEmulator";
import type { LookupResult, RepeatTask } from "../protocol";
import { runChild } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, floorCalls, median, rotate } from "../stats";
import { seedJobs } from "../syntheticJobs";

export interface RepeatedCase {
  readonly contender: RepeatTask["contender"];
  readonly mode: RepeatTask["mode"];
  readonly calls: number[];
  readonly wallMs: number[];
  readonly failures: number;
  readonly medianCalls: number;
  readonly medianWallMs: number;
}

export interface RepeatedResults {
  readonly jobs: number;
  readonly times: number;
  /** Calls of one pass: ceil(jobs / 50). */
  readonly floorCalls: number;
  readonly cases: RepeatedCase[];
}

/**
 * Scenario 2: the same lookup `times` times in one program (one process), one after the other and all
 * at once, ours (memoised per program run) against the plain SDK loop (a pass per lookup).
 */
export async function runRepeatedLookups(
  settings: BenchSettings,
  childScript: string,
  log: (line: string) => void,
): Promise<RepeatedResults> {
  const { jobs, times, repetitions } = settings.repeated;
  const emulator = await startBenchEmulator(settings.latencyMs);
  const cases = new Map<string, { calls: number[]; wallMs: number[]; failures: number }>();
  const variants: Array<Pick<RepeatTask, "contender" | "mode">> = [
    { contender: "ours", mode: "sequential" },
    { contender: "sdk", mode: "sequential" },
    { contender: "ours", mode: "concurrent" },
    { contender: "sdk", mode: "concurrent" },
  ];
  try {
    const warmupListId = seedWarmupList(emulator);
    const { addressListId } = seedList(emulator, seedJobs(jobs));
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      for (const variant of rotate(variants, repetition)) {
        const { result } = await runChild<LookupResult>(
          childScript,
          { kind: "repeat", ...variant, times, endpoint: emulator.url, addressListId, warmupListId },
          () => emulator.resetCalls(),
        );
        const key = `${variant.contender}/${variant.mode}`;
        const entry = cases.get(key) ?? { calls: [], wallMs: [], failures: 0 };
        entry.calls.push(emulator.calls(LIST_OPERATION));
        entry.wallMs.push(result.wallMs);
        entry.failures += result.error !== undefined || result.jobs !== jobs ? 1 : 0;
        cases.set(key, entry);
        log(
          `  repeated ${times}× ${key.padEnd(15)} ${duration(result.wallMs).padStart(8)}  ` +
            `${emulator.calls(LIST_OPERATION)} calls${result.error ? `  ERROR ${result.error}` : ""}`,
        );
      }
    }
  } finally {
    await emulator.close();
  }
  return {
    jobs,
    times,
    floorCalls: floorCalls(jobs),
    cases: variants.map(({ contender, mode }) => {
      const entry = cases.get(`${contender}/${mode}`) ?? { calls: [], wallMs: [], failures: 0 };
      return {
        contender,
        mode,
        ...entry,
        medianCalls: median(entry.calls),
        medianWallMs: median(entry.wallMs),
      };
    }),
  };
}
