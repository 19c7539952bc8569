import { MailManagerClient } from "@aws-sdk/client-mailmanager";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { InvalidArgumentError } from "./errors";

/**
 * Requests per page, retries included, unless `maxAttempts` says otherwise. Generous because SES APIs
 * throttle readily; the SDK's own default is 3.
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Environment variable that replaces the SDK's retry backoff with `value × 2^(retry − 1)` milliseconds.
 * For tests and the emulator: the SDK's throttling backoff starts at 1 s, which would make a test of
 * "throttled beyond maxAttempts" wait many seconds. An environment variable (not an argument) so that it
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

/**
 * Builds a Mail Manager client for one lookup.
 *
 * Called inside each lookup, never at module load: a dynamic provider serialises the functions that
 * call this, and a captured client instance cannot be serialised (reference/dynamic-provider-spike.md §3).
 * Retries are the SDK's standard strategy with `maxAttempts`; only the backoff can be shortened, via
 * {@link RETRY_DELAY_ENV}. Every attempt is bounded by a request timeout ({@link DEFAULT_REQUEST_TIMEOUT_MS}),
 * and a success response with a truncated body is retried too.
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
  const client = new MailManagerClient({
    ...(region ? { region } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts,
    // A plain options object: the client builds its NodeHttpHandler from it.
    requestHandler: { requestTimeout, throwOnRequestTimeout: true, socketTimeout: requestTimeout },
    ...(retryDelay === undefined
      ? {}
      : {
          retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt: number) =>
            Math.min(retryDelay * 2 ** Math.max(attempt - 1, 0), 20_000),
          ),
        }),
  });
  // Inside the retry middleware (same step, lower priority), around deserialisation: a truncated body
  // is marked retryable (the `$retryable` trait), so it is retried within `maxAttempts` like a 5xx.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isTruncatedBody(error)) {
          (error as { $retryable?: object }).$retryable = {};
        }
        throw error;
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
      {
        property: "region",
        reason:
          "Expected `region` to be set, got no region from the arguments, the provider, stack config or the " +
          "environment. Pass `region`, run `pulumi config set aws:region <region>`, or set AWS_REGION.",
      },
    ]);
  }
  return region;
}
