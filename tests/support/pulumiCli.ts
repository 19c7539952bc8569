// Runs the real Pulumi CLI against programs installed the way a user installs the package:
// from the `npm pack` tarball into a fresh directory with its own node_modules, on a local file
// backend with passphrase secrets, with no network (no plugin downloads, no update check).
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { packageTarball } from "./builtPackage";

/** The pinned CLI version `scripts/env/ensure-pulumi-cli` builds. */
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

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  readonly output: string;
}

/** A `pulumi` command started by `PulumiStack.start`. */
export interface CrashableRun {
  /** What it printed so far. */
  output(): string;
  /** Resolves when it exits, however it ends. */
  readonly result: Promise<RunResult>;
  /** SIGKILL to its process group and every process below it; resolves when it has exited. */
  crash(): Promise<RunResult>;
  /**
   * Sends `signal` to the `pulumi` process alone (as a CI runner cancelling a job does) or to its
   * process group (as a terminal's Ctrl-C does); returns when it was sent, in ms since the epoch.
   */
  signal(signal: NodeJS.Signals, to: "process" | "group"): number;
}

/** Every process below `pid`, by the parent ids `ps` reports, children before grandchildren. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" }).split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (Number.isInteger(child) && Number.isInteger(parent)) {
      parents.set(parent, [...(parents.get(parent) ?? []), child]);
    }
  }
  const found: number[] = [];
  for (let next = [pid]; next.length > 0;) {
    next = next.flatMap((p) => parents.get(p) ?? []);
    found.push(...next);
  }
  return found;
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

  /** The local backend's directory (PULUMI_BACKEND_URL): state, history, backups and locks. */
  get backendDir(): string {
    return String(this.env.PULUMI_BACKEND_URL).replace(/^file:\/\//, "");
  }

  /**
   * Runs `pulumi <args>` in the program directory; never throws on a non-zero exit. `onOutput` sees
   * the output so far as it streams, e.g. to act when a gate starts waiting.
   */
  run(args: string[], timeoutMs = 180_000, onOutput?: (output: string) => void): Promise<RunResult> {
    return this.spawnRun(args, timeoutMs, false, onOutput).result;
  }

  /**
   * Starts `pulumi <args>` in a process group of its own, for a test that crashes it: `crash()` sends
   * SIGKILL to that group and to every process below it (the engine starts each plugin in a group of
   * its own, so killing the CLI's group alone would leave a provider running), as a lost machine would.
   */
  start(args: string[], timeoutMs = 180_000): CrashableRun {
    return this.spawnRun(args, timeoutMs, true);
  }

  private spawnRun(
    args: string[],
    timeoutMs: number,
    detached: boolean,
    onOutput?: (output: string) => void,
  ): CrashableRun {
    const child = spawn("pulumi", [...args, "--non-interactive", "--color", "never"], {
      cwd: this.programDir,
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached,
    });
    let stdout = "";
    let stderr = "";
    let output = "";
    const result = new Promise<RunResult>((resolve, reject) => {
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
    return {
      output: () => output,
      result,
      crash: () => {
        const pid = child.pid as number;
        const tree = descendantsOf(pid);
        process.kill(-pid, "SIGKILL");
        for (const descendant of tree) {
          try {
            process.kill(descendant, "SIGKILL");
          } catch {
            // Already gone with the CLI's group.
          }
        }
        return result;
      },
      signal: (signal, to) => {
        const pid = child.pid as number;
        process.kill(to === "group" ? -pid : pid, signal);
        return Date.now();
      },
    };
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
