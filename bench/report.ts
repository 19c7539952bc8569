import { describeCompletion, type GateResults } from "./scenarios/gate";
import { CONTENDER_LABELS, type ListingResults } from "./scenarios/listing";
import type { ProcessingResults } from "./scenarios/processing";
import type { RepeatedResults } from "./scenarios/repeatedLookups";
import { THROTTLE_LABELS, type ThrottleResults } from "./scenarios/throttling";
import { CONCURRENT_LABELS, type ConcurrentThrottleResults } from "./scenarios/concurrentThrottling";
import { WHOLE_PROCESS_LABELS, type ProcessGroup, type WholeProcessResults } from "./scenarios/wholeProcess";
import { renderTable } from "./table";
import type { TargetVerdict } from "./targets";
import { duration, fixed, ratio } from "./stats";

/** Scenario 1: one row per N and contender. */
export function listingTable(listing: ListingResults, markdown = false): string {
  const rows: string[][] = [];
  for (const size of listing.sizes) {
    for (const [contender, s] of Object.entries(size.summary)) {
      if (!s) continue;
      rows.push([
        fixed(size.n),
        CONTENDER_LABELS[contender as keyof typeof CONTENDER_LABELS],
        `${fixed(s.runs)}${s.failures ? ` (${s.failures} failed)` : ""}`,
        `${fixed(s.calls)} / ${fixed(size.floorCalls)}`,
        duration(s.wallMs),
        `${duration(s.wallMinMs)}–${duration(s.wallMaxMs)}`,
        ratio(s.ratioToFloor),
        contender === "ours" ? ratio(size.oursOverSdk) : "",
        duration(s.cpuMs),
        `${fixed(s.peakRssMb)} MB`,
        duration(s.emulatorCpuMs),
      ]);
    }
  }
  return renderTable(
    [
      { header: "N", align: "right" },
      { header: "contender" },
      { header: "runs", align: "right" },
      { header: "calls / floor", align: "right" },
      { header: "wall (median)", align: "right" },
      { header: "min–max", align: "right" },
      { header: "÷ floor", align: "right" },
      { header: "ours ÷ SDK", align: "right" },
      { header: "client CPU", align: "right" },
      { header: "peak RSS", align: "right" },
      { header: "emulator CPU", align: "right" },
    ],
    rows,
    markdown,
  );
}

/** Scenario 2. */
export function repeatedTable(repeated: RepeatedResults, markdown = false): string {
  return renderTable(
    [
      { header: "contender" },
      { header: "lookups" },
      { header: "calls (median)", align: "right" },
      { header: "passes", align: "right" },
      { header: "wall (median)", align: "right" },
    ],
    repeated.cases.map((c) => [
      c.contender === "ours" ? "ours" : "SDK loop (naive)",
      `${repeated.times} × ${c.mode}`,
      `${fixed(c.medianCalls)}${c.failures ? ` (${c.failures} failed)` : ""}`,
      fixed(c.medianCalls / repeated.floorCalls, 1),
      duration(c.medianWallMs),
    ]),
    markdown,
  );
}

/** Scenario 3. */
export function throttlingTable(throttling: ThrottleResults, markdown = false): string {
  return renderTable(
    [
      { header: "contender" },
      { header: "runs", align: "right" },
      { header: "failures", align: "right" },
      { header: "wall (median)", align: "right" },
      { header: "calls (median)", align: "right" },
      { header: "of the limit", align: "right" },
    ],
    throttling.summary.map((s) => [
      THROTTLE_LABELS[s.contender],
      fixed(s.runs),
      fixed(s.failures),
      duration(s.medianWallMs),
      fixed(s.medianCalls),
      Number.isFinite(s.medianShareOfLimit) ? `${fixed(s.medianShareOfLimit * 100)}%` : "–",
    ]),
    markdown,
  );
}

/** Scenario 3b. */
export function concurrentThrottlingTable(results: ConcurrentThrottleResults, markdown = false): string {
  return renderTable(
    [
      { header: "contender" },
      { header: "runs", align: "right" },
      { header: "failed lookups", align: "right" },
      { header: "wall (median)", align: "right" },
      { header: "requests (median)", align: "right" },
      { header: "useful pages/s of the limit (median, worst)", align: "right" },
      { header: "sent ÷ limit (median, worst)", align: "right" },
    ],
    results.summary
      .filter((s) => s.runs > 0)
      .map((s) => [
        CONCURRENT_LABELS[s.contender],
        fixed(s.runs),
        `${fixed(s.failedLookups)} of ${fixed(s.lookups)}`,
        duration(s.medianWallMs),
        fixed(s.medianCalls),
        `${fixed(s.medianShareOfLimit * 100)}%, ${fixed(s.minShareOfLimit * 100)}%`,
        `${ratio(s.medianSentOverLimit)}, ${ratio(s.maxSentOverLimit)}`,
      ]),
    markdown,
  );
}

/** Scenario 4. */
export function gateTable(gate: GateResults, markdown = false): string {
  if (!gate.available) {
    return gate.note ?? "not available";
  }
  return renderTable(
    [
      { header: "jobs in list", align: "right" },
      { header: "completes at", align: "right" },
      { header: "min/maxDelay", align: "right" },
      { header: "release lag", align: "right" },
      { header: "≤ maxDelay", align: "right" },
      { header: "last poll", align: "right" },
      { header: "polls", align: "right" },
      { header: "requests waiting + after", align: "right" },
      { header: "per poll", align: "right" },
    ],
    gate.runs.map((r) => [
      fixed(r.listSize),
      describeCompletion(r.completion),
      `${r.minDelay} / ${r.maxDelay} s`,
      r.ok ? duration(r.releaseLagMs) : `failed: ${r.error}`,
      r.ok && r.releaseLagMs <= r.maxDelay * 1000 ? "yes" : "NO",
      duration(r.lastPollMs),
      fixed(r.polls),
      `${fixed(r.callsBeforeCompletion)} + ${fixed(r.callsAfterCompletion)}`,
      fixed(r.requestsPerPoll, 2),
    ]),
    markdown,
  );
}

/** Scenario 5. */
export function processingTable(processing: ProcessingResults, markdown = false): string {
  return renderTable(
    [
      { header: `step (${fixed(processing.jobs)} jobs, median of ${processing.repetitions - 1})` },
      { header: "CPU", align: "right" },
    ],
    [
      [
        "buildImportJobsResult (normalise, filter, sort, summarise, fingerprint)",
        duration(processing.totalCpuMs),
      ],
      ["  … first repetition (cold JIT)", duration(processing.firstCpuMs)],
      ["  normalise (normalizeImportJob)", duration(processing.normaliseMs)],
      ["  sort (sortImportJobs)", duration(processing.sortMs)],
      ["  fingerprint (canonical JSON + SHA-256)", duration(processing.fingerprintMs)],
      ["naive: sort the SDK objects by CreatedTimestamp", duration(processing.naiveSortMs)],
      [
        "RSS: input built / peak after one build / peak after all",
        `${fixed(processing.inputRssMb)} / ${fixed(processing.firstPeakRssMb)} / ${fixed(processing.peakRssMb)} MB`,
      ],
    ],
    markdown,
  );
}

/** The targets of the issue. */
export function targetsTable(verdicts: readonly TargetVerdict[], markdown = false): string {
  return renderTable(
    [{ header: "target" }, { header: "measured" }, { header: "verdict" }],
    verdicts.map((v) => [v.target, v.measured, v.met === "n/a" ? "n/a" : v.met ? "met" : "MISSED"]),
    markdown,
  );
}

/** Scenario 6: one row per group and contender, with each figure relative to the group's reference. */
export function wholeProcessTable(results: WholeProcessResults, markdown = false): string {
  const groups: [string, ProcessGroup, string][] = [
    ["start-up", results.startup, "sdk"],
    ...results.listing.map((g): [string, ProcessGroup, string] => [
      `list N=${fixed(g.n)}, ${g.latencyMs} ms`,
      g,
      "raw",
    ]),
    ...(results.large
      ? [
          [`N=${fixed(results.large.n)}, ${results.large.latencyMs} ms`, results.large, "rawLookup"] as [
            string,
            ProcessGroup,
            string,
          ],
        ]
      : []),
  ];
  const rows: string[][] = [];
  for (const [label, group, reference] of groups) {
    const base = group.summary.find((s) => s.contender === reference);
    for (const s of group.summary) {
      rows.push([
        label,
        WHOLE_PROCESS_LABELS[s.contender],
        `${fixed(s.runs)}${s.failures ? ` (${s.failures} failed)` : ""}`,
        group.n > 0 ? fixed(s.calls) : "",
        duration(s.wallMs),
        s.contender === reference ? "" : ratio(s.wallMs / (base?.wallMs ?? NaN)),
        duration(s.cpuMs),
        s.contender === reference ? "" : ratio(s.cpuMs / (base?.cpuMs ?? NaN)),
        `${fixed(s.peakRssMb)} MB`,
        s.contender === reference ? "" : ratio(s.peakRssMb / (base?.peakRssMb ?? NaN)),
      ]);
    }
  }
  return renderTable(
    [
      { header: "case" },
      { header: "process" },
      { header: "runs", align: "right" },
      { header: "calls", align: "right" },
      { header: "wall (median)", align: "right" },
      { header: "÷ ref", align: "right" },
      { header: "CPU", align: "right" },
      { header: "÷ ref", align: "right" },
      { header: "peak RSS", align: "right" },
      { header: "÷ ref", align: "right" },
    ],
    rows,
    markdown,
  );
}
