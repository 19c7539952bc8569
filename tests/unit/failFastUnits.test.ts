// Pure logic behind fast, one-line failures and cancellable waits: the credentials mapping, the RunError
// marker, the bounded-concurrency map and the poll loop's abort.
import { inspect } from "node:util";
import {
  CredentialsError,
  InvalidArgumentError,
  isCredentialsError,
  isImportJobsError,
  isServiceError,
  isWaitAbortedError,
  WaitAbortedError,
} from "../../provider";
import { mapConcurrently } from "../../provider/core/mapConcurrently";
import { mapServiceError } from "../../provider/core/mapServiceError";
import { pollUntil } from "../../provider/waiter/pollUntil";
import { toProgramError } from "../../provider/pulumi/toProgramError";

const context = { addressListId: "al-1", region: "eu-west-1", maxAttempts: 8 };

/** An SDK service exception as the client throws it. */
function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(`injected ${name}`), {
    name,
    $metadata: { httpStatusCode: status, attempts: 1 },
  });
}

describe("credentials failures", () => {
  it.each([
    ["InvalidSignatureException", 403, "bad-signature", "AWS_SECRET_ACCESS_KEY"],
    ["UnrecognizedClientException", 403, "unknown-key", "aws sso login"],
    ["ExpiredTokenException", 400, "expired", "aws sso login"],
    ["ExpiredToken", 400, "expired", "AWS_SESSION_TOKEN"],
    ["CredentialsProviderError", 0, "no-credentials", "AWS_PROFILE"],
  ])("%s becomes a CredentialsError (%s) that names the fix", (name, status, fault, fix) => {
    const error = mapServiceError(sdkError(name, status), context);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({
      name: "CredentialsError",
      fault,
      serviceErrorName: name,
      region: "eu-west-1",
    });
    expect(error.message).toMatch(/^\[CredentialsError\] Mail Manager did not accept the credentials/);
    expect(error.message).toContain(`(${name})`);
    expect(error.message).toContain(fix);
    expect(isCredentialsError(error)).toBe(true);
    // Only the message crosses a provider boundary; the guard still recognises it.
    expect(isCredentialsError(new Error(error.message))).toBe(true);
    expect(isCredentialsError(error.message)).toBe(false);
    expect(isServiceError(error)).toBe(false);
  });

  it("leaves other client errors to ServiceError", () => {
    expect(isServiceError(mapServiceError(sdkError("ValidationException", 400), context))).toBe(true);
  });
});

describe("errors as a Pulumi program shows them", () => {
  it("every package error carries the RunError marker, invisible to inspect and JSON", () => {
    const error = new InvalidArgumentError([
      { property: "pageSize", reason: "Expected `pageSize` to be 1." },
    ]);
    expect((error as unknown as { __pulumiRunError: boolean }).__pulumiRunError).toBe(true);
    expect(Object.keys(error)).not.toContain("__pulumiRunError");
    expect(inspect(error)).not.toContain("__pulumiRunError");
  });

  it("toProgramError drops the stack of package errors only", () => {
    const ours = toProgramError(new InvalidArgumentError([{ property: "x", reason: "Bad x." }])) as Error;
    expect(ours.stack).toBe("InvalidArgumentError: [InvalidArgumentError] Bad x.");
    const other = new TypeError("not ours");
    const stack = other.stack;
    expect((toProgramError(other) as Error).stack).toBe(stack);
  });
});

describe(mapConcurrently.name, () => {
  it("keeps the order of the items and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const result = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running -= 1;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it("rejects with the first failure and starts no new task after it", async () => {
    const started: number[] = [];
    const error = await mapConcurrently([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error("boom");
      return n;
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("boom");
    expect(started).toEqual([1, 2]);
  });

  it("maps nothing to nothing", async () => {
    expect(await mapConcurrently([], 5, async (n: number) => n)).toEqual([]);
  });
});

describe("pollUntil with an abortSignal", () => {
  const timing = { maxWaitTime: 600, minDelay: 5, maxDelay: 30, now: () => 0 };

  it("rejects with the abort error as soon as the signal fires during a delay", async () => {
    const controller = new AbortController();
    let polls = 0;
    const outcome = pollUntil(
      async () => {
        polls += 1;
        return { state: "RETRY" as const, value: null };
      },
      {
        ...timing,
        // A delay that never ends by itself.
        sleep: () => new Promise<void>(() => undefined),
        abortSignal: controller.signal,
        aborted: (reason) => new WaitAbortedError({ addressListId: "al-1", reason }),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort("stop");
    const error = await outcome.catch((e: unknown) => e);
    expect(isWaitAbortedError(error)).toBe(true);
    expect(isImportJobsError(error)).toBe(true);
    expect((error as WaitAbortedError).reason).toBe("stop");
    expect(polls).toBe(1);
  });

  it("makes no poll when the signal has fired already", async () => {
    let polls = 0;
    const error = await pollUntil(
      async () => {
        polls += 1;
        return { state: "SUCCESS" as const, value: null };
      },
      { ...timing, sleep: async () => undefined, abortSignal: AbortSignal.abort("early") },
    ).catch((e: unknown) => e);
    // Without `aborted`, the signal's reason itself.
    expect(error).toBe("early");
    expect(polls).toBe(0);
  });
});
