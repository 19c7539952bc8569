// The plugin as a self-contained executable per platform: a Node.js single executable application
// (SEA). The esbuild bundle becomes a "preparation blob" (written by the pinned Node, since a blob
// only runs in a `node` of the version that wrote it), which postject injects into the official
// `node` of each platform; darwin executables are then signed ad hoc. A user needs no Node.js.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { adhocSign } from "./machoAdhocSign";
import { nodeBinary, type Platform } from "./nodeBinaries";
import { PLUGIN_EXECUTABLE, ROOT } from "./packageMetadata";

/** The fuse postject flips in `node` so that it runs the injected blob (Node's docs name it). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/**
 * Writes the preparation blob of `bundle` into `workDir` with the pinned node and returns its path.
 * No code cache and no snapshot: those are specific to the platform that writes them, and the same
 * blob goes into every platform's executable.
 */
export function seaBlob(bundle: string, workDir: string, nodeDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const blob = join(workDir, "sea-prep.blob");
  const config = join(workDir, "sea-config.json");
  writeFileSync(
    config,
    JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: false,
      useSnapshot: false,
      // NODE_OPTIONS is meant for the user's Node programs (e.g. `--import tsx` for a TypeScript
      // program), and the engine passes its environment to plugins: the executable ignores it.
      execArgvExtension: "none",
    }),
  );
  // Node reports success on stderr; its output is shown only on failure.
  const run = spawnSync(join(nodeDir, "node"), ["--experimental-sea-config", config], {
    cwd: workDir,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`node --experimental-sea-config failed:\n${run.stdout}${run.stderr}`);
  return blob;
}

/** The executable's file name on `platform`. */
export const executableName = (platform: Platform): string =>
  platform.startsWith("windows-") ? `${PLUGIN_EXECUTABLE}.exe` : PLUGIN_EXECUTABLE;

/**
 * Builds the plugin executable for `platform` into `outDir/<platform>/` and returns its path:
 * the platform's `node` with `blob` injected, signed ad hoc on darwin.
 */
export function pluginExecutable(
  platform: Platform,
  blob: string,
  pinned: { dir: string; version: string },
  outDir: string,
): string {
  const dir = join(outDir, platform);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, executableName(platform));
  copyFileSync(nodeBinary(platform, pinned), executable);
  chmodSync(executable, 0o755);
  const darwin = platform.startsWith("darwin-");
  // postject (LIEF) prints harmless warnings about ELF note names; its output is shown only on failure.
  try {
    execFileSync(
      join(pinned.dir, "node"),
      [
        join(ROOT, "node_modules", "postject", "dist", "cli.js"),
        executable,
        "NODE_SEA_BLOB",
        blob,
        "--sentinel-fuse",
        SEA_FUSE,
        ...(darwin ? ["--macho-segment-name", "NODE_SEA"] : []),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`postject failed for ${platform}:\n${stdout ?? ""}${stderr ?? ""}`, { cause: error });
  }
  if (darwin) adhocSign(executable, PLUGIN_EXECUTABLE);
  return executable;
}
