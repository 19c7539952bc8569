import { errorGuard } from "../core/errorGuard";
import { ImportJobsError, type ImportJobsErrorContext } from "../core/errors";
import type { Describe, Terms } from "../core/terms";

/**
 * The importer's own errors: a step that failed, and a cancelled import. Each names the address list,
 * the region, the step and the job (once one exists), and says how to go on; none ever holds the
 * pre-signed URL or an address. Failures of the wait are the waiter's errors, unchanged.
 */

/** The steps of an import before the wait: create (or look up) the job, upload the file, start the job. */
export type ImportStep = "create" | "upload" | "start";

/** Where an import failed. */
export interface ImportStepContext extends ImportJobsErrorContext {
  /** The step that failed. */
  readonly step: ImportStep;
  /** The import job, once it exists. */
  readonly jobId?: string;
}

/** What the step was doing, as the start of a message. */
function stepText(context: ImportStepContext): string {
  const where = `address list \`${context.addressListId}\` in region ${context.region}`;
  switch (context.step) {
    case "create":
      return context.jobId === undefined
        ? `Creating an import job for ${where}`
        : `Reading import job ${context.jobId} of ${where}`;
    case "upload":
      return `Uploading the file of import job ${context.jobId} (${where})`;
    case "start":
      return `Starting import job ${context.jobId} (${where})`;
  }
}

/**
 * How to pick up a job that exists but was left CREATED: with its id, or the same `clientToken`.
 *
 * @example
 * resumeHint("job-1", ARGUMENT_TERMS); // 'run the import again with `jobId` "job-1" to upload and start it'
 */
export function resumeHint(jobId: string, terms: Terms): string {
  return `run the import again with ${terms.argument("jobId")} "${jobId}" to upload and start it`;
}

/** A step of `importAddresses` failed: creating the job, uploading its file or starting it. */
export class AddressImportError extends ImportJobsError implements ImportStepContext {
  override readonly name = "AddressImportError" as const;
  readonly addressListId: string;
  readonly region: string;
  readonly step: ImportStep;
  readonly jobId?: string;
  /**
   * What failed, as a name: the service's error (e.g. `ConflictException`), S3's error code of the upload
   * (e.g. `SlowDown`, or `HTTP 502` without one), or a network error code (e.g. `ECONNRESET`).
   */
  readonly code: string;

  constructor(
    context: ImportStepContext & {
      readonly code: string;
      /** What happened, e.g. "HTTP 503 after 8 attempts". */
      readonly detail: string;
      /** What to do about it, in the caller's terms. */
      readonly fix: Describe;
    },
    options?: { cause?: unknown },
  ) {
    super(
      "AddressImportError",
      (terms) =>
        `${stepText(context)} failed: ${context.code}: ${context.detail.replace(/\.+$/, "")}. ${context.fix(terms)}`,
      options,
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.step = context.step;
    if (context.jobId !== undefined) {
      this.jobId = context.jobId;
    }
    this.code = context.code;
  }
}

/** What an import cancelled at `step` left behind, and how to go on. */
function leftBehind(context: ImportStepContext & { readonly inFlight?: boolean }, terms: Terms): string {
  if (context.jobId === undefined && !context.inFlight) {
    return "No import job was created.";
  }
  if (context.jobId === undefined) {
    // The request may have reached the service before it was cancelled.
    return (
      `The import job may or may not have been created; run the import again with the same ` +
      `${terms.argument("clientToken")} to find it instead of creating another.`
    );
  }
  return context.step === "start"
    ? `Import job ${context.jobId} may or may not have been started; ${resumeHint(context.jobId, terms)} if it is still CREATED.`
    : `Import job ${context.jobId} stays CREATED and was not started; ${resumeHint(context.jobId, terms)}.`;
}

/** `importAddresses` was cancelled through its `abortSignal` before the wait (during the wait: `WaitAbortedError`). */
export class AddressImportAbortedError extends ImportJobsError implements ImportStepContext {
  override readonly name = "AddressImportAbortedError" as const;
  readonly addressListId: string;
  readonly region: string;
  /** The step that was cancelled. */
  readonly step: ImportStep;
  readonly jobId?: string;
  /** The signal's `reason`, as given to `AbortController#abort` (a DOMException "AbortError" by default). */
  readonly reason: unknown;

  constructor(context: ImportStepContext & { readonly reason: unknown; readonly inFlight?: boolean }) {
    super(
      "AddressImportAbortedError",
      (terms) =>
        `The import into address list \`${context.addressListId}\` (region ${context.region}) was aborted ` +
        `through its ${terms.argument("abortSignal")} during the ${context.step} step. ${leftBehind(context, terms)}`,
      { cause: context.reason },
    );
    this.addressListId = context.addressListId;
    this.region = context.region;
    this.step = context.step;
    if (context.jobId !== undefined) {
      this.jobId = context.jobId;
    }
    this.reason = context.reason;
  }
}

/**
 * True for an {@link AddressImportError}, also when only its message crossed a process boundary.
 *
 * @example
 * if (isAddressImportError(error) && error.step === "upload") { ... }
 */
export const isAddressImportError = errorGuard<AddressImportError>("AddressImportError");

/**
 * True for an {@link AddressImportAbortedError}, also when only its message crossed a process boundary.
 *
 * @example
 * if (isAddressImportAbortedError(error)) { ... }
 */
export const isAddressImportAbortedError = errorGuard<AddressImportAbortedError>("AddressImportAbortedError");
