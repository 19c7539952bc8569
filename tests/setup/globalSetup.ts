// Makes the folder in which the suites share what they build at most once per run (the built
// package, its `npm pack` tarball, the plugin tarball: tests/support/builtPackage.ts). The path reaches the test workers
// through the environment, which they inherit from this process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function globalSetup(): void {
  process.env.PMIJ_SHARED_DIR ??= mkdtempSync(join(tmpdir(), "pmij-test-run-"));
}
