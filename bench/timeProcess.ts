import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** GNU time: a child's CPU and peak RSS, which Node cannot read for a process it did not fork itself. */
const GNU_TIME = "/usr/bin/time";

/** Whether GNU time is there to measure a child's CPU and peak RSS. */
export const canMeasureProcess = (): boolean => existsSync(GNU_TIME);

/** One whole process, measured from spawn to exit. */
export interface ProcessRun {
  readonly wallMs: number;
  /** User + system CPU, ms (NaN without GNU time). */
  readonly cpuMs: number;
  /** Peak resident set size, MB (NaN without GNU time). */
  readonly peakRssMb: number;
  readonly code: number | null;
  /** What the process wrote to stdout. */
  readonly stdout: string;
  /** What it wrote to stderr, without GNU time's line. */
  readonly stderr: string;
}

/**
 * Runs `command args` under GNU time with stdout to a file (as a pipeline redirects it), and returns
 * its wall time, CPU and peak RSS. Asynchronous: the emulator answering it lives in this process.
 *
 * @example
 * const run = await timeProcess(process.execPath, ["-e", "require('@aws-sdk/client-mailmanager')"], env);
 */
export async function timeProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<ProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), "mm-bench-proc-"));
  const outFile = join(dir, "stdout");
  const out = openSync(outFile, "w");
  const timed = canMeasureProcess();
  const [file, argv] = timed
    ? [GNU_TIME, ["-f", "BENCH_TIME %M %U %S", command, ...args]]
    : [command, [...args]];
  let stderr = "";
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(file, argv, { env, stdio: ["ignore", out, "pipe"] });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const wallMs = performance.now() - t0;
  closeSync(out);
  try {
    const timing = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
    return {
      wallMs,
      cpuMs: timing ? (Number(timing[2]) + Number(timing[3])) * 1000 : NaN,
      peakRssMb: timing ? Number(timing[1]) / 1024 : NaN,
      code,
      stdout: readFileSync(outFile, "utf8"),
      stderr: stderr.replace(/BENCH_TIME.*\n?/, "").trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
