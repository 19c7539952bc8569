// Runs the real, built `mailmanager-import-jobs` bin (dist/provider/cli/main.js) in a child process,
// as a pipeline step or a terminal runs it: with pipes (not a terminal), or inside a pseudo-terminal
// made by util-linux `script`, which gives the bin a real TTY on stdin, stdout and stderr.
import { spawn, type ChildProcess } from "node:child_process";

import { join } from "node:path";

export const REPO = join(__dirname, "..", "..");
export const BIN = join(REPO, "dist", "provider", "cli", "main.js");

export { ensureBuilt } from "../support/builtPackage";

export interface BinResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time from spawn to exit, in ms. */
  readonly ms: number;
}

/** The environment of a run: the test environment (emulator credentials, a region) plus `extra`; `undefined` removes a variable. */
export function binEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MAILMANAGER_IMPORT_JOBS_RETRY_DELAY_MS: "1" };
  // Jest and CI set these; the bin must decide on colours from the stream alone unless a test says so.
  // (Node turns colours off on a terminal when `CI` is set, and without a colour-capable `TERM`.)
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.CI;
  env.TERM = "xterm-256color";
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** A running bin, for tests that act while it runs (Ctrl-C). */
export interface RunningBin {
  readonly child: ChildProcess;
  /** Everything written so far to stdout and stderr together. */
  output(): string;
  readonly done: Promise<BinResult>;
}

function track(child: ChildProcess): RunningBin {
  const started = Date.now();
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<BinResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return { child, output: () => stdout + stderr, done };
}

/**
 * Starts the bin with pipes for stdin, stdout and stderr (what a CI runner gives a step).
 *
 * @example
 * const { code, stdout } = await startBin(["list", "--address-list-id", id]).done;
 */
export function startBin(args: readonly string[], env: NodeJS.ProcessEnv = binEnv()): RunningBin {
  return track(spawn(process.execPath, [BIN, ...args], { env, stdio: ["pipe", "pipe", "pipe"] }));
}

/** Runs the bin with pipes and waits for it. */
export function runBin(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<BinResult> {
  return startBin(args, env).done;
}

/** A shell word: single-quoted. */
function quote(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * Starts the bin inside a pseudo-terminal (`script -qfec`), `columns` wide; what it writes to stdout
 * and stderr arrives, merged as on a screen, on `script`'s stdout. Bytes written to the child's stdin
 * reach the terminal's input, so "\x03" is a real Ctrl-C (the line discipline sends SIGINT).
 *
 * @example
 * const { stdout } = await startBinInTerminal(["list", "--address-list-id", id]).done;
 */
export function startBinInTerminal(
  args: readonly string[],
  env: NodeJS.ProcessEnv = binEnv(),
  columns = 160,
): RunningBin {
  const command = `stty cols ${columns} rows 40; exec ${[process.execPath, BIN, ...args].map(quote).join(" ")}`;
  return track(
    spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...env, TERM: env.TERM && env.TERM !== "dumb" ? env.TERM : "xterm-256color" },
      stdio: ["pipe", "pipe", "pipe"],
    }),
  );
}

/** Runs the bin in a pseudo-terminal and waits for it. */
export function runBinInTerminal(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<BinResult> {
  return startBinInTerminal(args, env).done;
}

/** Resolves once `running` has written text matching `pattern`, or rejects after `timeoutMs`. */
export async function waitForOutput(running: RunningBin, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(running.output())) {
    if (Date.now() > deadline) {
      throw new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${running.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Text without colour codes and carriage returns, as a person reads it. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").replace(/\r/g, "");
}

/**
 * The lines a terminal shows at the end for `raw` output: what a carriage return rewinds over is
 * overwritten, what "erase line" clears is gone (enough terminal for a redrawn status line).
 */
export function screenLines(raw: string): string[] {
  return raw
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => plainText(line.slice(line.lastIndexOf("\r") + 1)))
    .filter((line, i, all) => line !== "" || i < all.length - 1);
}
