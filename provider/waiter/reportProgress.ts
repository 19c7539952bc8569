import type { ImportJob } from "../core/types";
import type { WaitProgress } from "./waitForImportJobs";

/**
 * Where progress messages go: an engine log, or the bin's CI-log lines. Structural, so that this
 * module's declarations never reach the engine's gRPC types (and with them `@pulumi/pulumi`).
 */
export interface ProgressLog {
  info(message: string, ephemeral?: boolean): void;
}

/** A heartbeat message is sent after this long without a change, in ms. */
export const PROGRESS_HEARTBEAT_MS = 10_000;

/** Jobs listed one by one in a message; beyond that, counts per status. */
const LISTED_JOBS = 3;

/**
 * "job-1 PROCESSING (imported 3, failed 0)". Not named `describe`: the dynamic-provider tests
 * closure-serialise the inner providers under jest, and the serialiser takes a global's name for it.
 */
function jobLine(job: ImportJob): string {
  const counts =
    job.importedItemsCount === undefined && job.failedItemsCount === undefined
      ? ""
      : ` (imported ${job.importedItemsCount ?? 0}, failed ${job.failedItemsCount ?? 0})`;
  return `${job.jobId} ${job.status}${job.error ? ` "${job.error}"` : ""}${counts}`;
}

function describeJobs(jobs: readonly ImportJob[]): string {
  if (jobs.length <= LISTED_JOBS) {
    return jobs.map(jobLine).join(", ");
  }
  const counts = new Map<string, number>();
  for (const job of jobs) {
    counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${count} ${status}`).join(", ");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * One line describing a poll, for the `pulumi up` display (the CLI shows the first line only).
 *
 * @example
 * describeProgress(progress); // "waiting for 1 import job of al-1: job-1 PROCESSING (35s of 600s)"
 */
export function describeProgress(progress: WaitProgress): string {
  const list = `address list ${progress.addressListId}`;
  const clock = `(${Math.round(progress.elapsedSeconds)}s of ${progress.maxWaitTime}s)`;
  switch (progress.state) {
    case "SUCCESS":
      return `${plural(progress.jobs.length, "import job")} of ${list} finished: ${describeJobs(progress.jobs)}`;
    case "FAILURE":
      return `import jobs of ${list} ${progress.reason}: ${describeJobs(progress.jobs)}`;
    default:
      return progress.jobs.length === 0
        ? `waiting for an import job of ${list} to match the selection ${clock}`
        : `waiting for ${plural(progress.jobs.length, "import job")} of ${list}: ${describeJobs(progress.jobs)} ${clock}`;
  }
}

/**
 * An `onProgress` for `waitForImportJobs` that forwards polls to an engine log, throttled: a message
 * whenever a job's status or counts change, otherwise a heartbeat every `heartbeatMs`. Waiting
 * messages are ephemeral (they update the resource's row); the final one stays in the output.
 *
 * @example
 * await waitForImportJobs({ ...args, onProgress: reportProgress(createEngineLog(urn)) });
 */
export function reportProgress(
  log: ProgressLog,
  options: { readonly now?: () => number; readonly heartbeatMs?: number } = {},
): (progress: WaitProgress) => void {
  const now = options.now ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? PROGRESS_HEARTBEAT_MS;
  let lastKey: string | undefined;
  let lastAt = 0;
  return (progress) => {
    const key = JSON.stringify([
      progress.state,
      progress.jobs.map((job) => [job.jobId, job.status, job.importedItemsCount, job.failedItemsCount]),
    ]);
    const at = now();
    if (key === lastKey && at - lastAt < heartbeatMs) {
      return;
    }
    lastKey = key;
    lastAt = at;
    log.info(describeProgress(progress), progress.state === "RETRY");
  };
}
