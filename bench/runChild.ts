import { fork } from "node:child_process";
import { ROOT } from "./buildChild";
import type {
  ChildMessage,
  ConcurrentLookupResult,
  GateResult,
  LookupResult,
  ProcessingResult,
  Task,
} from "./protocol";

/**
 * The environment of every measured child: the emulator's credentials, a region, and nothing that
 * could reach a real AWS account or change the client's behaviour behind the contenders' backs (the
 * package's test knobs included).
 */
export function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !key.startsWith("AWS_") &&
      !key.startsWith("MAILMANAGER_IMPORT_JOBS_") &&
      !key.startsWith("PULUMI_")
    ) {
      env[key] = value;
    }
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/nonexistent-aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent-aws-credentials",
  };
}

/** What the parent learns from one child run. */
export interface ChildRun<R> {
  readonly result: R;
  /** CPU the parent (the emulator) used between "go" and the result, ms. */
  readonly emulatorCpuMs: number;
}

/** Called once the child is warmed up, just before "go": reset counters, set faults. */
export type BeforeGo = () => void | Promise<void>;

/** Longest a single child may take before it is killed. */
const CHILD_TIMEOUT_MS = 20 * 60 * 1000;

type AnyResult = LookupResult | ConcurrentLookupResult | GateResult | ProcessingResult;

/**
 * Forks the compiled child, hands it `task`, lets `beforeGo` prepare the emulator, and returns the
 * child's measurement plus the parent's CPU during the run (the parent only serves the emulator then).
 */
export function runChild<R extends AnyResult>(
  script: string,
  task: Task,
  beforeGo: BeforeGo = () => undefined,
  afterGo: () => void = () => undefined,
): Promise<ChildRun<R>> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      cwd: ROOT,
      env: childEnvironment(),
      // --expose-gc lets the CPU benchmark start each repetition from a collected heap.
      execArgv: task.kind === "processing" ? ["--expose-gc"] : [],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let cpu0: NodeJS.CpuUsage | undefined;
    let outcome: ChildRun<R> | undefined;
    let settled = false;
    const timer = setTimeout(() => {
      finish(new Error(`The ${task.kind} child took longer than ${CHILD_TIMEOUT_MS / 60000} minutes.`));
      child.kill();
    }, CHILD_TIMEOUT_MS);
    const finish = (error: Error | undefined, run?: ChildRun<R>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(run as ChildRun<R>);
    };
    child.on("message", (raw) => {
      const message = raw as ChildMessage;
      switch (message.type) {
        case "loaded":
          child.send({ type: "task", task });
          break;
        case "ready":
          Promise.resolve(beforeGo()).then(
            () => {
              cpu0 = process.cpuUsage();
              child.send({ type: "go" });
              afterGo();
            },
            (e: unknown) => finish(e as Error),
          );
          break;
        case "result": {
          // Settled on exit, so that a child's teardown never overlaps the next measured run.
          const cpu = process.cpuUsage(cpu0);
          outcome = { result: message.result as R, emulatorCpuMs: (cpu.user + cpu.system) / 1000 };
          break;
        }
        case "failed":
          finish(new Error(`The ${task.kind} child failed: ${message.error}`));
          break;
      }
    });
    child.on("error", (e) => finish(e));
    child.on("exit", (code, signal) => {
      finish(
        outcome
          ? undefined
          : new Error(`The ${task.kind} child exited early (code ${code}, signal ${signal}).`),
        outcome,
      );
    });
  });
}
