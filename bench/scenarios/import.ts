import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startEmulator } from "../../emulator";
import { BUILD_DIR } from "../buildChild";
import { childEnvironment } from "../runChild";
import type { BenchSettings } from "../settings";
import { duration, fixed, median, ratio, rotate } from "../stats";
import { renderTable, type Column } from "../table";
import type { TargetVerdict } from "../targets";
import { timeProcess, type ProcessRun } from "../timeProcess";

/**
 * Scenario 7: one import of a large CSV as a whole process. `importAddresses` from `./client` against a
 * raw SDK + `fetch` script that streams the same file (create, PUT, start, poll), run side by side;
 * both poll every `pollSeconds`. Figures: wall, CPU and peak RSS of the process, the requests per
 * operation, and ours ÷ raw as the median of the per-repetition ratios.
 */

export const IMPORT_LABELS = {
  ours: "client entry: importAddresses",
  raw: "raw SDK + fetch script (stream, start, poll)",
} as const;
type Contender = keyof typeof IMPORT_LABELS;

const OPERATIONS = [
  "CreateAddressListImportJob",
  "StartAddressListImportJob",
  "GetAddressListImportJob",
] as const;

interface ImportRun extends ProcessRun {
  readonly contender: Contender;
  readonly requests: Record<string, number>;
  readonly error?: string;
}

export interface ImportResults {
  readonly addresses: number;
  readonly bytes: number;
  readonly latencyMs: number;
  readonly pollSeconds: number;
  readonly summary: readonly {
    readonly contender: Contender;
    readonly runs: number;
    readonly failures: number;
    readonly wallMs: number;
    readonly cpuMs: number;
    readonly peakRssMb: number;
    /** Requests of the median run: create, PUT, start, polls. */
    readonly requests: Record<string, number>;
  }[];
  /** Ours ÷ raw, the median over repetitions of the runs made side by side. */
  readonly paired: { readonly wall: number; readonly rss: number; readonly cpu: number };
}

/**
 * A CSV of `addresses` addresses of 29 characters (about 30 bytes a line). The emulator keeps at most
 * 100 000 members a list, as the service does, so a larger file completes with the rest failed: the
 * upload and the wait are what is measured.
 */
function writeCsv(path: string, addresses: number): void {
  const lines = ["address"];
  for (let i = 0; i < addresses; i += 1) {
    lines.push(`subscriber-${String(i).padStart(6, "0")}@example.com`);
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/** `gc()` of this process, which runs without --expose-gc: V8 exposes it on request to a new context. */
function garbageCollector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

export async function runImport(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<ImportResults> {
  const s = settings.import;
  const dir = mkdtempSync(join(tmpdir(), "mm-bench-import-"));
  const file = join(dir, "subscribers.csv");
  writeCsv(file, s.addresses);
  const bytes = statSync(file).size;
  const env = childEnvironment();
  const script: Record<Contender, string> = {
    ours: join(BUILD_DIR, "bench", "wholeProcess", "clientImport.js"),
    raw: join(BUILD_DIR, "bench", "wholeProcess", "rawSdkImport.js"),
  };
  const collectGarbage = garbageCollector();
  const runs: ImportRun[] = [];
  try {
    for (let repetition = 0; repetition < s.repetitions; repetition += 1) {
      for (const contender of rotate(["ours", "raw"] as Contender[], repetition)) {
        // The emulator runs in this process and holds every imported member: a fresh one per run, from a
        // collected heap, so that neither contender pays for the other's garbage (a run that came first
        // in its pair was up to 15 % slower before).
        collectGarbage();
        const emulator = await startEmulator({
          processingMs: s.processingMs,
          faults: { latencyMs: settings.latencyMs },
        });
        try {
          const addressListId = emulator.seed({
            addressLists: [{ name: `import-${contender}-${repetition}` }],
          }).addressListIds[0];
          const run = await timeProcess(
            process.execPath,
            [script[contender], emulator.url, addressListId, file, String(s.pollSeconds)],
            env,
          );
          const requests: Record<string, number> = Object.fromEntries(
            OPERATIONS.map((operation) => [operation, emulator.calls(operation)]),
          );
          requests.PUT = emulator.uploads();
          const [, status, imported] = run.stdout.trim().split(" ");
          const error =
            run.code !== 0
              ? `exit ${run.code}: ${run.stderr.slice(0, 200)}`
              : status !== "COMPLETED" || !(Number(imported) > 0)
                ? `job ${status}, ${imported} imported`
                : undefined;
          runs.push({ ...run, contender, requests, ...(error ? { error } : {}) });
          log(
            `  import #${repetition + 1} ${contender.padEnd(5)} ${duration(run.wallMs).padStart(8)}  ` +
              `cpu ${duration(run.cpuMs)}  rss ${run.peakRssMb.toFixed(0)} MB  ` +
              `requests ${JSON.stringify(requests)}${error ? `  ERROR ${error}` : ""}`,
          );
        } finally {
          await emulator.close();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ok = (contender: Contender) => runs.filter((run) => run.contender === contender && !run.error);
  const pairedRatio = (pick: (run: ImportRun) => number): number => {
    const ours = runs.filter((run) => run.contender === "ours");
    const raw = runs.filter((run) => run.contender === "raw");
    const ratios = ours
      .map((run, i) => (raw[i] && !run.error && !raw[i].error ? pick(run) / pick(raw[i]) : NaN))
      .filter((value) => Number.isFinite(value));
    return ratios.length > 0 ? median(ratios) : NaN;
  };
  const summary = (["ours", "raw"] as Contender[]).map((contender) => {
    const mine = ok(contender);
    const middle = [...mine].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(mine.length / 2)];
    return {
      contender,
      runs: runs.filter((run) => run.contender === contender).length,
      failures: runs.filter((run) => run.contender === contender && run.error).length,
      wallMs: median(mine.map((run) => run.wallMs)),
      cpuMs: median(mine.map((run) => run.cpuMs)),
      peakRssMb: median(mine.map((run) => run.peakRssMb)),
      requests: middle?.requests ?? {},
    };
  });
  return {
    addresses: s.addresses,
    bytes,
    latencyMs: settings.latencyMs,
    pollSeconds: s.pollSeconds,
    summary,
    paired: {
      wall: pairedRatio((run) => run.wallMs),
      rss: pairedRatio((run) => run.peakRssMb),
      cpu: pairedRatio((run) => run.cpuMs),
    },
  };
}

/** The scenario's table, as text or Markdown. */
export function importTable(results: ImportResults, markdown: boolean): string {
  const right = (header: string): Column => ({ header, align: "right" });
  const table = renderTable(
    [
      { header: "contender" },
      right("runs"),
      right("failed"),
      right("wall"),
      right("CPU"),
      right("peak RSS"),
      right("create"),
      right("PUT"),
      right("start"),
      right("polls"),
    ],
    results.summary.map((row) => [
      IMPORT_LABELS[row.contender],
      String(row.runs),
      String(row.failures),
      duration(row.wallMs),
      duration(row.cpuMs),
      `${fixed(row.peakRssMb)} MB`,
      String(row.requests.CreateAddressListImportJob ?? "–"),
      String(row.requests.PUT ?? "–"),
      String(row.requests.StartAddressListImportJob ?? "–"),
      String(row.requests.GetAddressListImportJob ?? "–"),
    ]),
    markdown,
  );
  return (
    `${table}\n\nours ÷ raw (median of side-by-side ratios): wall ${ratio(results.paired.wall)}, ` +
    `peak RSS ${ratio(results.paired.rss)}, CPU ${ratio(results.paired.cpu)}; ` +
    `${results.addresses.toLocaleString("en-US")} addresses, ${(results.bytes / 1e6).toFixed(1)} MB, ` +
    `${results.latencyMs} ms per API call, a poll every ${results.pollSeconds} s`
  );
}

/** The targets: peak RSS ≤ 1.2× and wall ≤ 1.05× the raw script; 1 create + 1 PUT + 1 start. */
export function importTargets(results: ImportResults, quick: boolean): TargetVerdict[] {
  const judge = (ok: boolean) => (quick ? ("n/a" as const) : ok);
  const requests = results.summary.find((row) => row.contender === "ours")?.requests ?? {};
  return [
    {
      target: "import: peak RSS ≤ 1.2× the raw SDK + fetch script (whole process)",
      measured: ratio(results.paired.rss),
      met: judge(results.paired.rss <= 1.2),
    },
    {
      target: "import: wall ≤ 1.05× the raw SDK + fetch script (whole process)",
      measured: ratio(results.paired.wall),
      met: judge(results.paired.wall <= 1.05),
    },
    {
      target: "import: 1 create + 1 PUT + 1 start, then the polls",
      measured:
        `${requests.CreateAddressListImportJob} + ${requests.PUT} + ${requests.StartAddressListImportJob} + ` +
        `${requests.GetAddressListImportJob} polls`,
      met:
        requests.CreateAddressListImportJob === 1 &&
        requests.PUT === 1 &&
        requests.StartAddressListImportJob === 1,
    },
  ];
}
