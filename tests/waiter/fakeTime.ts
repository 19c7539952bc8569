// Fake time for the waiter: `sleep` advances a clock instead of waiting, and runs what the test
// scheduled for the instants it passes (e.g. "the job completes at 12 s"), so a ten-minute wait runs
// in milliseconds against the real emulator.

export interface FakeTime {
  /** The waiter's `now`, in ms. */
  readonly now: () => number;
  /** The waiter's `sleep`: advances the clock and runs what falls due. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Runs `action` once the clock reaches `seconds`. */
  at(seconds: number, action: () => void): void;
  /** Every sleep, in seconds. */
  readonly sleeps: number[];
  /** The clock, in seconds. */
  seconds(): number;
}

export function fakeTime(): FakeTime {
  let clock = 0;
  const pending: { at: number; action: () => void }[] = [];
  const sleeps: number[] = [];
  const runDue = () => {
    pending.sort((a, b) => a.at - b.at);
    while (pending.length > 0 && pending[0].at <= clock) {
      pending.shift()?.action();
    }
  };
  return {
    now: () => clock,
    async sleep(ms) {
      sleeps.push(ms / 1000);
      clock += ms;
      runDue();
    },
    at(seconds, action) {
      pending.push({ at: seconds * 1000, action });
      runDue();
    },
    sleeps,
    seconds: () => clock / 1000,
  };
}
