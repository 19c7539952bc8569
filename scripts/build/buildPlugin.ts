// `npm run build:plugin`: the provider plugin for every Pulumi language (see docs/PLUGIN.md).
//
// 1. provider/plugin/schema.json, generated from the TypeScript definitions (generateSchema.ts);
// 2. one esbuild bundle of provider/plugin/main.ts: dist/plugin/bin/, a JavaScript executable that
//    needs `node` (for a program's `plugins: path:` and the start-time benchmark);
// 3. per platform, a self-contained executable (Node.js single executable application, see
//    pluginExecutables.ts) in dist/plugin/<platform>/ and its release tarball
//    dist/plugin/pulumi-resource-mailmanager-import-jobs-v<version>-<os>-<arch>.tar.gz (the executable
//    at the archive's root), plus dist/plugin/checksums.txt (SHA-256, `sha256sum` format).
//
// Platforms: this machine's by default (what the tests install; about 15 s), `--platforms=all` for
// the five a release ships, or a comma-separated list.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { buildSync } from "esbuild";
import { generateSchema } from "./generateSchema";
import { hostPlatform, PLATFORMS, pinnedNode, type Platform } from "./nodeBinaries";
import { PLUGIN_EXECUTABLE, pluginTarballName, ROOT, VERSION } from "./packageMetadata";
import { pluginExecutable, seaBlob } from "./pluginExecutables";

export const PLUGIN_OUT = join(ROOT, "dist", "plugin");

/** The platforms `--platforms=<value>` names: `all`, `host` (the default) or a comma-separated list. */
export function platformsOf(value = "host"): Platform[] {
  if (value === "all") return [...PLATFORMS];
  if (value === "host") {
    const host = hostPlatform();
    if (!host) {
      throw new Error(
        `--platforms=host: ${process.platform}-${process.arch} is not one of ${PLATFORMS.join(", ")}; name one`,
      );
    }
    return [host];
  }
  const named = value.split(",").map((p) => p.trim());
  const unknown = named.filter((p) => !(PLATFORMS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new Error(
      `--platforms: unknown ${unknown.join(", ")}; allowed: all, host, ${PLATFORMS.join(", ")}`,
    );
  }
  return named as Platform[];
}

export const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Builds everything into dist/plugin and returns the tarballs by platform. */
export function buildPlugin(platforms: readonly Platform[]): Map<Platform, string> {
  const schemaFile = join(ROOT, "provider", "plugin", "schema.json");
  const schemaText = `${JSON.stringify(generateSchema(), null, 2)}\n`;
  // Rewritten only when it changed: a test may be reading it while another suite builds the plugin.
  if (!existsSync(schemaFile) || readFileSync(schemaFile, "utf8") !== schemaText) {
    writeFileSync(schemaFile, schemaText);
  }

  rmSync(PLUGIN_OUT, { recursive: true, force: true });
  const binDir = join(PLUGIN_OUT, "bin");
  mkdirSync(binDir, { recursive: true });
  const bundle = join(binDir, PLUGIN_EXECUTABLE);
  const result = buildSync({
    entryPoints: [join(ROOT, "provider", "plugin", "main.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    // Whitespace and dead branches only: names stay, so that stack traces in `pulumi up` stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
    // engineLog.ts takes the bundled grpc-js instead of resolving one beside @pulumi/pulumi.
    define: { "process.env.MAILMANAGER_IMPORT_JOBS_BUNDLED": '"true"' },
  });
  if (result.errors.length > 0 || result.warnings.length > 0) {
    throw new Error(`esbuild: ${result.errors.length} errors, ${result.warnings.length} warnings`);
  }
  chmodSync(bundle, 0o755);

  const pinned = pinnedNode();
  const blob = seaBlob(bundle, join(PLUGIN_OUT, "sea"), pinned.dir);
  const tarballs = new Map<Platform, string>();
  for (const platform of platforms) {
    const executable = pluginExecutable(platform, blob, pinned, PLUGIN_OUT);
    const tarball = join(PLUGIN_OUT, pluginTarballName(platform));
    execFileSync("tar", ["-czf", tarball, "-C", dirname(executable), basename(executable)]);
    tarballs.set(platform, tarball);
  }
  writeFileSync(
    join(PLUGIN_OUT, "checksums.txt"),
    [...tarballs.values()].map((tarball) => `${sha256(tarball)}  ${basename(tarball)}\n`).join(""),
  );
  return tarballs;
}

if (require.main === module) {
  const started = Date.now();
  const option = process.argv.slice(2).find((arg) => arg.startsWith("--platforms="));
  const tarballs = buildPlugin(platformsOf(option?.slice("--platforms=".length)));
  const mb = (file: string) => `${(statSync(file).size / 1e6).toFixed(1)} MB`;
  console.log(
    `build:plugin: ${PLUGIN_EXECUTABLE} v${VERSION}: bundle ${mb(join(PLUGIN_OUT, "bin", PLUGIN_EXECUTABLE))}; ` +
      [...tarballs].map(([platform, tarball]) => `${platform} ${mb(tarball)}`).join(", ") +
      ` in dist/plugin, ${Date.now() - started} ms`,
  );
}
