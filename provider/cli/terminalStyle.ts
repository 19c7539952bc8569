import { styleText } from "node:util";
import type { ImportJobStatus } from "../client";

/** An output stream as the bin sees it (stdout or stderr). */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  hasColors?(): boolean;
}

/** How to write to one stream: whether it is a terminal, its width and a colouring function. */
export interface TerminalStyle {
  /** The stream is a terminal: tables, live status lines. */
  readonly tty: boolean;
  /** Columns of the terminal, or 0 when unknown or not a terminal. */
  readonly columns: number;
  /** `text` in `colour` when the terminal allows it, else `text` unchanged. */
  paint(colour: Colour, text: string): string;
}

/** The colours the bin uses. */
export type Colour = "green" | "red" | "yellow" | "cyan" | "gray" | "bold";

/** Each status's colour: finished well, badly, stopped, running, not started. */
export const STATUS_COLOUR: Readonly<Record<ImportJobStatus, Colour>> = {
  COMPLETED: "green",
  FAILED: "red",
  STOPPED: "yellow",
  PROCESSING: "cyan",
  CREATED: "gray",
};

/**
 * The style of `stream`: colours only on a terminal that has them. `hasColors()` already honours
 * NO_COLOR, FORCE_COLOR, NODE_DISABLE_COLORS and TERM=dumb; NO_COLOR is also checked here because
 * some Node versions let FORCE_COLOR win over it, and the NO_COLOR convention says it must not.
 *
 * @example
 * const out = terminalStyle(process.stdout); out.paint("green", "COMPLETED");
 */
export function terminalStyle(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  const tty = stream.isTTY === true;
  const colour = tty && !env.NO_COLOR && (stream.hasColors?.() ?? false);
  return {
    tty,
    columns: tty ? (stream.columns ?? 0) : 0,
    // `validateStream: false`: the decision is made above, for this stream; Node ≥ 22.13 would
    // otherwise check process.stdout even when writing to stderr.
    paint: (name, text) =>
      colour
        ? (styleText as (f: string, t: string, o?: object) => string)(name, text, { validateStream: false })
        : text,
  };
}
