import {
  AccessDeniedError,
  AddressListNotFoundError,
  CredentialsError,
  type CredentialsFault,
  ServiceError,
  isImportJobsError,
  type ImportJobsError,
  ThrottledError,
  type ImportJobsErrorContext,
} from "./errors";
import { REQUEST_TIMEOUT_ENV } from "./createClient";
import type { Describe } from "./terms";

/** The IAM action behind ListAddressListImportJobs (Service Authorization Reference, Mail Manager). */
export const LIST_IMPORT_JOBS_ACTION = "ses:ListAddressListImportJobs";

/** The IAM action behind GetAddressListImportJob, which the waiter polls with `jobIds`. */
export const GET_IMPORT_JOB_ACTION = "ses:GetAddressListImportJob";

/** What a failed request was doing, for the messages. */
export interface ServiceErrorContext extends ImportJobsErrorContext {
  /** The client's configured attempts per request. */
  readonly maxAttempts: number;
  /** The operation that failed. @default "ListAddressListImportJobs" */
  readonly operation?: "ListAddressListImportJobs" | "GetAddressListImportJob";
}

/** "1 attempt", "3 attempts". */
function times(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? "" : "s"}`;
}

/**
 * The credentials failures, by the error's name: the service's answers to a bad signature, an unknown
 * key or an expired session token (`ExpiredToken`, `ExpiredTokenException`), and the SDK's own error when
 * its chain finds no credentials at all.
 */
function credentialsFault(name: string): CredentialsFault | undefined {
  if (name === "InvalidSignatureException" || name === "SignatureDoesNotMatch") {
    return "bad-signature";
  }
  if (name === "UnrecognizedClientException" || name === "InvalidClientTokenId") {
    return "unknown-key";
  }
  if (name.startsWith("ExpiredToken") || name === "RequestExpired" || name === "TokenRefreshRequired") {
    return "expired";
  }
  if (name === "CredentialsProviderError") {
    return "no-credentials";
  }
  return undefined;
}

/** The fields of an SDK service exception this mapping reads (`err.Message` is deleted by the SDK). */
interface SdkErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

/**
 * Maps whatever a ListAddressListImportJobs or GetAddressListImportJob request threw to one of the package's errors, adding the
 * address list, the region and the fix. Errors are matched by `name` (the SDK sets it from the wire's
 * `__type`) and HTTP status, which also covers a second copy of the SDK. Already-mapped errors pass
 * through.
 *
 * @example
 * try { await client.send(command); } catch (e) { throw mapServiceError(e, { addressListId, region, maxAttempts }); }
 */
export function mapServiceError(error: unknown, context: ServiceErrorContext): ImportJobsError {
  // By name, not `instanceof`: the package may be loaded twice (program and provider host).
  if (isImportJobsError(error)) {
    return error;
  }
  const sdk = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const name = typeof sdk.name === "string" ? sdk.name : "Error";
  const raw = typeof sdk.message === "string" ? sdk.message : String(error);
  // V8 quotes the start of an unparseable body in its SyntaxError (`Unexpected token '<', "<html>…"...`);
  // a message never repeats what the endpoint sent, which may hold a pre-signed URL.
  const message = name === "SyntaxError" ? raw.replace(/".*"(?:\.\.\.)?/s, "(body)") : raw;
  const status = sdk.$metadata?.httpStatusCode;
  const attempts = sdk.$metadata?.attempts ?? 1;
  const base = { addressListId: context.addressListId, region: context.region };
  const options = { cause: error };
  const operation = context.operation ?? "ListAddressListImportJobs";

  if (name === "ResourceNotFoundException") {
    return new AddressListNotFoundError(base, options);
  }
  if (name === "AccessDeniedException") {
    const action = operation === "GetAddressListImportJob" ? GET_IMPORT_JOB_ACTION : LIST_IMPORT_JOBS_ACTION;
    return new AccessDeniedError({ ...base, action, detail: message }, options);
  }
  const fault = credentialsFault(name);
  if (fault !== undefined) {
    return new CredentialsError({ ...base, fault, serviceErrorName: name }, options);
  }
  if (name === "ThrottlingException" || status === 429) {
    return new ThrottledError({ ...base, attempts, operation }, options);
  }
  let text = message;
  let hint: Describe = () => "";
  if (name === "SyntaxError" && status !== undefined && status < 300) {
    // The SDK appends a hint about its hidden `$response` on a new line; the first line says it all.
    text = message.split("\n")[0];
    hint = (t) =>
      ` (HTTP ${status} with a body that is not valid JSON, after ${times(attempts)}; the response was cut ` +
      `short or the endpoint is not Mail Manager: check ${t.argument("endpoint")} and any proxy, or raise ` +
      `${t.argument("maxAttempts")}, now ${context.maxAttempts})`;
  } else if (status !== undefined && status >= 500) {
    hint = (t) =>
      ` (HTTP ${status} after ${times(attempts)}; raise ${t.argument("maxAttempts")}, now ${context.maxAttempts}, to retry longer)`;
  } else if (name === "TimeoutError" && (sdk.code === undefined || sdk.code === "ETIMEDOUT")) {
    // The SDK also names a reset connection TimeoutError (code ECONNRESET); that one falls through below.
    hint = (t) =>
      ` (no complete response within the request timeout, ${times(attempts)}; check ${t.argument("endpoint")} ` +
      `and the network, or raise ${t.argument("maxAttempts")} (now ${context.maxAttempts}) or ` +
      `${REQUEST_TIMEOUT_ENV} (milliseconds))`;
  } else if (
    (error ?? {}) instanceof Object &&
    (error as { refusedCode?: unknown }).refusedCode === "ECONNREFUSED"
  ) {
    hint = (t) =>
      ` (ECONNREFUSED: nothing listens at the endpoint; check ${t.argument("endpoint")}, or start the emulator)`;
  } else if (typeof sdk.code === "string" && /^E[A-Z]+$/.test(sdk.code)) {
    const code = sdk.code;
    hint = (t) => ` (${code}: could not reach the endpoint; check ${t.argument("endpoint")} and the network)`;
  }
  const detail: Describe = (t) => text + hint(t);
  return new ServiceError({ ...base, serviceErrorName: name, detail, operation }, options);
}
