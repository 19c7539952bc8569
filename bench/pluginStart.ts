/**
 * `npm run bench:plugin`: what the self-contained plugin executable costs against the JavaScript
 * bundle run by `node`, as the engine sees it. Start-up is spawn → the port on stdout (the engine
 * waits for exactly that line before it sends the first request), median of 8 runs each, the two
 * contenders alternated; `node` is the pinned Node (scripts/env/ensure-node 24), the version inside
 * the executable, so only the packaging differs. Also the size of every release tarball found in
 * dist/plugin (`npm run build:plugin -- --platforms=all` builds all five).
 *
 *   npm run bench:plugin            builds this platform's executable first when it is missing
 *
 * Asserts nothing: prints the figures and the targets (start ≤ 1.5× the bundle's, tarball ≤ 60 MB)
 * as met / MISSED; the exit code only says whether the harness worked.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildPlugin, PLUGIN_OUT } from "../scripts/build/buildPlugin";
import { hostPlatform, pinnedNode } from "../scripts/build/nodeBinaries";
import { PLUGIN_EXECUTABLE, VERSION } from "../scripts/build/packageMetadata";
import { executableName } from "../scripts/build/pluginExecutables";
import { median, range } from "./stats";

const RUNS = 8;
const START_TARGET = 1.5;
const SIZE_TARGET_MB = 60;

/** Milliseconds from spawn to the first line on stdout (the plugin's port); the process is then killed. */
function timeToPort(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // The address of an engine that is not there: the plugin serves anyway and prints its port.
    const child = spawn(command, [...args, "127.0.0.1:1"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (!stdout.includes("\n")) return;
      const ms = performance.now() - t0;
      if (!/^\d+\n/.test(stdout))
        reject(new Error(`${command} printed ${JSON.stringify(stdout)}, not a port`));
      child.kill("SIGKILL");
      child.on("close", () => resolve(ms));
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (!stdout.includes("\n")) reject(new Error(`${command} exited ${code} before a port:\n${stderr}`));
    });
  });
}

async function main(): Promise<void> {
  const platform = hostPlatform();
  if (!platform) throw new Error(`no plugin executable for ${process.platform}-${process.arch}`);
  const executable = join(PLUGIN_OUT, platform, executableName(platform));
  const bundle = join(PLUGIN_OUT, "bin", PLUGIN_EXECUTABLE);
  if (!existsSync(executable) || !existsSync(bundle)) buildPlugin([platform]);
  const node = join(pinnedNode().dir, "node");

  const contenders = {
    bundle: { label: `node ${PLUGIN_EXECUTABLE} (bundle)`, command: node, args: [bundle] },
    executable: { label: `${PLUGIN_EXECUTABLE} (${platform} executable)`, command: executable, args: [] },
  };
  const times: Record<keyof typeof contenders, number[]> = { bundle: [], executable: [] };
  // One unmeasured start each: the first read of a 125 MB executable comes from disk, later ones from
  // the page cache, as for an engine that starts the plugin again and again.
  for (const c of Object.values(contenders)) await timeToPort(c.command, c.args);
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? (["bundle", "executable"] as const) : (["executable", "bundle"] as const);
    for (const key of order) times[key].push(await timeToPort(contenders[key].command, contenders[key].args));
  }
  const ratio = median(times.executable) / median(times.bundle);
  console.log(`Plugin start (spawn → port on stdout), ${RUNS} runs each, alternated:`);
  for (const [key, c] of Object.entries(contenders)) {
    const ms = times[key as keyof typeof contenders];
    console.log(`  ${c.label.padEnd(66)} median ${median(ms).toFixed(0)} ms (${range(ms)} ms)`);
  }
  console.log(
    `  executable ÷ bundle: ${ratio.toFixed(2)}× (target ≤ ${START_TARGET}×: ${ratio <= START_TARGET ? "met" : "MISSED"})`,
  );

  const tarballs = readdirSync(PLUGIN_OUT).filter(
    (f) => f.startsWith(`${PLUGIN_EXECUTABLE}-v${VERSION}-`) && f.endsWith(".tar.gz"),
  );
  console.log(`Release tarballs in dist/plugin (target ≤ ${SIZE_TARGET_MB} MB each):`);
  for (const tarball of tarballs.sort()) {
    const mb = statSync(join(PLUGIN_OUT, tarball)).size / 1e6;
    console.log(`  ${tarball.padEnd(72)} ${mb.toFixed(1)} MB ${mb <= SIZE_TARGET_MB ? "met" : "MISSED"}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
