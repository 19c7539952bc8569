// `npm run build:python-sdk`: the wheel of the generated Python SDK (sdk/python, see `npm run gen-sdks`)
// in dist/python/, the file users `pip install` (README "Languages").
//
// Built from a copy of sdk/python, so that setuptools' build/ and *.egg-info never land in the
// committed tree (which `gen-sdks --check` compares file by file). Uses $PYTHON, else python3; pip
// fetches the build backend (setuptools, named in pyproject.toml) into an isolated build environment.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const out = join(root, "dist", "python");

/** Builds the wheel and returns its path. */
export function buildPythonSdk(): string {
  const source = mkdtempSync(join(tmpdir(), "pmij-python-sdk-"));
  try {
    cpSync(join(root, "sdk", "python"), source, { recursive: true });
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    execFileSync(
      process.env.PYTHON ?? "python3",
      ["-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check", "-w", out, source],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  const wheels = readdirSync(out).filter((file) => file.endsWith(".whl"));
  if (wheels.length !== 1) throw new Error(`expected one wheel in dist/python, found: ${wheels.join(", ")}`);
  return join(out, wheels[0]);
}

if (require.main === module) {
  const started = Date.now();
  const wheel = buildPythonSdk();
  console.log(`build:python-sdk: ${wheel.slice(root.length + 1)} in ${Date.now() - started} ms`);
}
