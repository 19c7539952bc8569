import type { UploadProgress } from "../client";
import { clock, startLiveLine, timestampedLog } from "./liveLine";
import type { OutputStream, TerminalStyle } from "./terminalStyle";
import { LOG_HEARTBEAT_MS } from "./waitView";

/** How the upload step of `import` is shown. */
export interface UploadView {
  /** The importer's `onUpload`: called as the file streams. */
  readonly update: (progress: UploadProgress) => void;
  /** The step is over and `jobId` started (the wait begins): one line saying how the file got there. */
  readonly finish: (jobId: string) => void;
  /** Ends the live line without a line of its own (an error or an interrupt says what happened). */
  readonly stop: () => void;
}

/** Decimal units, as `ls -h --si` and S3's console show sizes. */
const UNITS = ["kB", "MB", "GB", "TB"];

/**
 * A size for people: "812 B", "1.2 MB".
 *
 * @example
 * formatBytes(31_200_000); // "31.2 MB"
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) {
    return `${bytes} B`;
  }
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** "1.2 MB of 31.2 MB (3%)". */
function sentText({ bytesSent, totalBytes }: UploadProgress): string {
  const percent = totalBytes === 0 ? 100 : Math.floor((bytesSent * 100) / totalBytes);
  return `${formatBytes(bytesSent)} of ${formatBytes(totalBytes)} (${percent}%)`;
}

/**
 * The progress display of the upload of `import` on `stderr` (stdout stays for the result):
 * - on a terminal, a live line: the bytes sent of the total, the percentage, the attempt after a
 *   retry, and the time; replaced at the end by one line saying which job got the file;
 * - otherwise (CI logs), timestamped lines: when the upload starts, when it starts again after a failed
 *   attempt, every {@link LOG_HEARTBEAT_MS} while it runs, and at the end; never one per chunk.
 *
 * `file` is the path as the user gave it; no address and no pre-signed URL is ever shown.
 *
 * @example
 * const view = createUploadView(process.stderr, terminalStyle(process.stderr), "members.csv", "al-1");
 */
export function createUploadView(
  stderr: OutputStream,
  style: TerminalStyle,
  file: string,
  addressListId: string,
): UploadView {
  const started = Date.now();
  let latest: UploadProgress | undefined;
  const finalLine = (jobId: string): string =>
    latest === undefined
      ? `import job ${jobId} of address list ${addressListId} already had its file and was started: ` +
        `${file} is not uploaded again`
      : `uploaded ${file} (${formatBytes(latest.totalBytes)}) in ${Math.round((Date.now() - started) / 1000)}s; ` +
        `import job ${jobId} of address list ${addressListId} started`;
  if (!style.tty) {
    const log = timestampedLog(stderr);
    let logged = 0;
    let finished = false;
    return {
      update: (progress) => {
        const attempt = latest?.attempt;
        latest = progress;
        if (progress.attempt !== attempt) {
          log(
            progress.attempt === 1
              ? `uploading ${file} (${formatBytes(progress.totalBytes)}) to an import job of address list ${addressListId}`
              : `uploading ${file} again (attempt ${progress.attempt}): the previous attempt failed`,
          );
          logged = Date.now();
        } else if (Date.now() - logged >= LOG_HEARTBEAT_MS) {
          log(`uploading ${file}: ${sentText(progress)}`);
          logged = Date.now();
        }
      },
      finish: (jobId) => {
        if (!finished) {
          finished = true;
          log(finalLine(jobId));
        }
      },
      stop: () => undefined,
    };
  }
  const line = startLiveLine(stderr, style, () => ({
    what:
      latest === undefined
        ? `creating the import job of ${file} for address list ${addressListId}`
        : `uploading ${file}: ${sentText(latest)}${latest.attempt > 1 ? `, attempt ${latest.attempt}` : ""}`,
    time: clock((Date.now() - started) / 1000),
  }));
  return {
    // The line redraws ten times a second by itself; a chunk (64 KiB) must not cost a redraw each.
    update: (progress) => {
      const first = latest === undefined;
      latest = progress;
      if (first) line.redraw();
    },
    finish: (jobId) => line.stop(finalLine(jobId)),
    stop: () => line.stop(),
  };
}
