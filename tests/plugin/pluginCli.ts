// The provider plugin with the real Pulumi CLI and the real YAML language host: builds the plugin's
// tarballs once per run (`npm run build:plugin`), installs one into each stack's own PULUMI_HOME with
// `pulumi plugin install --file` (never into the user's), and copies YAML programs to temp dirs.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "../support/builtPackage";
import { PulumiStack } from "../support/pulumiCli";

const REPO = join(__dirname, "..", "..");
export const PLUGIN_VERSION: string = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version;
export const PLUGIN_NAME = "mailmanager-import-jobs";

/**
 * The plugin built from the current sources: the linux-amd64 (or this platform's) tarball. Built once
 * per run by whichever suite asks first (tests/support/builtPackage.ts), so that suites running in
 * parallel never rebuild dist/plugin under each other.
 */
export function buildPluginTarball(): string {
  return once("plugin", () => {
    execFileSync("npm", ["run", "--silent", "build:plugin"], {
      cwd: REPO,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const os = process.platform === "darwin" ? "darwin" : "linux";
    const arch = process.arch === "arm64" ? "arm64" : "amd64";
    return join(
      REPO,
      "dist",
      "plugin",
      `pulumi-resource-${PLUGIN_NAME}-v${PLUGIN_VERSION}-${os}-${arch}.tar.gz`,
    );
  });
}

/** A copy of a YAML program directory in a fresh temp dir (stack files stay out of the repo). */
export function copyProgram(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), "pmij-yaml-"));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** A stack whose PULUMI_HOME has the plugin installed from `tarball`, as a user installs it. */
export async function stackWithPlugin(
  programDir: string,
  name: string,
  tarball: string,
): Promise<PulumiStack> {
  const stack = new PulumiStack(programDir, name);
  await stack.ok(["plugin", "install", "resource", PLUGIN_NAME, PLUGIN_VERSION, "--file", tarball]);
  return stack;
}
