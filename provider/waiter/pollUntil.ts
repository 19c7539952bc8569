// A poll loop shaped like the AWS SDK waiters' (smithy-typescript `util-waiter`). Unlike the SDK's
// loop, which gives up when the next delay would pass the deadline, this one shortens that delay and
// polls once more just before it, so a job that finished in the last interval is not a timeout.

/** What an acceptor makes of one poll. */
export type AcceptorState = "SUCCESS" | "FAILURE" | "RETRY";

export interface PollResult<T> {
  /** SUCCESS and FAILURE end the loop; RETRY polls again after a delay. */
  readonly state: AcceptorState;
  /** What the poll saw; the outcome carries the last one. */
  readonly value: T;
}

export interface PollContext {
  /** 1 for the first poll. */
  readonly poll: number;
  /** Seconds since the loop started. */
  readonly elapsedSeconds: number;
}

/** Timing of the loop; every duration is in seconds, the clock functions in milliseconds. */
export interface PollTiming {
  /** Longest time to wait, in seconds. */
  readonly maxWaitTime: number;
  /** First delay between polls, in seconds; each next one doubles. */
  readonly minDelay: number;
  /** Longest delay between polls, in seconds. */
  readonly maxDelay: number;
  /** Waits `ms` milliseconds; given `abortSignal`, so that it can end (and clear its timer) when it fires. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The current time in milliseconds. */
  readonly now: () => number;
  /**
   * Ends the loop as soon as it fires, also in the middle of a poll or a delay (the poll's own work is
   * left to finish or be cancelled by its own use of the signal). @default never
   */
  readonly abortSignal?: AbortSignal;
  /** The error to reject with when `abortSignal` fires, given its `reason`. @default the reason */
  readonly aborted?: (reason: unknown) => unknown;
}

export interface PollOutcome<T> {
  /** The last poll's verdict, or TIMEOUT when it was still RETRY at the deadline. */
  readonly state: "SUCCESS" | "FAILURE" | "TIMEOUT";
  /** What the last poll saw. */
  readonly value: T;
  /** Number of polls made. */
  readonly polls: number;
  /** Seconds from the start to the end of the last poll. */
  readonly waitedSeconds: number;
}

/**
 * Delay before retry number `retry` (0 for the first), in seconds: `minDelay × 2^retry`, capped at
 * `maxDelay`. No jitter: a gate is one poller, and a fixed schedule makes the last poll predictable.
 *
 * @example
 * [0, 1, 2, 3].map((n) => backoffDelay(n, 5, 30)); // [5, 10, 20, 30]
 */
export function backoffDelay(retry: number, minDelay: number, maxDelay: number): number {
  return Math.min(maxDelay, minDelay * 2 ** Math.min(retry, 52));
}

/**
 * How long before the deadline the last poll is made, in seconds: a tenth of `maxWaitTime`, at most
 * one second, which leaves time for the request itself.
 *
 * @example
 * lastPollLead(600); // 1
 */
export function lastPollLead(maxWaitTime: number): number {
  return Math.min(1, maxWaitTime / 10);
}

/**
 * Polls `check` until it returns SUCCESS or FAILURE, or the deadline passes (TIMEOUT). The first poll
 * is immediate; errors thrown by `check` end the loop and propagate.
 *
 * @example
 * const outcome = await pollUntil(async () => ({ state: (await isDone()) ? "SUCCESS" : "RETRY", value: null }),
 *   { maxWaitTime: 600, minDelay: 5, maxDelay: 30, sleep, now });
 */
export async function pollUntil<T>(
  check: (context: PollContext) => Promise<PollResult<T>>,
  timing: PollTiming,
): Promise<PollOutcome<T>> {
  const abortable = <V>(work: Promise<V>): Promise<V> => raceAbort(work, timing);
  // Not even a first request once the caller has given up.
  await abortable(Promise.resolve());
  const start = timing.now();
  const deadline = start + timing.maxWaitTime * 1000;
  const lead = lastPollLead(timing.maxWaitTime) * 1000;
  for (let poll = 1; ; poll += 1) {
    const started = timing.now();
    const result = await abortable(check({ poll, elapsedSeconds: (started - start) / 1000 }));
    const ended = timing.now();
    const waitedSeconds = (ended - start) / 1000;
    if (result.state !== "RETRY") {
      return { state: result.state, value: result.value, polls: poll, waitedSeconds };
    }
    const remaining = deadline - ended;
    // The poll just made was the one "just before the deadline" (or the deadline has passed).
    if (remaining <= lead) {
      return { state: "TIMEOUT", value: result.value, polls: poll, waitedSeconds };
    }
    // A job may finish just after this poll read it; it is seen when the next poll *ends*. Taking two
    // poll durations off the delay (this poll's, and an estimate of the next one's) keeps that lag
    // within `maxDelay` on a slow list (bench/ scenario 4), not `maxDelay` plus two polls.
    const pollMs = ended - started;
    const delayMs = backoffDelay(poll - 1, timing.minDelay, timing.maxDelay) * 1000 - 2 * pollMs;
    await abortable(timing.sleep(Math.max(0, Math.min(delayMs, remaining - lead)), timing.abortSignal));
  }
}

/**
 * `work`, or a rejection with `timing.aborted(reason)` as soon as `timing.abortSignal` fires, whichever
 * comes first. Abandoned work keeps running to its end; its failure is then ignored, never reported as
 * an unhandled rejection.
 */
function raceAbort<V>(work: Promise<V>, timing: PollTiming): Promise<V> {
  const signal = timing.abortSignal;
  if (signal === undefined) {
    return work;
  }
  const fail = () => (timing.aborted ? timing.aborted(signal.reason) : signal.reason);
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(fail());
  }
  return new Promise<V>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(fail());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
