import { MailManagerClient } from "@aws-sdk/client-mailmanager";
import { AdaptiveRetryStrategy, DefaultRateLimiter } from "@smithy/core/retry";
import { InvalidArgumentError } from "./errors";
import { argumentFailure } from "./terms";

/**
 * Requests per page, retries included, unless `maxAttempts` says otherwise. Generous because SES APIs
 * throttle readily; the SDK's own default is 3.
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Environment variable that replaces the SDK's retry backoff with `value × 2^(retry − 1)` milliseconds,
 * and raises the floor of the shared rate limiter to one request per `value` ms (it is one per 2 s).
 * For tests and the emulator: the SDK's throttling backoff starts at 1 s, and the adaptive limiter
 * slows to its floor after a throttle, which would make a test of "throttled beyond maxAttempts" wait
 * many seconds. An environment variable (not an argument) so that it
 * also reaches a dynamic-provider host process and never appears in a program's arguments or state.
 */
export const RETRY_DELAY_ENV = "MAILMANAGER_IMPORT_JOBS_RETRY_DELAY_MS";

/**
 * Longest wait for one response, in ms: for its headers, and then for each stall while its body
 * arrives. The attempt then fails with a `TimeoutError`, which the SDK retries like a 5xx. The SDK
 * itself waits forever by default (its `requestTimeout` only logs a warning unless
 * `throwOnRequestTimeout` is set), so a stalled endpoint would hang `pulumi up`.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Environment variable that replaces {@link DEFAULT_REQUEST_TIMEOUT_MS}, in ms (a number > 0). An
 * environment variable for the same reason as {@link RETRY_DELAY_ENV}: it also reaches a provider host.
 */
export const REQUEST_TIMEOUT_ENV = "MAILMANAGER_IMPORT_JOBS_REQUEST_TIMEOUT_MS";

/** How to reach Mail Manager; each field falls back as documented on `GetAddressListImportJobsArgs`. */
export interface ClientSettings {
  /** AWS region. @default AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region */
  readonly region?: string;
  /** Shared-config profile for credentials and region. @default the SDK's default chain */
  readonly profile?: string;
  /** Endpoint URL, e.g. the emulator's. @default the SDK's (which honours AWS_ENDPOINT_URL_MAILMANAGER) */
  readonly endpoint?: string;
  /** Requests per call, retries included, for throttling and 5xx. @default 8 */
  readonly maxAttempts?: number;
  /** Longest wait for one response, in ms, before it is retried. @default REQUEST_TIMEOUT_ENV, then 30000 */
  readonly requestTimeoutMs?: number;
}

/** The backoff override from {@link RETRY_DELAY_ENV}, or undefined when unset or not a number ≥ 0. */
function retryDelayOverride(): number | undefined {
  const text = process.env[RETRY_DELAY_ENV];
  const value = text === undefined || text.trim() === "" ? NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The timeout from {@link REQUEST_TIMEOUT_ENV}, or undefined when unset or not a number > 0. */
function requestTimeoutOverride(): number | undefined {
  const text = process.env[REQUEST_TIMEOUT_ENV];
  const value = text === undefined || text.trim() === "" ? NaN : Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * True for a 2xx response whose JSON body could not be parsed: cut short by a proxy or a dropped
 * connection. The SDK classes that as a client error and never retries it, although for a read-only
 * listing it is as transient as a reset connection.
 */
function isTruncatedBody(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode;
  return name === "SyntaxError" && status !== undefined && status >= 200 && status < 300;
}

/** Attempts of one request that may end in a refused connection before it fails. */
export const REFUSED_ATTEMPTS = 2;

/**
 * `error`, or, for the {@link REFUSED_ATTEMPTS}th refused connection of the same request, a copy the
 * SDK does not retry. Nothing listening at the endpoint (a wrong `endpoint`, an emulator that is not
 * running) does not change within the seconds the SDK's backoff spans, so `maxAttempts` refusals would
 * only delay the failure (by up to 13 s at 8 attempts). The copy keeps the name, message and metadata,
 * and the code as `refusedCode` (for `mapServiceError`'s message); it leaves out what makes the SDK
 * call it transient.
 */
function refusedOnce(error: unknown, context: { refusedAttempts?: number }): unknown {
  const { code } = (error ?? {}) as { code?: unknown };
  if (code !== "ECONNREFUSED") {
    return error;
  }
  // Counted on the request's middleware context: one per `send`, shared by its attempts.
  const count = (context.refusedAttempts ?? 0) + 1;
  context.refusedAttempts = count;
  if (count < REFUSED_ATTEMPTS) {
    return error;
  }
  const original = error as Error & { $metadata?: unknown };
  // `refusedCode` instead of `code`, and no `cause`: the SDK retries any error whose `code` (or whose
  // cause's) is a Node connection error.
  return Object.assign(new Error(original.message), {
    name: original.name,
    refusedCode: code,
    ...(original.$metadata === undefined ? {} : { $metadata: original.$metadata }),
  });
}

/**
 * The rate limiter of every client of this process with the same key (`rateLimiterKey`): the SDK's
 * adaptive limiter, one instance per key. The SDK gives each client its own, and the package builds a
 * client per lookup and per poll, so 20 concurrent lookups would each learn the limit alone and together
 * send several times what it allows. On `globalThis`: one per process, across copies of the package.
 */
function sharedRateLimiter(key: string, minFillRate: number | undefined): DefaultRateLimiter {
  const global = globalThis as Record<symbol, unknown>;
  const limiters = (global[Symbol.for(RATE_LIMITERS)] ??= new Map<string, DefaultRateLimiter>()) as Map<
    string,
    DefaultRateLimiter
  >;
  const fullKey = `${key}/${minFillRate ?? "default"}`;
  let limiter = limiters.get(fullKey);
  if (limiter === undefined) {
    limiter = new DefaultRateLimiter(minFillRate === undefined ? undefined : { minFillRate });
    limiters.set(fullKey, limiter);
  }
  return limiter;
}

/** The registered symbol's name (tests closure-serialise providers, which cannot capture a symbol value). */
const RATE_LIMITERS = "pulumi-mailmanager-import-jobs/rate-limiters";

/**
 * Forgets every shared rate limiter, as a new process would. For tests that model many independent
 * programs in one process (each scenario of the fault matrix); a program never needs it.
 */
export function resetRateLimiters(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(RATE_LIMITERS)] = new Map<string, DefaultRateLimiter>();
}

/**
 * The key of the rate limiter a client shares: region, endpoint and whose credentials, as far as they
 * are known before the first request (the profile, else the access key id of the environment). A
 * setting left to the SDK's defaults is the same for every client of the process, so "" is enough.
 */
function rateLimiterKey(settings: ClientSettings, region: string | undefined): string {
  const env = process.env;
  const profile = settings.profile || env.AWS_PROFILE || "";
  return JSON.stringify([
    region ?? "",
    settings.endpoint || env.AWS_ENDPOINT_URL_MAILMANAGER || env.AWS_ENDPOINT_URL || "",
    profile,
    profile === "" ? (env.AWS_ACCESS_KEY_ID ?? "") : "",
  ]);
}

/**
 * Builds a Mail Manager client for one lookup (never at module load: settings come from each call).
 * Retries are the SDK's adaptive strategy with `maxAttempts` and the shared rate limiter; every attempt
 * is bounded by a request timeout, and a success response with a truncated body is retried too.
 *
 * @example
 * const client = createClient({ region: "eu-west-1", endpoint: "http://127.0.0.1:4566" });
 * try { ... } finally { client.destroy(); }
 */
export function createClient(settings: ClientSettings = {}): MailManagerClient {
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  // The SDK reads AWS_REGION itself but not AWS_DEFAULT_REGION, which the AWS CLI and @pulumi/aws honour.
  const region = settings.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
  const retryDelay = retryDelayOverride();
  const requestTimeout = settings.requestTimeoutMs ?? requestTimeoutOverride() ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const retryStrategy = new AdaptiveRetryStrategy(maxAttempts, {
    // With the test backoff, the limiter's floor follows it too: one request per delay instead of one
    // per 2 s, so that a test of a throttling burst does not wait seconds per request.
    rateLimiter: sharedRateLimiter(
      rateLimiterKey(settings, region),
      retryDelay === undefined ? undefined : Math.max(0.5, 1000 / Math.max(retryDelay, 1)),
    ),
    ...(retryDelay === undefined
      ? {}
      : {
          // `retry` is the number of retries so far: value, 2 × value, 4 × value, … at most 20 s.
          backoff: {
            setDelayBase: () => undefined,
            computeNextBackoffDelay: (retry: number) =>
              Math.min(retryDelay * 2 ** Math.max(retry, 0), 20_000),
          },
        }),
  });
  const client = new MailManagerClient({
    ...(region ? { region } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts,
    // A plain options object: the client builds its NodeHttpHandler from it.
    requestHandler: { requestTimeout, throwOnRequestTimeout: true, socketTimeout: requestTimeout },
    retryStrategy,
  });
  // Inside the retry middleware (same step, lower priority), around deserialisation: a truncated body
  // is marked retryable (the `$retryable` trait), so it is retried within `maxAttempts` like a 5xx.
  // Same place: a refused connection is retried once, not `maxAttempts` times (see refusedOnce).
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isTruncatedBody(error)) {
          (error as { $retryable?: object }).$retryable = {};
        }
        throw refusedOnce(error, context as { refusedAttempts?: number });
      }
    },
    { step: "finalizeRequest", priority: "low", name: "retryTruncatedBodiesMiddleware" },
  );
  return client;
}

/**
 * The region a client will call, as the SDK resolved it (explicit, environment or profile). Fails with
 * an {@link InvalidArgumentError} naming every way to set one when none is configured, before any request.
 *
 * @example
 * const region = await resolveRegion(createClient({ profile: "prod" }));
 */
export async function resolveRegion(client: MailManagerClient): Promise<string> {
  let region: string | undefined;
  try {
    region = await client.config.region();
  } catch {
    region = undefined;
  }
  if (!region) {
    throw new InvalidArgumentError([
      argumentFailure(
        "region",
        (t) =>
          `Expected ${t.argument("region")} to be set, got no region. Set ${t.region}, or use a profile that ` +
          "has one.",
      ),
    ]);
  }
  return region;
}
