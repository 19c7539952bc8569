// The package as the suites that need it see it: dist/ built from the current sources, the `npm pack`
// tarball a user installs, and a folder through which a provider host started from this repository
// finds the package by name. Each is made at most once per test run, on first use, by whichever worker
// asks first (the others wait), so suites that need none of them (tests/unit) start at once.
// tests/setup/globalSetup.ts only makes the folder they share (PMIJ_SHARED_DIR).
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function sharedDir(): string {
  const dir = process.env.PMIJ_SHARED_DIR;
  if (!dir) throw new Error("PMIJ_SHARED_DIR is not set (tests/setup/globalSetup.ts did not run)");
  return dir;
}

/** Runs `make` once per test run under `name`, across worker processes; returns what it returned. */
export function once(name: string, make: () => string): string {
  const done = join(sharedDir(), `${name}.done`);
  const lock = join(sharedDir(), `${name}.lock`);
  for (;;) {
    if (existsSync(done)) return readFileSync(done, "utf8");
    try {
      mkdirSync(lock);
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    try {
      if (!existsSync(done)) writeFileSync(done, make());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Newest modification time of the files below `dir`, in ms. */
function newestMtime(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: "utf8" }).map(
      (file) => statSync(join(dir, file)).mtimeMs,
    ),
  );
}

/** Builds dist/ when it is missing or older than the sources (`npx jest` skips the `pretest` build). */
export function ensureBuilt(): void {
  once("build", () => {
    const built = join(ROOT, "dist", "provider", "index.js");
    const sources = Math.max(newestMtime(join(ROOT, "provider")), newestMtime(join(ROOT, "emulator")));
    if (!existsSync(built) || sources > statSync(built).mtimeMs) {
      execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    }
    return "built";
  });
}

/** Runs `npm pack` of the package in `cwd` into the folder `dest` and returns the tarball's path. */
export function npmPack(cwd: string, dest: string): string {
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dest], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(dest).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dest}`);
  return join(dest, tarball);
}

/**
 * The `npm pack` tarball of the current sources. PMIJ_TARBALL, when set, replaces it: the negative
 * control of the upgrade test (docs/MAINTAINING.md, "The state contract") runs that test with 0.1.0's
 * tarball as the "current" release.
 */
export function packageTarball(): string {
  if (process.env.PMIJ_TARBALL) return process.env.PMIJ_TARBALL;
  ensureBuilt();
  return once("pack", () => {
    const dest = join(sharedDir(), "pack");
    mkdirSync(dest, { recursive: true });
    return npmPack(ROOT, dest);
  });
}

/**
 * A `node_modules` folder holding a link to this repository under the package's name: on a provider
 * host's NODE_PATH, the stored provider text's `require("pulumi-mailmanager-import-jobs/dynamic-provider")`
 * finds the built package as a program finds it in its own node_modules.
 */
export function selfNodePath(): string {
  ensureBuilt();
  return once("self-link", () => {
    const modules = join(sharedDir(), "self", "node_modules");
    mkdirSync(modules, { recursive: true });
    symlinkSync(ROOT, join(modules, "pulumi-mailmanager-import-jobs"), "dir");
    return modules;
  });
}
