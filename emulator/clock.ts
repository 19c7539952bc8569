/**
 * Time for the emulator's *simulated* world: resource timestamps, the import-job timers, the
 * pre-signed URL expiry and the TPS bucket. Network-ish delays (latency faults) and the HTTP
 * `Date` header always use real time: the SDK corrects its clock from `Date` when a request fails
 * with a clock-skew error, so that header must never come from a fake clock.
 */
export interface Clock {
  /** Current time, in epoch milliseconds. */
  now(): number;
  /** Runs `fn` after `ms` milliseconds of this clock's time; returns a handle for clearTimeout. */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time. Timers are unref'd so a forgotten emulator never keeps a process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

interface ManualTimer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/**
 * A clock that moves only when told to, so tests of slow state changes take no real time.
 * @example
 * const clock = new ManualClock(Date.UTC(2025, 0, 1));
 * const emulator = await startEmulator({ clock, processingMs: 5000 });
 * clock.advance(5000); // fires the import job's timer: PROCESSING -> COMPLETED
 */
export class ManualClock implements Clock {
  private current: number;
  private timers: ManualTimer[] = [];
  private nextId = 1;

  /** @param startMs Initial time in epoch milliseconds. @default Date.now() */
  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, due: this.current + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward by `ms` and fires every timer that falls due, in due order (timers set by those timers too). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`Expected \`ms\` to be a number >= 0, got ${ms}.`);
    const target = this.current + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.due);
      next.fn();
    }
    this.current = target;
  }

  /** Number of timers not yet fired. */
  get pendingTimers(): number {
    return this.timers.length;
  }
}
