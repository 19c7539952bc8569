// Runs the real Pulumi CLI against programs installed the way a user installs the package:
// from the `npm pack` tarball into a fresh directory with its own node_modules, on a local file
// backend with passphrase secrets, with no network (no plugin downloads, no update check).
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { packageTarball } from "./builtPackage";

/** The pinned CLI version `scripts/ensure-pulumi-cli` builds. */
const PINNED = "v3.276.0";
const REPO = join(__dirname, "..", "..");

/** The directory holding `pulumi`, or undefined when none can be found. */
export function findPulumiCliDir(): string | undefined {
  const candidates = [
    process.env.PULUMI_CLI_DIR,
    join(
      process.env.PULUMI_CLI_CACHE ??
        join(
          process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
          "pulumi-mailmanager-import-jobs",
          "pulumi-cli",
        ),
      PINNED,
      "bin",
    ),
    ...(process.env.PATH ?? "").split(delimiter),
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, "pulumi")));
}

/**
 * Why end-to-end suites cannot run here, or undefined when they can. In CI (`REQUIRE_E2E=1`, set by
 * .ci/run after `scripts/ensure-pulumi-cli`) a missing CLI is an error, never a silent skip.
 */
export function e2eUnavailableReason(): string | undefined {
  if (!findPulumiCliDir()) {
    const why = "no Pulumi CLI: run scripts/ensure-pulumi-cli (needs Go) or install pulumi";
    if (process.env.REQUIRE_E2E) throw new Error(`REQUIRE_E2E is set but ${why}`);
    return why;
  }
  return undefined;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  readonly output: string;
}

/** Extra npm packages a program may need besides the package and @pulumi/pulumi. */
export interface ConsumerOptions {
  readonly extraDependencies?: Record<string, string>;
}

/**
 * A fresh consumer directory: package.json depending on the tarball, npm-installed once; programs
 * live in sub-directories and find node_modules by walking up, as in a monorepo.
 */
export function createConsumer(options: ConsumerOptions = {}): string {
  const tarball = packageTarball();
  const dir = mkdtempSync(join(tmpdir(), "pmij-consumer-"));
  const devPkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify(
      {
        name: "pmij-consumer",
        private: true,
        dependencies: {
          "pulumi-mailmanager-import-jobs": `file:${tarball}`,
          "@pulumi/pulumi": devPkg.devDependencies["@pulumi/pulumi"],
          typescript: devPkg.devDependencies.typescript,
          "ts-node": devPkg.devDependencies["ts-node"],
          ...options.extraDependencies,
        },
      },
      null,
      2,
    ),
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return dir;
}

/** Copies an example program (Pulumi.yaml, index.ts, ...) into `consumerDir/<name>`. */
export function addProgram(consumerDir: string, exampleDir: string, name: string): string {
  const dir = join(consumerDir, name);
  // Not the example's package.json: its dependencies are the consumer directory's, one level up.
  cpSync(exampleDir, dir, {
    recursive: true,
    filter: (src) => !src.includes("node_modules") && !src.endsWith("package.json"),
  });
  return dir;
}

/** One stack of one program on its own local backend. */
export class PulumiStack {
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly programDir: string,
    readonly stackName = "e2e",
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    const cliDir = findPulumiCliDir();
    if (!cliDir) throw new Error("no Pulumi CLI");
    const home = mkdtempSync(join(tmpdir(), "pmij-pulumi-home-"));
    const backend = join(home, "state");
    mkdirSync(backend);
    this.env = {
      ...process.env,
      PATH: `${cliDir}${delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
      ...extraEnv,
    };
  }

  /**
   * Runs `pulumi <args>` in the program directory; never throws on a non-zero exit. `onOutput` sees
   * the output so far as it streams, e.g. to act when a gate starts waiting.
   */
  run(args: string[], timeoutMs = 180_000, onOutput?: (output: string) => void): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive", "--color", "never"], {
        cwd: this.programDir,
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let output = "";
      child.stdout.on("data", (d) => ((stdout += d), (output += d), onOutput?.(output)));
      child.stderr.on("data", (d) => ((stderr += d), (output += d), onOutput?.(output)));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`pulumi ${args.join(" ")} timed out after ${timeoutMs} ms\n${output}`));
      }, timeoutMs);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr, output });
      });
    });
  }

  /** Like run, but throws with the CLI's output when the exit code is not 0. */
  async ok(args: string[], timeoutMs?: number): Promise<RunResult> {
    const result = await this.run(args, timeoutMs);
    if (result.code !== 0)
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
    return result;
  }

  async init(config: Record<string, string> = {}): Promise<void> {
    await this.ok(["stack", "init", this.stackName]);
    for (const [key, value] of Object.entries(config)) await this.ok(["config", "set", key, value]);
  }

  /** `pulumi stack output --json` (secrets shown as "[secret]" unless showSecrets). */
  async outputs(showSecrets = false): Promise<Record<string, unknown>> {
    const r = await this.ok(["stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : [])]);
    return JSON.parse(r.stdout);
  }

  /** `pulumi stack export` as text: the whole state as stored. */
  async exportState(): Promise<string> {
    return (await this.ok(["stack", "export"])).stdout;
  }
}
