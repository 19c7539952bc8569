// Go programs with the real Pulumi CLI and the Go language host beside it: program copies in temp
// dirs (stack files stay out of the repo) whose local `replace` directives still reach the repo's
// modules, and a build of each copy up front, so that the `go build` the host runs in every `pulumi`
// command takes seconds, not the minutes of compiling the Pulumi Go SDK cold.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { devNull, tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

const REPO = join(__dirname, "..", "..");
export const GO_EXAMPLE = join(REPO, "examples", "go");

/** What `go mod edit -json` prints of a go.mod's replace directives. */
interface GoModReplaces {
  Replace?: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[];
}

function go(dir: string, args: string[]): string {
  return execFileSync("go", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

/**
 * A copy of a Go program in a fresh temp dir; each `replace` by a relative directory (examples/go's
 * `../../sdk/go`) points at that directory's absolute path, as it did from the original.
 */
export function copyGoProgram(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), "pmij-go-"));
  cpSync(dir, copy, { recursive: true });
  const mod = JSON.parse(go(copy, ["mod", "edit", "-json"])) as GoModReplaces;
  for (const { Old, New } of mod.Replace ?? []) {
    if (New.Version || isAbsolute(New.Path)) continue;
    const old = Old.Version ? `${Old.Path}@${Old.Version}` : Old.Path;
    go(copy, ["mod", "edit", `-replace=${old}=${resolve(dir, New.Path)}`]);
  }
  return copy;
}

/**
 * Builds the program with the flags the Go host builds it with, so that Go's build cache holds every
 * package the host's builds need. Modules come from the module cache or the module proxy (go.sum
 * pins them).
 */
export function warmGoBuild(dir: string): void {
  go(dir, ["build", "-buildvcs=false", "-o", devNull, "-trimpath", "-ldflags", "-w -s", "."]);
}
