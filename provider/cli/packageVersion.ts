import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * This package's version, from the nearest package.json above this file that is this package's: the
 * built bin sits at dist/provider/cli/ in the installed package and in the repository alike, and a
 * JSON import would make tsc copy package.json into dist/ (outside the published files).
 *
 * @example
 * packageVersion(); // "0.1.0"
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === "pulumi-mailmanager-import-jobs" && manifest.version) {
        return manifest.version;
      }
    } catch {
      // No package.json here: look one level up.
    }
    if (dirname(dir) === dir) {
      return "unknown";
    }
  }
}
