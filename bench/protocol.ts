/**
 * The messages between the benchmark's parent (which hosts the emulator and keeps the score) and a
 * child process (which runs one contender once). One child per measured run, so that its peak RSS and
 * CPU are the contender's alone: the emulator's memory and CPU stay in the parent.
 *
 * Sequence: parent forks → child `loaded` → parent `task` → child prepares (imports, warm-up request) →
 * child `ready` → parent resets the emulator's call counter (and faults) → parent `go` → child runs the
 * measured part → child `result` (or `failed`) → child exits.
 */

/** Read every job of a list once: scenario 1. */
export interface ListTask {
  readonly kind: "list";
  /** "ours" = getAddressListImportJobs; "sdk" = a plain loop over paginateListAddressListImportJobs plus a sort. */
  readonly contender: "ours" | "sdk";
  readonly endpoint: string;
  readonly addressListId: string;
  /** A one-job list read before the measured run, so that SDK and module warm-up are not measured. */
  readonly warmupListId: string;
}

/** The same lookup several times in one program: scenario 2. */
export interface RepeatTask {
  readonly kind: "repeat";
  readonly contender: "ours" | "sdk";
  /** One after the other, or all at once (as Output-form lookups in a Pulumi program run). */
  readonly mode: "sequential" | "concurrent";
  readonly times: number;
  readonly endpoint: string;
  readonly addressListId: string;
  readonly warmupListId: string;
}

/** Read every job of a list while the emulator throttles: scenario 3. */
export interface ThrottleTask {
  readonly kind: "throttle";
  /**
   * "ours" = getAddressListImportJobs with its defaults; "sdk" = the plain loop with the SDK's default
   * client (standard retry, 3 attempts); "sdk-adaptive" = the plain loop with `retryMode: "adaptive"`.
   */
  readonly contender: "ours" | "sdk" | "sdk-adaptive";
  readonly endpoint: string;
  readonly addressListId: string;
  readonly warmupListId: string;
}

/** Many lookups of different lists at once while the emulator throttles: scenario 3b. */
export interface ConcurrentThrottleTask {
  readonly kind: "throttle-concurrent";
  /**
   * "ours" = getAddressListImportJobs per list, all at once (one rate limiter shared by the process);
   * "sdk" = the plain loop per list with the SDK's default client each (standard retry, 3 attempts);
   * "sdk-adaptive" = the same with `retryMode: "adaptive"` (each client learns the limit alone).
   */
  readonly contender: "ours" | "sdk" | "sdk-adaptive";
  readonly endpoint: string;
  readonly addressListIds: readonly string[];
  readonly warmupListId: string;
}

/** Wait for one job with waitForImportJobs: scenario 4. */
export interface GateTask {
  readonly kind: "gate";
  readonly endpoint: string;
  readonly addressListId: string;
  readonly jobId: string;
  readonly warmupListId: string;
  /** waitForImportJobs timing, in seconds. */
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly maxWaitTime: number;
}

/** normalise + sort + fingerprint of synthetic jobs, no network: scenario 5. */
export interface ProcessingTask {
  readonly kind: "processing";
  readonly jobs: number;
  readonly repetitions: number;
}

export type Task = ListTask | RepeatTask | ThrottleTask | ConcurrentThrottleTask | GateTask | ProcessingTask;

/** What every measured run reports about its own process. */
export interface RunMeasurement {
  /** Wall time of the measured part, ms. */
  readonly wallMs: number;
  /** CPU time (user + system) of the measured part, ms. */
  readonly cpuMs: number;
  /** Peak resident set size of the child process over its whole life, MB. */
  readonly peakRssMb: number;
  /** Resident set size just before the measured part (modules loaded, warm-up done), MB. */
  readonly baselineRssMb: number;
  /** Wall time of the warm-up lookup (cold SDK), ms; 0 when there was none. */
  readonly warmupMs: number;
}

/** Scenario 1–3: a lookup's measurement and outcome. */
export interface LookupResult extends RunMeasurement {
  /** Jobs returned (the last lookup's, for repeated lookups). */
  readonly jobs: number;
  /** The error's name and message when the lookup failed (the measurement still counts). */
  readonly error?: string;
}

/** Scenario 3b: how many of the concurrent lookups failed, and why (the first few). */
export interface ConcurrentLookupResult extends RunMeasurement {
  readonly lookups: number;
  readonly failed: number;
  /** Jobs returned by all successful lookups together. */
  readonly jobs: number;
  readonly errors: readonly string[];
}

/** Scenario 4: when the gate started and released, on the machine's clock (epoch ms). */
export interface GateResult extends RunMeasurement {
  readonly startedAtMs: number;
  readonly releasedAtMs: number;
  readonly polls: number;
  /** Wall time of the last poll (the one that saw the job complete), ms. */
  readonly lastPollMs: number;
  /** The job's `completedTimestamp` as the gate saw it, epoch ms. */
  readonly completedAtMs?: number;
  readonly error?: string;
}

/** Scenario 5: one repetition's CPU split, ms. */
export interface ProcessingRepetition {
  readonly totalCpuMs: number;
  readonly totalWallMs: number;
  readonly normaliseMs: number;
  readonly sortMs: number;
  readonly fingerprintMs: number;
  /** What a user writes instead: sort the SDK's objects by CreatedTimestamp, no copy, no fingerprint. */
  readonly naiveSortMs: number;
}

export interface ProcessingResult extends RunMeasurement {
  /** RSS with the synthetic input built, before any processing, MB. */
  readonly inputRssMb: number;
  /** Peak RSS after the first repetition only (later ones add garbage the GC has not returned), MB. */
  readonly firstPeakRssMb: number;
  readonly repetitions: ProcessingRepetition[];
}

export type ChildMessage =
  | { readonly type: "loaded" }
  | { readonly type: "ready" }
  | {
      readonly type: "result";
      readonly result: LookupResult | ConcurrentLookupResult | GateResult | ProcessingResult;
    }
  | { readonly type: "failed"; readonly error: string };

export type ParentMessage = { readonly type: "task"; readonly task: Task } | { readonly type: "go" };
