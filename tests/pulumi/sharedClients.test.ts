// How the package's clients behave together: one adaptive rate limiter per region, endpoint and
// credentials for the whole process, and a refused connection that fails after one retry instead of
// `maxAttempts`.
import { createServer } from "node:net";
import type { AdaptiveRetryStrategy } from "@smithy/core/retry";
import { getAddressListImportJobs, isServiceError, type ServiceError } from "../../provider";
import { createClient, REFUSED_ATTEMPTS, resetRateLimiters } from "../../provider/core/createClient";

/** The rate limiter a client's retry strategy uses. */
async function limiterOf(settings: Parameters<typeof createClient>[0]): Promise<unknown> {
  const client = createClient(settings);
  try {
    const strategy = (await (
      client.config.retryStrategy as () => Promise<AdaptiveRetryStrategy>
    )()) as unknown as {
      mode: string;
      rateLimiter: unknown;
    };
    expect(strategy.mode).toBe("adaptive");
    return strategy.rateLimiter;
  } finally {
    client.destroy();
  }
}

describe("one rate limiter per process", () => {
  beforeEach(() => resetRateLimiters());

  it("is shared by every client for the same region, endpoint and credentials", async () => {
    const a = await limiterOf({ endpoint: "http://127.0.0.1:4566", region: "eu-west-1" });
    const b = await limiterOf({ endpoint: "http://127.0.0.1:4566", region: "eu-west-1", maxAttempts: 3 });
    expect(a).toBe(b);
  });

  it("is another one for another region, endpoint or profile", async () => {
    const base = await limiterOf({ endpoint: "http://127.0.0.1:4566", region: "eu-west-1" });
    expect(await limiterOf({ endpoint: "http://127.0.0.1:4566", region: "us-east-1" })).not.toBe(base);
    expect(await limiterOf({ endpoint: "http://127.0.0.1:4567", region: "eu-west-1" })).not.toBe(base);
    expect(
      await limiterOf({ endpoint: "http://127.0.0.1:4566", region: "eu-west-1", profile: "other" }),
    ).not.toBe(base);
  });

  it("is forgotten by resetRateLimiters, as in a new process", async () => {
    const before = await limiterOf({ endpoint: "http://127.0.0.1:4566" });
    resetRateLimiters();
    expect(await limiterOf({ endpoint: "http://127.0.0.1:4566" })).not.toBe(before);
  });
});

describe("a refused connection", () => {
  it(`fails after ${REFUSED_ATTEMPTS} attempts with a ServiceError saying nothing listens there`, async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await getAddressListImportJobs({
      addressListId: "al-1",
      endpoint: `http://127.0.0.1:${port}`,
      maxAttempts: 8,
      cache: false,
    }).catch((e: unknown) => e);
    expect(isServiceError(error)).toBe(true);
    expect((error as ServiceError).message).toContain(
      "ECONNREFUSED: nothing listens at the endpoint; check `endpoint`, or start the emulator",
    );
    const cause = (error as { cause?: { $metadata?: { attempts?: number } } }).cause;
    expect(cause?.$metadata?.attempts).toBe(REFUSED_ATTEMPTS);
  });
});
