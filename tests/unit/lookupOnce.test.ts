import { lookupOnce } from "../../provider/core/lookupOnce";

describe(lookupOnce.name, () => {
  it("runs one lookup per key and scope; concurrent callers share the pending promise", async () => {
    const scope = {};
    let calls = 0;
    const lookup = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [a, b] = await Promise.all([lookupOnce(scope, "k", lookup), lookupOnce(scope, "k", lookup)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await lookupOnce(scope, "other", lookup)).toBe(2);
  });

  it("keeps runs apart: another scope looks up again", async () => {
    let calls = 0;
    const lookup = async () => ++calls;
    await lookupOnce({}, "k", lookup);
    await lookupOnce({}, "k", lookup);
    expect(calls).toBe(2);
  });

  it("forgets a failed lookup, so that the next caller retries", async () => {
    const scope = {};
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error("throttled");
      return "ok";
    };
    await expect(lookupOnce(scope, "k", flaky)).rejects.toThrow("throttled");
    await expect(lookupOnce(scope, "k", flaky)).resolves.toBe("ok");
    await expect(lookupOnce(scope, "k", flaky)).resolves.toBe("ok");
    expect(calls).toBe(2);
  });
});
