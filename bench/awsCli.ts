import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { LookupResult } from "./protocol";

const run = promisify(execFile);

/** GNU time, for the CLI's peak RSS (a Python process: Node cannot read a child's rusage). */
const GNU_TIME = "/usr/bin/time";

const awsEnvironment = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/nonexistent-aws-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent-aws-credentials",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_PAGER: "",
});

/** `aws --version`, or undefined when the AWS CLI is not installed. */
export async function awsCliVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run("aws", ["--version"], { env: awsEnvironment() });
    return `${stdout}${stderr}`.trim();
  } catch {
    return undefined;
  }
}

/** Whether GNU time is there to measure the CLI's peak RSS. */
export const canMeasureCliRss = (): boolean => existsSync(GNU_TIME);

/**
 * The AWS CLI's auto-pagination, as a user runs it: `aws mailmanager list-address-list-import-jobs`
 * with no `--page-size` (which would turn auto-paging off for this operation), the service's default
 * page, and a JMESPath sort by creation time; the JSON goes to a file. Wall time is the whole command,
 * Python start-up included, because that is what the user waits for.
 *
 * Runs asynchronously: the emulator answering it lives in this process.
 */
export async function runAwsCli(endpoint: string, addressListId: string): Promise<LookupResult> {
  const dir = mkdtempSync(join(tmpdir(), "mm-bench-cli-"));
  const outFile = join(dir, "out.json");
  const out = openSync(outFile, "w");
  const args = [
    "mailmanager",
    "list-address-list-import-jobs",
    "--address-list-id",
    addressListId,
    "--endpoint-url",
    endpoint,
    "--output",
    "json",
    "--query",
    "sort_by(ImportJobs, &CreatedTimestamp)",
  ];
  const withTime = canMeasureCliRss();
  const [command, argv] = withTime
    ? [GNU_TIME, ["-f", "BENCH_TIME %M %U %S", "aws", ...args]]
    : ["aws", args];
  const t0 = performance.now();
  let stderr = "";
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, argv, { env: awsEnvironment(), stdio: ["ignore", out, "pipe"] });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const wallMs = performance.now() - t0;
  closeSync(out);
  try {
    const timing = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
    let jobs = 0;
    let error: string | undefined;
    if (code === 0) {
      jobs = (JSON.parse(readFileSync(outFile, "utf8")) as unknown[]).length;
    } else {
      error = `exit ${code}: ${stderr
        .replace(/BENCH_TIME.*/, "")
        .trim()
        .slice(0, 300)}`;
    }
    return {
      wallMs,
      cpuMs: timing ? (Number(timing[2]) + Number(timing[3])) * 1000 : NaN,
      peakRssMb: timing ? Number(timing[1]) / 1024 : NaN,
      baselineRssMb: NaN,
      warmupMs: 0,
      jobs,
      ...(error ? { error } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
