import { describeProgress, type ImportJob, type WaitProgress } from "../client";
import { reportProgress } from "../waiter/reportProgress";
import { inFlagTerms } from "./flagNames";
import { STATUS_COLOUR, type OutputStream, type TerminalStyle } from "./terminalStyle";

/** Frames of the spinner of the live status line. */
const FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

/** Redraws per second of the live line: smooth enough for the spinner and the clock, cheap. */
const REDRAW_MS = 100;

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

/** "3:05" from seconds. */
function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
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

/** Colour escape codes (SGR), to measure and cut what a line shows. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Visible text of a line that may hold colour codes. */
function plain(text: string): string {
  return text.replace(SGR, "");
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
    const log = reportProgress(
      {
        info: (message: string) => void stderr.write(`${new Date().toISOString()} ${inFlagTerms(message)}\n`),
      },
      { heartbeatMs: LOG_HEARTBEAT_MS },
    );
    return { update: log, stop: () => undefined };
  }
  const started = Date.now();
  let latest: WaitProgress | undefined;
  let frame = 0;
  let stopped = false;
  const render = (): void => {
    frame = (frame + 1) % FRAMES.length;
    const what =
      latest === undefined
        ? `reading the import jobs of address list ${addressListId}`
        : latest.jobs.length === 0
          ? `waiting for an import job of address list ${addressListId} to match the selection`
          : `waiting for ${latest.jobs.length} import job${latest.jobs.length === 1 ? "" : "s"} of ` +
            `${addressListId}: ${jobsText(latest.jobs, style)}`;
    const time = `${clock((Date.now() - started) / 1000)} / ${clock(maxWaitTime)}`;
    let line = `${style.paint("cyan", FRAMES[frame])} ${what} · ${time}`;
    // Never wrap: a wrapped line cannot be redrawn with a carriage return. Three columns stay free,
    // for the "^C" the terminal echoes when the user interrupts.
    if (style.columns > 0 && plain(line).length > style.columns - 3) {
      line = `${style.paint("cyan", FRAMES[frame])} ${time} · ${what}`;
      line = plain(line).slice(0, Math.max(style.columns - 4, 1)) + "…";
    }
    stderr.write(`\r\u001b[2K${line}`);
  };
  render();
  const timer = setInterval(render, REDRAW_MS);
  timer.unref();
  return {
    update: (progress) => {
      latest = progress;
      render();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stderr.write("\r\u001b[2K");
    },
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
