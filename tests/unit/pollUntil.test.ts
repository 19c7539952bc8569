// The poll loop alone, with a stubbed acceptor and a fake clock (as smithy's poller.spec.ts tests its
// loop): the schedule of delays, the last poll just before the deadline, and how it ends.
import { backoffDelay, lastPollLead, pollUntil, type AcceptorState } from "../../provider/waiter/pollUntil";

/** A clock that only moves when the loop sleeps (or a poll takes `pollMs`), recording each sleep. */
function fakeClock(pollMs = 0) {
  let time = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    /** An acceptor answering `states` in turn (then the last one), each poll taking `pollMs`. */
    acceptor(states: AcceptorState[]) {
      let poll = 0;
      return async () => {
        time += pollMs;
        const state = states[Math.min(poll, states.length - 1)];
        poll += 1;
        return { state, value: poll };
      };
    },
  };
}

describe(backoffDelay.name, () => {
  it("doubles from minDelay and stops at maxDelay", () => {
    expect([0, 1, 2, 3, 4, 60].map((n) => backoffDelay(n, 5, 30))).toEqual([5, 10, 20, 30, 30, 30]);
  });
});

describe(lastPollLead.name, () => {
  it("is a tenth of the wait, at most one second", () => {
    expect([lastPollLead(600), lastPollLead(5), lastPollLead(0.5)]).toEqual([1, 0.5, 0.05]);
  });
});

describe(pollUntil.name, () => {
  const timing = { maxWaitTime: 60, minDelay: 5, maxDelay: 20 };

  it("polls at once, then after 5, 10, 20, 20 s until the acceptor says SUCCESS", async () => {
    const clock = fakeClock();
    const outcome = await pollUntil(clock.acceptor(["RETRY", "RETRY", "RETRY", "RETRY", "SUCCESS"]), {
      ...timing,
      ...clock,
    });
    expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 20_000]);
    expect(outcome).toEqual({ state: "SUCCESS", value: 5, polls: 5, waitedSeconds: 55 });
  });

  it("ends at once on FAILURE, with the poll's value", async () => {
    const clock = fakeClock();
    const outcome = await pollUntil(clock.acceptor(["RETRY", "FAILURE"]), { ...timing, ...clock });
    expect(outcome).toEqual({ state: "FAILURE", value: 2, polls: 2, waitedSeconds: 5 });
  });

  it("shortens the last delay so that one last poll happens just before the deadline, then times out", async () => {
    const clock = fakeClock();
    const outcome = await pollUntil(clock.acceptor(["RETRY"]), { ...timing, ...clock });
    // 0, 5, 15, 35, 55 … the next would be 75 s: it is moved to 59 s (60 − a 1 s lead).
    expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 20_000, 4_000]);
    expect(outcome).toEqual({ state: "TIMEOUT", value: 6, polls: 6, waitedSeconds: 59 });
  });

  it("takes twice the poll's duration off each delay, so a slow list is still seen within maxDelay", async () => {
    const clock = fakeClock(1_000);
    await pollUntil(clock.acceptor(["RETRY", "RETRY", "SUCCESS"]), { ...timing, ...clock });
    expect(clock.sleeps).toEqual([3_000, 8_000]);
  });

  it("propagates an error the acceptor throws", async () => {
    const clock = fakeClock();
    const failing = async () => {
      throw new Error("list not found");
    };
    await expect(pollUntil(failing, { ...timing, ...clock })).rejects.toThrow("list not found");
  });

  it("rejects with the caller's error as soon as the signal fires, before the first poll when already aborted", async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    controller.abort("stop");
    let polls = 0;
    const counting = async () => ((polls += 1), { state: "RETRY" as const, value: 0 });
    await expect(
      pollUntil(counting, {
        ...timing,
        ...clock,
        abortSignal: controller.signal,
        aborted: (r) => new Error(`aborted: ${r}`),
      }),
    ).rejects.toThrow("aborted: stop");
    expect(polls).toBe(0);
  });
});
