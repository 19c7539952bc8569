import {
  AccessDeniedError,
  AddressListNotFoundError,
  isImportJobsError,
  ThrottledError,
  type ImportJobsError,
} from "../core/errors";
import { mapServiceError } from "../core/mapServiceError";
import type { Describe } from "../core/terms";
import { AddressImportError, resumeHint, type ImportStepContext } from "./importErrors";

/** The API operations of an import, by the name the IAM action and the messages use. */
export type ImportOperation =
  "CreateAddressListImportJob" | "GetAddressListImportJob" | "StartAddressListImportJob";

/** Where a request of an import failed. */
export interface ImportRequestContext extends ImportStepContext {
  readonly operation: ImportOperation;
  /** The client's configured attempts per request. */
  readonly maxAttempts: number;
}

/** The fields of an SDK error this mapping reads. */
interface SdkErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly refusedCode?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

/** A Node connection error's code (ECONNREFUSED, ECONNRESET…), if the request failed on the way. */
function transportCode(sdk: SdkErrorShape): string | undefined {
  const code = [sdk.refusedCode, sdk.code].find((c) => typeof c === "string" && /^E[A-Z]+$/.test(c));
  return code as string | undefined;
}

/** The service's words, with what the transport adds; never a response body (it may hold a pre-signed URL). */
function describeFailure(sdk: SdkErrorShape, name: string): string {
  const status = sdk.$metadata?.httpStatusCode;
  const attempts = sdk.$metadata?.attempts ?? 1;
  const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
  if (name === "SyntaxError") {
    return `the response was not valid JSON (HTTP ${status ?? "?"}, ${tries}): cut short, or not Mail Manager`;
  }
  const text = (typeof sdk.message === "string" ? sdk.message : "").split("\n")[0];
  const code = transportCode(sdk);
  if (code === "ECONNREFUSED") {
    return `${text} (ECONNREFUSED: nothing listens at the endpoint)`;
  }
  if (code !== undefined) {
    return `${text} (${code}: could not reach the endpoint, ${tries})`;
  }
  return status !== undefined && status >= 500 ? `${text} (HTTP ${status} after ${tries})` : text;
}

/** What to do about a failed request at this step, beyond the service's words. */
function fixFor(name: string, context: ImportRequestContext): Describe {
  const { jobId, step } = context;
  const resume: Describe = (t) =>
    jobId === undefined ? "" : ` The job stays CREATED: ${resumeHint(jobId, t)}.`;
  if (name === "ConflictException" && step === "create") {
    return (t) =>
      `A ${t.argument("clientToken")} belongs to the address list, name and format of its first import; leave ` +
      `${t.argument("clientToken")} out, or use a new one, for another import.`;
  }
  if (name === "ServiceQuotaExceededException") {
    return (t) =>
      `Mail Manager limits the import jobs an account runs at once: wait for running imports to finish.${resume(t)}`;
  }
  if (name === "ResourceNotFoundException") {
    return (t) =>
      `Check ${t.argument("jobId")} and ${t.argument("region")}; an import job is deleted with its address list.`;
  }
  if (name === "ValidationException") {
    return (t) => `The service refused the request's values.${resume(t)}`;
  }
  return (t) =>
    `Check ${t.argument("endpoint")} and the network, retry later, or raise ${t.argument("maxAttempts")} (now ` +
    `${context.maxAttempts}).${resume(t)}`;
}

/**
 * Maps what a request of an import threw to the package's errors: the list missing on create
 * (`AddressListNotFoundError`), denied actions (`AccessDeniedError` with the import's IAM action), bad
 * credentials (`CredentialsError`, as for a lookup), throttling beyond `maxAttempts` (`ThrottledError`),
 * and anything else an `AddressImportError` naming the step, the job and the fix. Errors of the package
 * pass through.
 *
 * @example
 * catch (e) { throw mapImportServiceError(e, { addressListId, region, step: "start", jobId, operation: "StartAddressListImportJob", maxAttempts: 8 }); }
 */
export function mapImportServiceError(error: unknown, context: ImportRequestContext): ImportJobsError {
  if (isImportJobsError(error)) {
    return error;
  }
  const sdk = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const name = typeof sdk.name === "string" ? sdk.name : "Error";
  // A connection error is named by its code (ECONNREFUSED), not by the "Error" it is an instance of.
  const transport = transportCode(sdk);
  const base = { addressListId: context.addressListId, region: context.region };
  const options = { cause: error };
  if (name === "ResourceNotFoundException" && context.operation === "CreateAddressListImportJob") {
    return new AddressListNotFoundError(base, options);
  }
  if (name === "AccessDeniedException") {
    const detail = typeof sdk.message === "string" ? sdk.message.split("\n")[0] : undefined;
    return new AccessDeniedError(
      { ...base, action: `ses:${context.operation}`, ...(detail ? { detail } : {}) },
      options,
    );
  }
  if (name === "ThrottlingException" || sdk.$metadata?.httpStatusCode === 429) {
    return new ThrottledError(
      { ...base, attempts: sdk.$metadata?.attempts ?? 1, operation: context.operation },
      options,
    );
  }
  // The credentials failures read as for any other request of the package.
  const general = mapServiceError(error, { ...base, maxAttempts: context.maxAttempts });
  if (general.name === "CredentialsError") {
    return general;
  }
  return new AddressImportError(
    {
      ...base,
      step: context.step,
      ...(context.jobId === undefined ? {} : { jobId: context.jobId }),
      code: name === "Error" && transport !== undefined ? transport : name,
      detail: describeFailure(sdk, name),
      fix: fixFor(name, context),
    },
    options,
  );
}
