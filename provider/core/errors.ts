import type { ImportJob } from "./types";
import { errorGuard } from "./errorGuard";
import { ARGUMENT_TERMS, DESCRIBE, describeFailure, type Describe } from "./terms";

/**
 * The package's errors: one base class, one subclass per failure a caller may want to handle, and an
 * `is…` guard for each.
 *
 * Every message starts with a tag, `[<name>] `: only `error.message` crosses a provider host's gRPC
 * boundary (@pulumi/pulumi `cmd/dynamic-provider` `grpcResponseFromError`), so the guards also know an
 * error by that tag. Never by `instanceof`: the package may be loaded twice (program and provider host).
 */

/** Names of the package's errors; each class has one as its literal `name`. */
export type ImportJobsErrorName =
  | "ImportJobsError"
  | "InvalidArgumentError"
  | "AddressListNotFoundError"
  | "AccessDeniedError"
  | "CredentialsError"
  | "ThrottledError"
  | "PaginationError"
  | "ServiceError"
  | "ImportJobFailedError"
  | "WaitTimeoutError"
  | "WaitAbortedError"
  | "AddressImportError"
  | "AddressImportAbortedError";

const ERROR_NAMES: readonly ImportJobsErrorName[] = [
  "ImportJobsError",
  "InvalidArgumentError",
  "AddressListNotFoundError",
  "AccessDeniedError",
  "CredentialsError",
  "ThrottledError",
  "PaginationError",
  "ServiceError",
  "ImportJobFailedError",
  "WaitTimeoutError",
  "WaitAbortedError",
  "AddressImportError",
  "AddressImportAbortedError",
];

/** The operation most errors come from; the waiter's `GetAddressListImportJob` polls name theirs. */
const LIST_OPERATION = "ListAddressListImportJobs";

/** One rejected argument: the shape of a dynamic provider's `check` failure. */
export interface ArgumentFailure {
  /** Argument name, e.g. `pageSize`. */
  readonly property: string;
  /** What was wrong and what is allowed, e.g. ``Expected `pageSize` to be an integer from 1 to 50, got 0.`` */
  readonly reason: string;
}

/** Where a failed call was aimed; carried by every error raised after validation. */
export interface ImportJobsErrorContext {
  /** Address list that was queried. */
  readonly addressListId: string;
  /** Region that was queried. */
  readonly region: string;
}

/** Base class of every error this package throws. */
export class ImportJobsError extends Error {
  override readonly name: ImportJobsErrorName = "ImportJobsError";

  constructor(name: ImportJobsErrorName, message: string | Describe, options?: { cause?: unknown }) {
    const describe = typeof message === "string" ? () => message : message;
    const tagged = `[${name}] ${describe(ARGUMENT_TERMS)}`;
    super(tagged, options);
    // Set again: tests closure-serialise the providers, and the serialiser rewrites classes as ES5
    // functions that run `Error.call(this, …)`, which sets nothing on `this` and drops field initialisers.
    this.message = tagged;
    this.name = name;
    Object.defineProperty(this, DESCRIBE, { value: describe, enumerable: false });
    // The marker of `pulumi.RunError`, which the Node language runtime checks by property (across copies
    // of @pulumi/pulumi): an error that ends a program is printed as its message alone, without a stack.
    Object.defineProperty(this, "__pulumiRunError", { value: true, enumerable: false });
  }
}

/** An argument was rejected before any request was made. */
export class InvalidArgumentError extends ImportJobsError {
  override readonly name = "InvalidArgumentError" as const;
  /** Every rejected argument, in argument order. */
  readonly failures: readonly ArgumentFailure[];
  /** The first rejected argument. */
  readonly property: string;

  constructor(failures: readonly ArgumentFailure[]) {
    super("InvalidArgumentError", (terms) => failures.map((f) => describeFailure(f, terms)).join(" "));
    this.failures = failures;
    this.property = failures[0]?.property ?? "";
  }
}

/** The address list does not exist in the queried region (`ResourceNotFoundException`). */
export class AddressListNotFoundError extends ImportJobsError implements ImportJobsErrorContext {
  override readonly name = "AddressListNotFoundError" as const;
  readonly addressListId: string;
  readonly region: string;

  constructor(context: ImportJobsErrorContext, options?: { cause?: unknown }) {
    super(
      "AddressListNotFoundError",
      (terms) =>
        `Address list \`${context.addressListId}\` was not found in region ${context.region}. ` +
        `Check the id (\`aws mailmanager list-address-lists --region ${context.region}\`) and that ` +
        `${terms.region} is the region the list was created in.`,
      options,
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
  }
}

/** The credentials may not list the address list's import jobs (`AccessDeniedException`). */
export class AccessDeniedError extends ImportJobsError implements ImportJobsErrorContext {
  override readonly name = "AccessDeniedError" as const;
  readonly addressListId: string;
  readonly region: string;
  /** The IAM action that was denied. */
  readonly action: string;

  constructor(
    context: ImportJobsErrorContext & { readonly action: string; readonly detail?: string },
    options?: { cause?: unknown },
  ) {
    super(
      "AccessDeniedError",
      (terms) =>
        `Access denied to ${context.action} on address list \`${context.addressListId}\` in region ${context.region}` +
        `${context.detail ? ` (${context.detail})` : ""}. Allow the IAM action \`${context.action}\` on ` +
        `arn:aws:ses:${context.region}:<account-id>:mailmanager-address-list/${context.addressListId} ` +
        `for the credentials in use (${terms.profile}, or the AWS_* environment).`,
      options,
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.action = context.action;
  }
}

/** Why the credentials did not work, as the service or the SDK reported it. */
export type CredentialsFault = "no-credentials" | "bad-signature" | "unknown-key" | "expired";

/** The fix for each {@link CredentialsFault}, as a user would apply it. */
const CREDENTIALS_FIX: Readonly<Record<CredentialsFault, Describe>> = {
  "no-credentials": (terms) =>
    `no credentials were found. Set ${terms.profile} to a profile of ~/.aws/config, or export ` +
    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
  "bad-signature": (terms) =>
    "the secret key does not belong to the access key (or the clock is off by minutes). Check the " +
    `AWS_SECRET_ACCESS_KEY / AWS_ACCESS_KEY_ID pair or the keys of the profile in use (${terms.profile}), ` +
    "and the system clock",
  "unknown-key": (terms) =>
    "the access key id or session token is not known to AWS (deleted, mistyped, or temporary keys without " +
    `AWS_SESSION_TOKEN). Check AWS_ACCESS_KEY_ID / AWS_SESSION_TOKEN or the profile in use (${terms.profile}); ` +
    "with IAM Identity Center run `aws sso login --profile <name>`",
  expired: () =>
    "the session token has expired. Refresh it: `aws sso login --profile <name>` for IAM Identity Center, or " +
    "new temporary keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN",
};

/**
 * The credentials were missing or rejected: `InvalidSignatureException`, `UnrecognizedClientException`,
 * `ExpiredToken…`, or no credentials anywhere in the SDK's chain. The message says how to fix them.
 */
export class CredentialsError extends ImportJobsError implements ImportJobsErrorContext {
  override readonly name = "CredentialsError" as const;
  readonly addressListId: string;
  readonly region: string;
  /** What was wrong. */
  readonly fault: CredentialsFault;
  /** The underlying error's name, e.g. `InvalidSignatureException` or `CredentialsProviderError`. */
  readonly serviceErrorName: string;

  constructor(
    context: ImportJobsErrorContext & { readonly fault: CredentialsFault; readonly serviceErrorName: string },
    options?: { cause?: unknown },
  ) {
    super(
      "CredentialsError",
      (terms) =>
        `Mail Manager did not accept the credentials for address list \`${context.addressListId}\` in region ` +
        `${context.region} (${context.serviceErrorName}): ${CREDENTIALS_FIX[context.fault](terms)}.`,
      options,
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.fault = context.fault;
    this.serviceErrorName = context.serviceErrorName;
  }
}

/** The service kept throttling until every attempt was used. */
export class ThrottledError extends ImportJobsError implements ImportJobsErrorContext {
  override readonly name = "ThrottledError" as const;
  readonly addressListId: string;
  readonly region: string;
  /** Requests made for the page that failed, retries included. */
  readonly attempts: number;

  constructor(
    context: ImportJobsErrorContext & { readonly attempts: number; readonly operation?: string },
    options?: { cause?: unknown },
  ) {
    super(
      "ThrottledError",
      (terms) =>
        `Mail Manager throttled ${context.operation ?? LIST_OPERATION} for address list \`${context.addressListId}\` in region ` +
        `${context.region} after ${context.attempts} attempt${context.attempts === 1 ? "" : "s"}. ` +
        `Raise ${terms.argument("maxAttempts")} (e.g. to ${Math.max(context.attempts * 2, 8)}) or run fewer lookups at once.`,
      options,
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.attempts = context.attempts;
  }
}

/** Why a pagination pass was stopped. */
export type PaginationFault = "repeated-token" | "page-cap";

/** The service's paging misbehaved: a `NextToken` came back twice, or the page cap was reached. */
export class PaginationError extends ImportJobsError implements ImportJobsErrorContext {
  override readonly name = "PaginationError" as const;
  readonly addressListId: string;
  readonly region: string;
  /** What went wrong. */
  readonly fault: PaginationFault;
  /** Pages read before stopping. */
  readonly pages: number;

  constructor(context: ImportJobsErrorContext & { readonly fault: PaginationFault; readonly pages: number }) {
    super("PaginationError", (terms) =>
      context.fault === "repeated-token"
        ? `ListAddressListImportJobs for address list \`${context.addressListId}\` in region ${context.region} ` +
          `returned a NextToken it had already returned (after page ${context.pages}); stopped instead of ` +
          `looping forever. The endpoint pages incorrectly: check ${terms.argument("endpoint")}, or retry later.`
        : `ListAddressListImportJobs for address list \`${context.addressListId}\` in region ${context.region} ` +
          `still had more pages after the cap of ${context.pages} pages; stopped. Either jobs are being ` +
          "created faster than they can be listed (retry later) or the endpoint never ends its listing.",
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.fault = context.fault;
    this.pages = context.pages;
  }
}

/** Any other failure of the service, the network or the credentials, with the service's words kept. */
export class ServiceError extends ImportJobsError implements ImportJobsErrorContext {
  override readonly name = "ServiceError" as const;
  readonly addressListId: string;
  readonly region: string;
  /** The underlying error's name, e.g. `ValidationException` or `CredentialsProviderError`. */
  readonly serviceErrorName: string;

  constructor(
    context: ImportJobsErrorContext & {
      readonly serviceErrorName: string;
      /** The service's words, and a hint that may name arguments. */
      readonly detail: string | Describe;
      readonly operation?: string;
    },
    options?: { cause?: unknown },
  ) {
    super(
      "ServiceError",
      (terms) =>
        `${context.operation ?? LIST_OPERATION} failed for address list \`${context.addressListId}\` in region ` +
        `${context.region}: ${context.serviceErrorName}: ` +
        (typeof context.detail === "string" ? context.detail : context.detail(terms)),
      options,
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.serviceErrorName = context.serviceErrorName;
  }
}

/** Describes one job for a message: id, name, status, error text and counts. */
function describeJob(job: ImportJob): string {
  const counts = `imported ${job.importedItemsCount ?? 0}, failed ${job.failedItemsCount ?? 0}`;
  return `${job.jobId} (${job.name}): ${job.status}${job.error ? `, "${job.error}"` : ""}, ${counts}`;
}

/** Selected import jobs FAILED or were STOPPED (or broke an item-count policy); raised by the waiter. */
export class ImportJobFailedError extends ImportJobsError {
  override readonly name = "ImportJobFailedError" as const;
  readonly addressListId: string;
  /** The offending jobs. */
  readonly jobs: readonly ImportJob[];

  constructor(context: {
    readonly addressListId: string;
    readonly jobs: readonly ImportJob[];
    /** Why, e.g. "did not meet the policy (FAILED)". @default "did not complete" */
    readonly reason?: string | Describe;
  }) {
    const reason = context.reason ?? "did not complete";
    super(
      "ImportJobFailedError",
      (terms) =>
        `${context.jobs.length} import job${context.jobs.length === 1 ? "" : "s"} of address list ` +
        `\`${context.addressListId}\` ${typeof reason === "string" ? reason : reason(terms)}: ` +
        `${context.jobs.map(describeJob).join("; ")}. Fix the input file and create a new import job.`,
    );
    this.addressListId = context.addressListId;
    this.jobs = context.jobs;
  }
}

/** Selected import jobs were still running when the waiter's deadline passed. */
export class WaitTimeoutError extends ImportJobsError {
  override readonly name = "WaitTimeoutError" as const;
  readonly addressListId: string;
  /** The jobs that had not finished. */
  readonly jobs: readonly ImportJob[];
  /** How long the waiter waited, in seconds. */
  readonly maxWaitTime: number;

  constructor(context: {
    readonly addressListId: string;
    readonly jobs: readonly ImportJob[];
    readonly maxWaitTime: number;
  }) {
    const neverStarted = context.jobs.some((job) => job.status === "CREATED");
    super("WaitTimeoutError", (terms) =>
      context.jobs.length === 0
        ? // Nothing was selected (`select` with no matching job yet): there is no job to describe.
          `No import job of address list \`${context.addressListId}\` matched the selection within ` +
          `${context.maxWaitTime} s. Create and start an import job, or check ${terms.argument("jobIds")}/` +
          `${terms.argument("select")} and the filters; raise ${terms.argument("maxWaitTime")} if a job is ` +
          "about to be created."
        : `${context.jobs.length} import job${context.jobs.length === 1 ? "" : "s"} of address list ` +
          `\`${context.addressListId}\` did not finish within ${context.maxWaitTime} s: ` +
          `${context.jobs.map(describeJob).join("; ")}. ` +
          (neverStarted
            ? "A job still CREATED was probably never started: upload its file and call StartAddressListImportJob. "
            : "") +
          `Raise ${terms.argument("maxWaitTime")} if the imports are just slow.`,
    );
    this.addressListId = context.addressListId;
    this.jobs = context.jobs;
    this.maxWaitTime = context.maxWaitTime;
  }
}

/** `waitForImportJobs` was cancelled through its `abortSignal`. */
export class WaitAbortedError extends ImportJobsError {
  override readonly name = "WaitAbortedError" as const;
  readonly addressListId: string;
  /** The signal's `reason`, as given to `AbortController#abort` (a DOMException "AbortError" by default). */
  readonly reason: unknown;
  /** The jobs being waited for, as last seen (empty before the first poll). */
  readonly jobs: readonly ImportJob[];

  constructor(context: {
    readonly addressListId: string;
    readonly reason: unknown;
    /** The jobs as the last poll saw them. */
    readonly jobs?: readonly ImportJob[];
    /** The ids waited for, when no poll has seen the jobs yet. */
    readonly jobIds?: readonly string[];
  }) {
    const jobs = context.jobs ?? [];
    const ids = context.jobIds ?? [];
    const what =
      jobs.length === 1
        ? `import job ${jobs[0].jobId} (${jobs[0].status})`
        : jobs.length > 1
          ? `${jobs.length} import jobs (${jobs.map((job) => `${job.jobId} ${job.status}`).join(", ")})`
          : ids.length > 0
            ? `import job${ids.length === 1 ? "" : "s"} ${ids.join(", ")}`
            : "import jobs";
    const why = reasonText(context.reason);
    super(
      "WaitAbortedError",
      (terms) =>
        `Stopped waiting for ${what} of address list \`${context.addressListId}\`: ` +
        (why === undefined
          ? `its ${terms.argument("abortSignal")} fired. Nothing was changed; wait again when needed.`
          : `${why.replace(/\.$/, "")}.`),
      { cause: context.reason },
    );
    this.addressListId = context.addressListId;
    this.reason = context.reason;
    this.jobs = jobs;
  }
}

/** An abort reason's words, or undefined for the default DOMException and for nothing. */
function reasonText(reason: unknown): string | undefined {
  // Duck-typed: the default reason is a DOMException, from whichever realm made the signal.
  const { name, message } = (typeof reason === "object" && reason !== null ? reason : {}) as {
    name?: unknown;
    message?: unknown;
  };
  if (reason === undefined || name === "AbortError") {
    return undefined;
  }
  const text = typeof message === "string" ? message : String(reason);
  return text === "" ? undefined : text;
}

/**
 * True for any error of this package, also when only its message survived a process boundary.
 *
 * @example
 * try { await getAddressListImportJobs(args); } catch (e) { if (!isImportJobsError(e)) throw e; }
 */
export const isImportJobsError = errorGuard<ImportJobsError>(...ERROR_NAMES);
/** True for an {@link InvalidArgumentError}. @example if (isInvalidArgumentError(error)) { ... } */
export const isInvalidArgumentError = errorGuard<InvalidArgumentError>("InvalidArgumentError");
/** True for an {@link AddressListNotFoundError}. @example if (isAddressListNotFoundError(error)) { ... } */
export const isAddressListNotFoundError = errorGuard<AddressListNotFoundError>("AddressListNotFoundError");
/** True for an {@link AccessDeniedError}. @example if (isAccessDeniedError(error)) { ... } */
export const isAccessDeniedError = errorGuard<AccessDeniedError>("AccessDeniedError");
/** True for a {@link ThrottledError}. @example if (isThrottledError(error)) { ... } */
export const isThrottledError = errorGuard<ThrottledError>("ThrottledError");
/** True for a {@link PaginationError}. @example if (isPaginationError(error)) { ... } */
export const isPaginationError = errorGuard<PaginationError>("PaginationError");
/** True for a {@link ServiceError}. @example if (isServiceError(error)) { ... } */
export const isServiceError = errorGuard<ServiceError>("ServiceError");
/** True for an {@link ImportJobFailedError}. @example if (isImportJobFailedError(error)) { ... } */
export const isImportJobFailedError = errorGuard<ImportJobFailedError>("ImportJobFailedError");
/** True for a {@link WaitTimeoutError}. @example if (isWaitTimeoutError(error)) { ... } */
export const isWaitTimeoutError = errorGuard<WaitTimeoutError>("WaitTimeoutError");
/** True for a {@link CredentialsError}. @example if (isCredentialsError(error)) { ... } */
export const isCredentialsError = errorGuard<CredentialsError>("CredentialsError");
/** True for a {@link WaitAbortedError}. @example if (isWaitAbortedError(error)) { ... } */
export const isWaitAbortedError = errorGuard<WaitAbortedError>("WaitAbortedError");
