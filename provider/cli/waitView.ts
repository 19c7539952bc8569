import { describeProgress, type ImportJob, type WaitProgress } from "../client";
import { reportProgress } from "../waiter/reportProgress";
import { clock, startLiveLine, timestampedLog } from "./liveLine";
import { STATUS_COLOUR, type OutputStream, type TerminalStyle } from "./terminalStyle";

/** In CI logs: a line on every change of a job's status or counts, otherwise one per this many ms. */
export const LOG_HEARTBEAT_MS = 30_000;

/** Jobs shown one by one on the live line; beyond that, counts per status. */
const LISTED_JOBS = 3;

/** How the progress of `wait` is shown. */
export interface WaitView {
  /** The waiter's `onProgress`: called after every poll. */
  readonly update: (progress: WaitProgress) => void;
  /** Ends the live line (clears it), so that the final message starts on a clean line. */
  readonly stop: () => void;
}

/** The jobs on the live line: each with its status and counts, or counts per status when many. */
function jobsText(jobs: readonly ImportJob[], style: TerminalStyle): string {
  if (jobs.length <= LISTED_JOBS) {
    return jobs
      .map(
        (job) =>
          `${job.jobId} ${style.paint(STATUS_COLOUR[job.status] ?? "bold", job.status)} ` +
          `imported ${job.importedItemsCount ?? 0} failed ${job.failedItemsCount ?? 0}`,
      )
      .join(" · ");
  }
  const counts = new Map<ImportJob["status"], number>();
  for (const job of jobs) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
  const imported = jobs.reduce((sum, job) => sum + (job.importedItemsCount ?? 0), 0);
  const failed = jobs.reduce((sum, job) => sum + (job.failedItemsCount ?? 0), 0);
  return (
    [...counts]
      .map(([status, n]) => style.paint(STATUS_COLOUR[status] ?? "bold", `${n} ${status}`))
      .join(", ") + ` · imported ${imported} failed ${failed}`
  );
}

/**
 * The progress display of `wait` on `stderr` (stdout stays for the result):
 * - on a terminal, one live line redrawn in place: a spinner, each job's status (coloured) and
 *   counts, and elapsed / max time ticking between polls;
 * - otherwise (CI logs), plain timestamped lines: one whenever a job's status or counts change, and a
 *   heartbeat every {@link LOG_HEARTBEAT_MS}, worded as the gate's progress in `pulumi up`.
 *
 * @example
 * const view = createWaitView(process.stderr, terminalStyle(process.stderr), 600);
 * try { await waitForImportJobs({ ...args, onProgress: view.update }); } finally { view.stop(); }
 */
export function createWaitView(
  stderr: OutputStream,
  style: TerminalStyle,
  maxWaitTime: number,
  addressListId: string,
): WaitView {
  if (!style.tty) {
    const log = reportProgress({ info: timestampedLog(stderr) }, { heartbeatMs: LOG_HEARTBEAT_MS });
    return { update: log, stop: () => undefined };
  }
  const started = Date.now();
  let latest: WaitProgress | undefined;
  const line = startLiveLine(stderr, style, () => ({
    what:
      latest === undefined
        ? `reading the import jobs of address list ${addressListId}`
        : latest.jobs.length === 0
          ? `waiting for an import job of address list ${addressListId} to match the selection`
          : `waiting for ${latest.jobs.length} import job${latest.jobs.length === 1 ? "" : "s"} of ` +
            `${addressListId}: ${jobsText(latest.jobs, style)}`,
    time: `${clock((Date.now() - started) / 1000)} / ${clock(maxWaitTime)}`,
  }));
  return {
    update: (progress) => {
      latest = progress;
      line.redraw();
    },
    stop: () => line.stop(),
  };
}

/**
 * The one line `wait` prints on success, e.g. "1 import job of address list al-1 finished:
 * job-abc COMPLETED (imported 500, failed 2), after 12s and 3 polls".
 */
export function describeSuccess(result: {
  readonly addressListId: string;
  readonly region: string;
  readonly importJobs: readonly ImportJob[];
  readonly polls: number;
  readonly waitedSeconds: number;
  readonly maxWaitTime: number;
}): string {
  const line = describeProgress({
    addressListId: result.addressListId,
    region: result.region,
    poll: result.polls,
    elapsedSeconds: result.waitedSeconds,
    maxWaitTime: result.maxWaitTime,
    state: "SUCCESS",
    jobs: result.importJobs,
    reason: "",
  });
  return `${line}, after ${Math.round(result.waitedSeconds)}s and ${result.polls} poll${result.polls === 1 ? "" : "s"}`;
}
