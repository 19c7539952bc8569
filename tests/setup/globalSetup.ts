// Packs the package once per test run, as `npm pack` would for a user, so that the suites that prove
// the package works when installed (consumer install, real-CLI end-to-end) share one tarball, and
// makes the built package resolvable by name for provider hosts started from this repository.
// `npm test` builds dist/ first (the `pretest` script). Paths reach the test workers through the
// environment, which they inherit from this process.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPluginTarball } from "../plugin/pluginCli";

/** Newest modification time of the files below `dir`, in ms. */
function newestMtime(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: "utf8" }).map(
      (file) => statSync(join(dir, file)).mtimeMs,
    ),
  );
}

/** dist/ is missing or older than the sources (`npx jest` skips the `pretest` build). */
function distIsStale(root: string): boolean {
  const built = join(root, "dist", "provider", "index.js");
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(root, "provider")), newestMtime(join(root, "emulator")));
  return sources > statSync(built).mtimeMs;
}

export default function globalSetup(): void {
  if (process.env.PMIJ_TARBALL) return;
  const root = join(__dirname, "..", "..");
  // A tarball, or a provider host, running an old dist/ would test old code.
  if (distIsStale(root)) {
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
  // The provider text stored in state requires `pulumi-mailmanager-import-jobs/dynamic-provider` by
  // name; a host started from this repository finds it through NODE_PATH (tests/dynamic/providerHost.ts).
  const self = mkdtempSync(join(tmpdir(), "pmij-self-"));
  mkdirSync(join(self, "node_modules"));
  symlinkSync(root, join(self, "node_modules", "pulumi-mailmanager-import-jobs"), "dir");
  process.env.PMIJ_SELF_NODE_PATH = join(self, "node_modules");
  const dest = mkdtempSync(join(tmpdir(), "pmij-pack-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dest], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(dest).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dest}`);
  process.env.PMIJ_TARBALL = join(dest, tarball);
  // The provider plugin's tarball, once for every suite that installs it (YAML, Python).
  process.env.PMIJ_PLUGIN_TARBALL = buildPluginTarball();
}
