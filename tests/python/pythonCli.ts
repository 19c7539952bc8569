// Python programs with the real Pulumi CLI and the Python language host beside it: a virtualenv with
// the pinned `pulumi` from PyPI (examples/python/requirements.txt), created once and cached outside the
// repository, and program copies in temp dirs whose `venv` is that virtualenv.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
export const PYTHON_EXAMPLE = join(REPO, "examples", "python");
const PYTHON = process.env.PYTHON ?? "python3";

/** The `pulumi` version the example pins: what the tests install from PyPI. */
export const PULUMI_PYTHON_VERSION = (() => {
  const requirements = readFileSync(join(PYTHON_EXAMPLE, "requirements.txt"), "utf8");
  const match = /^pulumi==(\S+)$/m.exec(requirements);
  if (!match) throw new Error("examples/python/requirements.txt pins no `pulumi==` version");
  return match[1];
})();

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * A virtualenv with the pinned `pulumi` from PyPI, built once per pin and Python version into the
 * cache (about 15 s from pip's cache, 45 s cold). Built under a temporary name and renamed, so that
 * two suites starting together never see half a virtualenv.
 */
export function pulumiVirtualenv(): string {
  const pythonVersion = execFileSync(PYTHON, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
    encoding: "utf8",
  }).trim();
  const cache =
    process.env.PYTHON_VENV_CACHE ??
    join(
      process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
      "pulumi-mailmanager-import-jobs",
      "python-venv",
    );
  const venv = join(cache, `py${pythonVersion}-pulumi-${PULUMI_PYTHON_VERSION}`);
  if (existsSync(join(venv, ".complete"))) return venv;
  const building = `${venv}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  run(PYTHON, ["-m", "venv", building]);
  run(join(building, "bin", "python"), [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    `pulumi==${PULUMI_PYTHON_VERSION}`,
  ]);
  execFileSync("touch", [join(building, ".complete")]);
  try {
    renameSync(building, venv);
  } catch (error) {
    // Another suite finished first: use its virtualenv.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(venv, ".complete"))) throw error;
  }
  return venv;
}

/**
 * Installs the SDK wheel into the virtualenv as a user does (`pip install <wheel>`, its dependencies
 * included), replacing an earlier build of the same version.
 */
export function installWheel(venv: string, wheel: string): void {
  const python = join(venv, "bin", "python");
  run(python, ["-m", "pip", "uninstall", "--quiet", "--yes", "pulumi_mailmanager_import_jobs"]);
  run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel]);
}

/** A copy of a Python program in a fresh temp dir, its `venv` (Pulumi.yaml) being `venv`. */
export function copyPythonProgram(dir: string, venv: string): string {
  const copy = mkdtempSync(join(tmpdir(), "pmij-python-"));
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.endsWith("venv") });
  symlinkSync(venv, join(copy, "venv"), "dir");
  return copy;
}
