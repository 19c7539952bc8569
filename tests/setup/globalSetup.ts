// Packs the package once per test run, as `npm pack` would for a user, so that the suites that prove
// the package works when installed (consumer install, real-CLI end-to-end) share one tarball.
// `npm test` builds dist/ first (the `pretest` script). The path reaches the test workers through
// the environment, which they inherit from this process.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function globalSetup(): void {
  if (process.env.PMIJ_TARBALL) return;
  const root = join(__dirname, "..", "..");
  // `npx jest` skips the `pretest` build; a tarball without dist/ would test nothing.
  if (!existsSync(join(root, "dist", "provider", "index.js"))) {
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
  const dest = mkdtempSync(join(tmpdir(), "pmij-pack-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dest], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(dest).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dest}`);
  process.env.PMIJ_TARBALL = join(dest, tarball);
}
