import type { OutputStream, TerminalStyle } from "./terminalStyle";

/** Frames of the spinner of a live line. */
const FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

/** Redraws per second of a live line: smooth enough for the spinner and the clock, cheap. */
const REDRAW_MS = 100;

/** Carriage return + erase line: the live line is redrawn in place, never scrolled. */
const CLEAR = "\r\u001b[2K";

/** Colour escape codes (SGR), to measure and cut what a line shows. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Visible text of a line that may hold colour codes. */
function plain(text: string): string {
  return text.replace(SGR, "");
}

/**
 * "3:05" from seconds.
 *
 * @example
 * clock(185); // "3:05"
 */
export function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

/** What a live line shows: the main text, and a short part (a clock) kept when the line is cut. */
export interface LiveText {
  readonly what: string;
  readonly time: string;
}

/** One line on a terminal, redrawn in place. */
export interface LiveLine {
  /** Redraws at once (after new data; the line also redraws by itself, for the spinner and clock). */
  readonly redraw: () => void;
  /** Clears the line, so that the next message starts on a clean line; `finalLine` is printed in its place. */
  readonly stop: (finalLine?: string) => void;
}

/**
 * A status line on a terminal (`stderr`), redrawn every {@link REDRAW_MS} and on `redraw()`: a
 * spinner, `text().what` and `text().time`. It never wraps (a wrapped line cannot be redrawn with a
 * carriage return): when too wide, the time moves to the front and the rest is cut.
 *
 * @example
 * const line = startLiveLine(process.stderr, style, () => ({ what: "uploading", time: "0:03" }));
 * line.stop("uploaded");
 */
export function startLiveLine(stderr: OutputStream, style: TerminalStyle, text: () => LiveText): LiveLine {
  let frame = 0;
  let stopped = false;
  const redraw = (): void => {
    if (stopped) return;
    frame = (frame + 1) % FRAMES.length;
    const { what, time } = text();
    const spinner = style.paint("cyan", FRAMES[frame]);
    let line = `${spinner} ${what} · ${time}`;
    // Three columns stay free, for the "^C" the terminal echoes when the user interrupts.
    if (style.columns > 0 && plain(line).length > style.columns - 3) {
      line = plain(`${spinner} ${time} · ${what}`).slice(0, Math.max(style.columns - 4, 1)) + "…";
    }
    stderr.write(`${CLEAR}${line}`);
  };
  redraw();
  const timer = setInterval(redraw, REDRAW_MS);
  timer.unref();
  return {
    redraw,
    stop: (finalLine) => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stderr.write(finalLine === undefined ? CLEAR : `${CLEAR}${finalLine}\n`);
    },
  };
}

/**
 * Progress for logs (a CI runner, a file): each message on a line of its own, after an ISO timestamp.
 *
 * @example
 * const log = timestampedLog(process.stderr); log("uploaded 1.2 MB"); // "2025-06-01T12:00:00.000Z uploaded 1.2 MB"
 */
export function timestampedLog(stderr: OutputStream): (message: string) => void {
  return (message) => void stderr.write(`${new Date().toISOString()} ${message}\n`);
}
