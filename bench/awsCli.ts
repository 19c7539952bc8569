import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { LookupResult } from "./protocol";
import { timeProcess } from "./timeProcess";

const run = promisify(execFile);

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

/**
 * The AWS CLI's auto-pagination, as a user runs it: `aws mailmanager list-address-list-import-jobs`
 * with no `--page-size` (which would turn auto-paging off for this operation), the service's default
 * page, and a JMESPath sort by creation time; the JSON goes to a file. Wall time is the whole command,
 * Python start-up included, because that is what the user waits for.
 *
 * Runs asynchronously: the emulator answering it lives in this process.
 */
export async function runAwsCli(endpoint: string, addressListId: string): Promise<LookupResult> {
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
  const run = await timeProcess("aws", args, awsEnvironment());
  const ok = run.code === 0;
  return {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssMb: run.peakRssMb,
    baselineRssMb: NaN,
    warmupMs: 0,
    jobs: ok ? (JSON.parse(run.stdout) as unknown[]).length : 0,
    ...(ok ? {} : { error: `exit ${run.code}: ${run.stderr.slice(0, 300)}` }),
  };
}
