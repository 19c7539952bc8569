import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The repository root. */
export const ROOT = join(__dirname, "..");

/** Where the child and the package source it imports are compiled to; ignored by git (`*.tmp`). */
export const BUILD_DIR = join(ROOT, "bench", "results", "build.tmp");

/**
 * Compiles `bench/child.ts`, the bin and scenario 6's scripts, and what they import (the package's source, not a possibly stale `dist/`)
 * to plain JavaScript, so that each measured child runs without ts-node, whose compiler would add about
 * 50 MB to the peak RSS being measured. Type errors are the typecheck's business, not this build's.
 *
 * @example
 * const childScript = buildChild(); // …/bench/results/build.tmp/bench/child.js
 */
export function buildChild(): string {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const tsc = require.resolve("typescript/bin/tsc");
  const compiled = spawnSync(
    process.execPath,
    [
      tsc,
      join(ROOT, "bench", "child.ts"),
      // Scenario 6's whole processes: the bin and the scripts it is compared with.
      join(ROOT, "provider", "cli", "main.ts"),
      join(ROOT, "bench", "wholeProcess", "rawSdkList.ts"),
      join(ROOT, "bench", "wholeProcess", "clientList.ts"),
      // Scenario 7: one import, ours and the raw script.
      join(ROOT, "bench", "wholeProcess", "clientImport.ts"),
      join(ROOT, "bench", "wholeProcess", "rawSdkImport.ts"),
      "--outDir",
      BUILD_DIR,
      "--rootDir",
      ROOT,
      "--module",
      "commonjs",
      "--moduleResolution",
      "node",
      "--target",
      "ES2022",
      "--esModuleInterop",
      "--skipLibCheck",
      "--types",
      "node",
      "--declaration",
      "false",
      "--sourceMap",
      "false",
      "--noCheck",
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  const script = join(BUILD_DIR, "bench", "child.js");
  if (compiled.status !== 0 || !existsSync(script)) {
    throw new Error(`Compiling bench/child.ts failed:\n${compiled.stdout}${compiled.stderr}`);
  }
  return script;
}
