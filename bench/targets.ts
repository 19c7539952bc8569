import type { ConcurrentThrottleResults } from "./scenarios/concurrentThrottling";
import type { GateResults } from "./scenarios/gate";
import type { ListingResults } from "./scenarios/listing";
import type { ProcessingResults } from "./scenarios/processing";
import type { ThrottleResults } from "./scenarios/throttling";
import type { ProcessGroup, WholeProcessContender, WholeProcessResults } from "./scenarios/wholeProcess";
import { fixed, ratio } from "./stats";

/** One target of the issue, what was measured, and whether it holds. Reported, never asserted. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | "n/a";
}

export interface BenchResultsForTargets {
  readonly listing: ListingResults;
  readonly throttling: ThrottleResults;
  /** Scenario 3b; undefined when not run. */
  readonly concurrent?: ConcurrentThrottleResults;
  readonly gate: GateResults;
  readonly processing: ProcessingResults;
}

/** Size the "≤ 1.05× the SDK loop" target is judged at: 10 000 jobs, or the largest size of a quick run. */
const RATIO_SIZE = 10_000;
/** Size the CPU and memory targets are judged at. */
const LARGE_SIZE = 100_000;

/**
 * Evaluates the targets on a run's results. A quick run's figures come from inputs too small
 * to mean anything, so there every verdict is "n/a" (the measured text is kept).
 */
export function evaluateTargets(results: BenchResultsForTargets, quick = false): TargetVerdict[] {
  const verdicts = judge(results);
  return quick ? verdicts.map((v) => ({ ...v, met: "n/a" as const })) : verdicts;
}

function judge(results: BenchResultsForTargets): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const { sizes } = results.listing;

  const offFloor = sizes.filter((size) =>
    size.runs.some((r) => r.contender === "ours" && r.calls !== size.floorCalls),
  );
  verdicts.push({
    target: "calls = ceil(N/50) for every N (ours)",
    measured: sizes
      .map((size) => `N=${fixed(size.n)}: ${fixed(size.summary.ours?.calls)}/${fixed(size.floorCalls)}`)
      .join(", "),
    met: sizes.length === 0 ? "n/a" : offFloor.length === 0,
  });

  const ratioSize = sizes.find((s) => s.n === RATIO_SIZE) ?? sizes[sizes.length - 1];
  verdicts.push({
    target: `wall ≤ 1.05× SDK loop at N=${fixed(RATIO_SIZE)}`,
    measured:
      `${ratio(ratioSize?.oursOverSdk ?? NaN)} (paired median at N=${fixed(ratioSize?.n)}` +
      `${ratioSize?.n === RATIO_SIZE ? "" : ", not the target size"})`,
    met: ratioSize?.n === RATIO_SIZE ? ratioSize.oursOverSdk <= 1.05 : "n/a",
  });

  const large = sizes.find((s) => s.n === LARGE_SIZE);
  const processing = results.processing;
  const extraCpu = large ? (large.summary.ours?.cpuMs ?? NaN) - (large.summary.sdk?.cpuMs ?? NaN) : NaN;
  verdicts.push({
    target: "100 000 jobs: < 1.5 s CPU beyond the network",
    measured:
      `normalise+sort+fingerprint ${fixed(processing.totalCpuMs)} ms at N=${fixed(processing.jobs)}` +
      (large ? `; ours − SDK loop process CPU ${fixed(extraCpu)} ms` : ""),
    met:
      processing.jobs === LARGE_SIZE && large !== undefined
        ? processing.totalCpuMs < 1500 && extraCpu < 1500
        : "n/a",
  });
  verdicts.push({
    target: "100 000 jobs: < 300 MB peak RSS (ours)",
    measured: large ? `${fixed(large.summary.ours?.peakRssMb)} MB` : "not run",
    met: large ? (large.summary.ours?.peakRssMb ?? Infinity) < 300 : "n/a",
  });

  const throttled = results.throttling.summary.find((s) => s.contender === "ours");
  verdicts.push({
    target: `throttled (TPS ${results.throttling.tps}): 0 failures, ≥ 80% of the limit (ours)`,
    measured: throttled
      ? `${throttled.failures} failures in ${throttled.runs} runs, ${fixed(throttled.medianShareOfLimit * 100)}% of the limit`
      : "not run",
    met: throttled ? throttled.failures === 0 && throttled.medianShareOfLimit >= 0.8 : "n/a",
  });

  const concurrent = results.concurrent?.summary.find((s) => s.contender === "ours");
  verdicts.push({
    target:
      `${results.concurrent?.lookups ?? "?"} lookups at once (TPS ${results.concurrent?.tps ?? "?"}): 0 failed lookups, ` +
      "≥ 90% of the limit in useful pages/s, ≤ 1.3× the limit sent (every run of ours)",
    measured: concurrent
      ? `${concurrent.failedLookups} of ${concurrent.lookups} failed in ${concurrent.runs} runs; useful ` +
        `${fixed(concurrent.medianShareOfLimit * 100)}% (worst ${fixed(concurrent.minShareOfLimit * 100)}%); sent ` +
        `${ratio(concurrent.medianSentOverLimit)} (worst ${ratio(concurrent.maxSentOverLimit)})`
      : "not run",
    met: concurrent
      ? concurrent.failedLookups === 0 &&
        concurrent.minShareOfLimit >= 0.9 &&
        concurrent.maxSentOverLimit <= 1.3
      : "n/a",
  });

  const gate = results.gate;
  const late = gate.runs.filter((r) => !r.ok || r.releaseLagMs > r.maxDelay * 1000);
  verdicts.push({
    target: "gate releases within maxDelay of completion",
    measured: gate.available
      ? gate.runs
          .map(
            (r) =>
              `${fixed(r.releaseLagMs)} ms (maxDelay ${fixed(r.maxDelay * 1000)} ms, list ${fixed(r.listSize)})`,
          )
          .join("; ")
      : (gate.note ?? "not available"),
    met: gate.available && gate.runs.length > 0 ? late.length === 0 : "n/a",
  });
  verdicts.push({
    target: "gate: 1 request per poll for one job, whatever the list size",
    measured: gate.available
      ? gate.runs.map((r) => `${fixed(r.requestsPerPoll, 2)} (list ${fixed(r.listSize)})`).join("; ")
      : (gate.note ?? "not available"),
    met: gate.available && gate.runs.length > 0 ? gate.runs.every((r) => r.requestsPerPoll <= 1) : "n/a",
  });
  return verdicts;
}

/** A contender's median figure in a group. */
function figure(
  group: ProcessGroup | undefined,
  contender: WholeProcessContender,
  key: "wallMs" | "cpuMs" | "peakRssMb",
): number {
  return group?.summary.find((s) => s.contender === contender)?.[key] ?? NaN;
}

/**
 * The targets of the bin and the Pulumi-free entry (scenario 6), each judged on whole processes;
 * "n/a" in a quick run, whose inputs are too small.
 */
export function evaluateWholeProcessTargets(results: WholeProcessResults, quick = false): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const startup = figure(results.startup, "client", "wallMs") / figure(results.startup, "sdk", "wallMs");
  verdicts.push({
    target: "require of the client entry ≤ 1.5× the AWS SDK client alone (whole process)",
    measured:
      `${ratio(startup)} (${fixed(figure(results.startup, "client", "wallMs"))} ms vs ` +
      `${fixed(figure(results.startup, "sdk", "wallMs"))} ms; RSS ${fixed(figure(results.startup, "client", "peakRssMb"))} ` +
      `vs ${fixed(figure(results.startup, "sdk", "peakRssMb"))} MB)`,
    met: startup <= 1.5,
  });
  for (const n of [1_000, 10_000]) {
    const group = results.listing.find((g) => g.n === n);
    const bin = figure(group, "bin", "wallMs");
    const raw = figure(group, "raw", "wallMs");
    const cli = figure(group, "awscli", "wallMs");
    verdicts.push({
      target: `list N=${fixed(n)}: faster than the AWS CLI v1 and ≤ 1.15× a raw SDK script (whole process)`,
      measured: group
        ? `bin ${fixed(bin)} ms; ÷ raw SDK ${ratio(bin / raw)}; ÷ AWS CLI ${ratio(bin / cli)}`
        : "not run",
      met: group ? bin / raw <= 1.15 && (Number.isNaN(cli) ? false : bin < cli) : "n/a",
    });
  }
  const large = results.large;
  const cpu = large?.pairedCpuOverRaw.clientLookup ?? NaN;
  const rss = figure(large, "clientLookup", "peakRssMb") / figure(large, "rawLookup", "peakRssMb");
  verdicts.push({
    target: "100 000 jobs via the client entry: CPU ≤ 1.1× and peak RSS ≤ 1.15× a raw SDK script",
    measured: large
      ? `N=${fixed(large.n)}: CPU ${ratio(cpu)} (paired median of ${fixed(large.summary[0].runs)}; medians ` +
        `${fixed(figure(large, "clientLookup", "cpuMs"))} vs ${fixed(figure(large, "rawLookup", "cpuMs"))} ms), ` +
        `RSS ${ratio(rss)} (${fixed(figure(large, "clientLookup", "peakRssMb"))} vs ` +
        `${fixed(figure(large, "rawLookup", "peakRssMb"))} MB); with the fingerprint read: CPU ` +
        `${ratio(large.pairedCpuOverRaw.clientFingerprint)}`
      : "not run",
    met: large?.n === 100_000 ? cpu <= 1.1 && rss <= 1.15 : "n/a",
  });
  return quick ? verdicts.map((v) => ({ ...v, met: "n/a" as const })) : verdicts;
}
