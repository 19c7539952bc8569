/**
 * One measured run in its own process (see protocol.ts). Compiled to JavaScript before the benchmark
 * starts (buildChild.ts), so that no TypeScript compiler sits in the process whose memory is measured.
 */
import { waitForImportJobs } from "../provider";
// The core steps measured one by one are internal modules of the package.
import { buildImportJobsResult } from "../provider/core/buildImportJobsResult";
import { fingerprint } from "../provider/core/fingerprint";
import { sortImportJobs } from "../provider/core/sortImportJobs";
import { normalizeImportJob } from "../provider/core/normalizeImportJob";
import { ours, sdkLoop, type Lookup } from "./contenders";
import type {
  ChildMessage,
  ConcurrentLookupResult,
  ConcurrentThrottleTask,
  GateResult,
  GateTask,
  ListTask,
  LookupResult,
  ParentMessage,
  ProcessingRepetition,
  ProcessingResult,
  ProcessingTask,
  RepeatTask,
  RunMeasurement,
  Task,
  ThrottleTask,
} from "./protocol";
import { sdkJobs } from "./syntheticJobs";

const MB = 1024 * 1024;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** Resolves with the next message from the parent. */
function nextMessage(): Promise<ParentMessage> {
  return new Promise((resolve) => process.once("message", (message) => resolve(message as ParentMessage)));
}

function describeError(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown };
  return `${String(e?.name ?? "Error")}: ${String(e?.message ?? error)}`.slice(0, 500);
}

/** Times `run` (wall and CPU) after telling the parent it may reset its counters. */
async function measured<T>(
  warmupMs: number,
  run: () => Promise<T>,
): Promise<{ value?: T; error?: string; measurement: RunMeasurement }> {
  const baselineRssMb = process.memoryUsage().rss / MB;
  const reply = nextMessage();
  await send({ type: "ready" });
  const go = await reply;
  if (go.type !== "go") {
    throw new Error(`Expected "go" from the parent, got ${go.type}.`);
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let value: T | undefined;
  let error: string | undefined;
  try {
    value = await run();
  } catch (e) {
    error = describeError(e);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    value,
    error,
    measurement: {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      // maxRSS is in kilobytes.
      peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
      baselineRssMb,
      warmupMs,
    },
  };
}

/** A one-job lookup with the same contender, so that the measured run starts with a warm SDK. */
async function warmUp(lookup: (l: Lookup) => Promise<number>, endpoint: string, listId: string) {
  const t0 = performance.now();
  await lookup({ endpoint, addressListId: listId });
  return performance.now() - t0;
}

function lookupFor(contender: ThrottleTask["contender"]): (l: Lookup) => Promise<number> {
  switch (contender) {
    case "ours":
      return ours;
    case "sdk":
      return (l) => sdkLoop(l);
    case "sdk-adaptive":
      return (l) => sdkLoop(l, { retryMode: "adaptive" });
  }
}

async function runLookup(task: ListTask | ThrottleTask): Promise<LookupResult> {
  const lookup = lookupFor(task.contender);
  const warmupMs = await warmUp(lookup, task.endpoint, task.warmupListId);
  const { value, error, measurement } = await measured(warmupMs, () =>
    lookup({ endpoint: task.endpoint, addressListId: task.addressListId }),
  );
  return { ...measurement, jobs: value ?? 0, ...(error ? { error } : {}) };
}

async function runConcurrent(task: ConcurrentThrottleTask): Promise<ConcurrentLookupResult> {
  const lookup = lookupFor(task.contender);
  const warmupMs = await warmUp(lookup, task.endpoint, task.warmupListId);
  const { value, error, measurement } = await measured(warmupMs, () =>
    Promise.allSettled(
      task.addressListIds.map((addressListId) => lookup({ endpoint: task.endpoint, addressListId })),
    ),
  );
  const settled = value ?? [];
  const failures = settled.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  return {
    ...measurement,
    lookups: task.addressListIds.length,
    failed: error ? task.addressListIds.length : failures.length,
    jobs: settled.reduce((n, r) => n + (r.status === "fulfilled" ? r.value : 0), 0),
    errors: [...(error ? [error] : []), ...failures.slice(0, 3).map((r) => describeError(r.reason))],
  };
}

async function runRepeat(task: RepeatTask): Promise<LookupResult> {
  const lookup = lookupFor(task.contender);
  const warmupMs = await warmUp(lookup, task.endpoint, task.warmupListId);
  const one = () => lookup({ endpoint: task.endpoint, addressListId: task.addressListId });
  const { value, error, measurement } = await measured(warmupMs, async () => {
    if (task.mode === "concurrent") {
      const counts = await Promise.all(Array.from({ length: task.times }, one));
      return counts[counts.length - 1];
    }
    let count = 0;
    for (let i = 0; i < task.times; i += 1) {
      count = await one();
    }
    return count;
  });
  return { ...measurement, jobs: value ?? 0, ...(error ? { error } : {}) };
}

async function runGate(task: GateTask): Promise<GateResult> {
  const warmupMs = await warmUp(ours, task.endpoint, task.warmupListId);
  let startedAtMs = 0;
  let lastPollStartedAtMs = 0;
  const { value, error, measurement } = await measured(warmupMs, () => {
    startedAtMs = Date.now();
    return waitForImportJobs({
      onProgress: (progress) => {
        lastPollStartedAtMs = startedAtMs + progress.elapsedSeconds * 1000;
      },
      addressListId: task.addressListId,
      endpoint: task.endpoint,
      jobIds: [task.jobId],
      minDelay: task.minDelay,
      maxDelay: task.maxDelay,
      maxWaitTime: task.maxWaitTime,
    });
  });
  const releasedAtMs = Date.now();
  const completed = value?.importJobs.find((job) => job.jobId === task.jobId)?.completedTimestamp;
  return {
    ...measurement,
    startedAtMs,
    releasedAtMs,
    polls: value?.polls ?? 0,
    lastPollMs: releasedAtMs - lastPollStartedAtMs,
    ...(completed ? { completedAtMs: Date.parse(completed) } : {}),
    ...(error ? { error } : {}),
  };
}

function cpuMsOf(run: () => void): number {
  const cpu0 = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000;
}

async function runProcessing(task: ProcessingTask): Promise<ProcessingResult> {
  const raw = sdkJobs(task.jobs);
  const inputRssMb = process.memoryUsage().rss / MB;
  const repetitions: ProcessingRepetition[] = [];
  let firstPeakRssMb = NaN;
  const { error, measurement } = await measured(0, async () => {
    const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    for (let i = 0; i < task.repetitions; i += 1) {
      // Each repetition starts from a collected heap, so that it does not pay for the last one's garbage.
      collectGarbage();
      // The product's own path, end to end (normalise, filter, sort, summarise, fingerprint)...
      const t0 = performance.now();
      // (The fingerprint is computed when first read: read it, as a Pulumi program's outputs do.)
      const totalCpuMs = cpuMsOf(
        () => buildImportJobsResult(raw, { addressListId: "al-bench", region: "r" }).fingerprint,
      );
      const totalWallMs = performance.now() - t0;
      if (i === 0) {
        firstPeakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
      }
      // ...and its three costly steps one by one, on fresh copies.
      collectGarbage();
      let normalised: ReturnType<typeof normalizeImportJob>[] = [];
      const normaliseMs = cpuMsOf(() => {
        normalised = raw.map(normalizeImportJob);
      });
      const sortMs = cpuMsOf(() => {
        normalised = sortImportJobs(normalised);
      });
      const fingerprintMs = cpuMsOf(() => {
        fingerprint({ importJobs: normalised, jobIds: normalised.map((job) => job.jobId) });
      });
      const copy = [...raw];
      const naiveSortMs = cpuMsOf(() => {
        copy.sort((a, b) => (a.CreatedTimestamp?.getTime() ?? 0) - (b.CreatedTimestamp?.getTime() ?? 0));
      });
      repetitions.push({ totalCpuMs, totalWallMs, normaliseMs, sortMs, fingerprintMs, naiveSortMs });
    }
  });
  if (error) {
    throw new Error(error);
  }
  return { ...measurement, inputRssMb, firstPeakRssMb, repetitions };
}

function run(task: Task): Promise<LookupResult | ConcurrentLookupResult | GateResult | ProcessingResult> {
  switch (task.kind) {
    case "list":
    case "throttle":
      return runLookup(task);
    case "throttle-concurrent":
      return runConcurrent(task);
    case "repeat":
      return runRepeat(task);
    case "gate":
      return runGate(task);
    case "processing":
      return runProcessing(task);
  }
}

async function main(): Promise<void> {
  const first = nextMessage();
  await send({ type: "loaded" });
  const message = await first;
  if (message.type !== "task") {
    throw new Error(`Expected a task from the parent, got ${message.type}.`);
  }
  try {
    await send({ type: "result", result: await run(message.task) });
  } catch (e) {
    await send({ type: "failed", error: describeError(e) });
  }
  process.disconnect?.();
}

void main();
