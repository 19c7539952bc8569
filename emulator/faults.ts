import type { Clock } from "./clock";
import { internalError, ServiceError, throttled } from "./errors";
import type { FaultOptions } from "./types";

/** mulberry32: a tiny seeded PRNG, so a faulty run can be replayed exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATES = ["serverErrorRate", "malformedBodyRate", "resetRate", "slowResponseRate"] as const;
const COUNTS = [
  "latencyMs",
  "slowResponseMs",
  "throttleNext",
  "jobsAppearingPerListPage",
  "uploadResetNext",
] as const;

/** One queued upload error: an HTTP status and an S3 error code such as `InternalError` or `SlowDown`. */
export type UploadFault = NonNullable<FaultOptions["uploadFailNext"]>[number];

/** Checks fault settings up front, so a typo fails at start rather than silently doing nothing. */
function checkOptions(options: FaultOptions): void {
  for (const key of RATES) {
    const v = options[key];
    if (v !== undefined && !(typeof v === "number" && v >= 0 && v <= 1)) {
      throw new RangeError(`Expected \`faults.${key}\` to be a number from 0 to 1, got ${v}.`);
    }
  }
  for (const key of COUNTS) {
    const v = options[key];
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      throw new RangeError(`Expected \`faults.${key}\` to be a number >= 0, got ${v}.`);
    }
  }
  if (options.tps !== undefined && !(typeof options.tps === "number" && options.tps > 0)) {
    throw new RangeError(`Expected \`faults.tps\` to be a number > 0, got ${options.tps}.`);
  }
  for (const fault of options.uploadFailNext ?? []) {
    const { status, code } = (fault ?? {}) as Partial<UploadFault>;
    if (!(Number.isInteger(status) && status! >= 400 && status! <= 599 && /^[A-Za-z]+$/.test(code ?? ""))) {
      throw new RangeError(
        "Expected each of `faults.uploadFailNext` to be { status: 400..599, code: an S3 error code such as " +
          `"InternalError" }, got ${JSON.stringify(fault)}.`,
      );
    }
  }
}

/** Fault injection state: the settings plus what they consume (PRNG, one-shot queues, TPS bucket). */
export class Faults {
  private options: Readonly<FaultOptions> = {};
  private random: () => number = Math.random;
  private throttleLeft = 0;
  private failQueue: NonNullable<FaultOptions["failNext"]> = [];
  private uploadFailQueue: UploadFault[] = [];
  private uploadResetsLeft = 0;
  private bucket = { tokens: 0, atMs: 0 };

  constructor(
    private readonly clock: Clock,
    options: FaultOptions = {},
  ) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    checkOptions(options);
    this.options = { ...options };
    this.random = prng(options.seed ?? 1);
    this.throttleLeft = Math.floor(options.throttleNext ?? 0);
    this.failQueue = [...(options.failNext ?? [])];
    this.uploadFailQueue = [...(options.uploadFailNext ?? [])];
    this.uploadResetsLeft = Math.floor(options.uploadResetNext ?? 0);
    const capacity = Math.max(1, options.tps ?? 0);
    this.bucket = { tokens: capacity, atMs: this.clock.now() };
  }

  get settings(): Readonly<FaultOptions> {
    return this.options;
  }

  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }

  /** Real-time delay before this response, in ms (latency plus a possible slow response). */
  delayMs(): number {
    const slow = this.roll(this.options.slowResponseRate) ? (this.options.slowResponseMs ?? 0) : 0;
    return (this.options.latencyMs ?? 0) + slow;
  }

  shouldReset(): boolean {
    return this.roll(this.options.resetRate);
  }

  /** An injected error for this request, if any: queued replies first, then throttling, then 5xx. */
  injectedError(): ServiceError | undefined {
    const queued = this.failQueue.shift();
    if (queued)
      return new ServiceError(queued.type, queued.message ?? `Injected ${queued.type}`, queued.status);
    if (this.throttleLeft > 0) {
      this.throttleLeft--;
      return throttled();
    }
    if (this.options.tps !== undefined && !this.takeToken(this.options.tps)) return throttled();
    if (this.roll(this.options.serverErrorRate)) return internalError();
    return undefined;
  }

  /**
   * The fault for this upload (a PUT to a valid pre-signed URL), if any: connection resets first, then
   * the queued error replies (message `Injected <code>` unless one is given).
   */
  uploadFault(): "reset" | { status: number; code: string; message: string } | undefined {
    if (this.uploadResetsLeft > 0) {
      this.uploadResetsLeft--;
      return "reset";
    }
    const queued = this.uploadFailQueue.shift();
    if (!queued) return undefined;
    return { status: queued.status, code: queued.code, message: queued.message ?? `Injected ${queued.code}` };
  }

  /** Token bucket on the emulator clock: with a ManualClock, it refills only when time is advanced. */
  private takeToken(tps: number): boolean {
    const now = this.clock.now();
    const capacity = Math.max(1, tps);
    this.bucket.tokens = Math.min(capacity, this.bucket.tokens + ((now - this.bucket.atMs) / 1000) * tps);
    this.bucket.atMs = now;
    if (this.bucket.tokens < 1) return false;
    this.bucket.tokens -= 1;
    return true;
  }

  /** A truncated copy of a success body, or undefined to send it intact. */
  malform(body: string): string | undefined {
    return this.roll(this.options.malformedBodyRate)
      ? body.slice(0, Math.max(1, Math.floor(body.length / 2)))
      : undefined;
  }
}
