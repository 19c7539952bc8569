// A "next release" of the package made from the packed one: every compiled file under dist/provider/
// except the dynamic-provider entry is moved into another folder under another name, the relative
// requires between them are rewritten, and `exports` points at the new places. It stands for any
// refactor of provider/ between two releases; stacks deployed with the first must keep working with it.
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { npmPack } from "./builtPackage";

/** The subpath the stored provider text requires: the one file that stays where it is. */
const ENTRY_SUBPATH = "./dynamic-provider";

/** The file an `exports` target names (a path, or `{ types, default }`). */
function exportTarget(target: unknown): string {
  if (typeof target === "string") return target;
  const path = (target as { default?: unknown } | null)?.default;
  if (typeof path !== "string") throw new Error(`unexpected exports target ${JSON.stringify(target)}`);
  return path;
}

export interface NextRelease {
  /** The tarball of the next release. */
  readonly tarball: string;
  /** Old → new path (relative to the package root) of each moved file. */
  readonly moved: Record<string, string>;
}

/** A relative `require` specifier from one file to another, as tsc writes it (no extension). */
function specifier(fromFile: string, toFile: string): string {
  const rel = relative(dirname(fromFile), toFile).replace(/\.js$/, "");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

export function makeNextRelease(tarball: string): NextRelease {
  const work = mkdtempSync(join(tmpdir(), "pmij-next-"));
  execFileSync("tar", ["-xzf", tarball, "-C", work]);
  const pkg = join(work, "package");
  const providerDir = join(pkg, "dist", "provider");
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const entryFile = join(pkg, exportTarget(manifest.exports[ENTRY_SUBPATH]));
  const files = readdirSync(providerDir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".js"),
  );
  // Declarations and source maps would still name the old files; a release of this shape ships JS only.
  for (const file of readdirSync(providerDir, { recursive: true, encoding: "utf8" })) {
    if (/\.(d\.ts|map)$/.test(file)) rmSync(join(providerDir, file));
  }
  const newPath = new Map<string, string>();
  for (const file of files) {
    const old = join(providerDir, file);
    newPath.set(
      old,
      old === entryFile
        ? old
        : join(providerDir, "refactored", dirname(file), `${basename(file, ".js")}Next.js`),
    );
  }
  for (const [old, now] of newPath) {
    let text = readFileSync(old, "utf8");
    text = text.replace(/require\("(\.{1,2}\/[^"]+)"\)/g, (match, spec: string) => {
      const target = join(dirname(old), spec.endsWith(".js") ? spec : `${spec}.js`);
      const moved = newPath.get(target);
      return moved ? `require("${specifier(now, moved)}")` : match;
    });
    mkdirSync(dirname(now), { recursive: true });
    writeFileSync(old, text);
    if (now !== old) renameSync(old, now);
  }
  // Every `exports` target, `main` and each bin follow their file (declarations are gone).
  const follow = (path: string): string => {
    const now = newPath.get(join(pkg, path));
    return now ? `./${relative(pkg, now)}` : path;
  };
  manifest.version = `${manifest.version}-next`;
  manifest.main = follow(manifest.main);
  delete manifest.types;
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    manifest.exports[subpath] = subpath === "./package.json" ? target : follow(exportTarget(target));
  }
  for (const [name, path] of Object.entries(manifest.bin ?? {})) manifest.bin[name] = follow(path as string);
  writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2));
  const packed = npmPack(pkg, mkdtempSync(join(tmpdir(), "pmij-next-pack-")));
  const moved: Record<string, string> = {};
  for (const [old, now] of newPath) if (old !== now) moved[relative(pkg, old)] = relative(pkg, now);
  return { tarball: packed, moved };
}

/** The commit of release 0.1.0, whose stored provider text required internal files. */
export const RELEASE_0_1_0 = "6cc2904";

/**
 * The package as `commit` of this repository packed it (built from that commit's sources with this
 * checkout's node_modules), or undefined when the history is not there (a shallow clone).
 */
export function packRelease(repo: string, commit: string): string | undefined {
  try {
    execFileSync("git", ["-C", repo, "cat-file", "-e", `${commit}^{commit}`], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const work = mkdtempSync(join(tmpdir(), `pmij-release-${commit}-`));
  const tree = join(work, "tree");
  mkdirSync(tree);
  execFileSync("sh", ["-c", `git -C "$0" archive "$1" | tar -x -C "$2"`, repo, commit, tree]);
  execFileSync("ln", ["-s", join(repo, "node_modules"), join(tree, "node_modules")]);
  // Emit only: that commit's sources type-check against its own dependency versions, not today's.
  execFileSync(
    process.execPath,
    [join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--noCheck"],
    {
      cwd: tree,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const dest = join(work, "pack");
  mkdirSync(dest);
  return npmPack(tree, dest);
}
