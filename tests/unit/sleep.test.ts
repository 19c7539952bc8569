// The system sleep of the waiter and the importer: an abort ends it and clears its timer.
import { sleep } from "../../provider/core/sleep";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("sleep", () => {
  it("resolves after the delay", async () => {
    let done = false;
    const slept = sleep(5_000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(4_999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
  });

  it("ends at once when the signal fires, leaving no timer behind", async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    expect(jest.getTimerCount()).toBe(1);
    controller.abort("cancelled");
    await slept;
    expect(jest.getTimerCount()).toBe(0);
  });

  it("sets no timer for a signal that has already fired", async () => {
    await sleep(60_000, AbortSignal.abort());
    expect(jest.getTimerCount()).toBe(0);
  });
});
