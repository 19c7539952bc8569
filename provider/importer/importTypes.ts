// The importer's public shapes, apart from the functions that use them, so that the validator, the
// upload and the orchestration import them without importing each other.
import type { ImportDataType, ImportJob, ImportJobStatus } from "../core/types";
import type { WaitForImportJobsArgs } from "../waiter/waiterTypes";

/** What `onUpload` hears while the file streams to the pre-signed URL. */
export interface UploadProgress {
  /** Bytes handed to the connection so far in this attempt (a retried upload starts again at 0). */
  readonly bytesSent: number;
  /** Size of the file, in bytes. */
  readonly totalBytes: number;
  /** 1 for the first attempt; a retry after a network error, a 5xx or a refreshed URL counts up. */
  readonly attempt: number;
}

/** The waiter's arguments the importer takes as they are: client settings, and the wait's policy and timing. */
type WaitArgumentsTaken = Pick<
  WaitForImportJobsArgs,
  | "region"
  | "profile"
  | "endpoint"
  | "allowStopped"
  | "maxFailedItems"
  | "minImportedItems"
  | "maxWaitTime"
  | "minDelay"
  | "maxDelay"
  | "now"
  | "onProgress"
>;

/**
 * Arguments of {@link importAddresses}: where the list is (the client settings of the lookup), the file
 * (exactly one of `file` and `content`), the job, and the waiter's policy and timing.
 */
export interface ImportAddressesArgs extends WaitArgumentsTaken {
  /** Address list to import into: 1–255 letters, digits or hyphens, e.g. `al-123456789abc`. */
  readonly addressListId: string;
  /** Requests per API call, and attempts of the upload, retries included, for throttling, 5xx and dropped connections. @default 8 */
  readonly maxAttempts?: number;
  /** Path of the file to import, streamed from disk (never read whole into memory). Give this or `content`. */
  readonly file?: string;
  /** The file's bytes (a string is sent as UTF-8). Give this or `file`. */
  readonly content?: string | Uint8Array;
  /** Format of the file, as the service reads it. @default from the extension of `file` (.csv or .json); required with `content` */
  readonly format?: ImportDataType;
  /** Name of the import job: 1–255 letters, digits, `_`, `.` or `-`. @default the file's name without its extension, made valid, or "import" */
  readonly name?: string;
  /**
   * Idempotency token of CreateAddressListImportJob, 1–128 characters: a call with the token of an
   * earlier call (and the same list, name and format) finds that call's job instead of creating one, and
   * neither uploads nor starts it again if it was started. @default a random UUID (returned in the result)
   */
  readonly clientToken?: string;
  /** Resume this import job of the list instead of creating one: upload and start it if it is still CREATED, then wait. @default create a job */
  readonly jobId?: string;
  /** Wait for the job to finish (with the policy below) before resolving. @default true */
  readonly wait?: boolean;
  /** Waits `ms` milliseconds: between polls, and before an upload is retried. Replace it in tests. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called as the file streams to the pre-signed URL; its errors are ignored. @default none */
  readonly onUpload?: (progress: UploadProgress) => void;
  /**
   * Cancels the import: before the wait it rejects with an `AddressImportAbortedError` (naming the job if
   * one was created), during the wait with the waiter's `WaitAbortedError`; requests in flight, the
   * upload included, are cancelled. @default none
   */
  readonly abortSignal?: AbortSignal;
}

/** Result of {@link importAddresses}. */
export interface ImportAddressesResult {
  /** The import job. */
  readonly jobId: string;
  /** Address list it imports into. */
  readonly addressListId: string;
  /** Region of the list. */
  readonly region: string;
  /** The ClientToken the job was created with (the caller's, or the generated one); absent when `jobId` was given. */
  readonly clientToken?: string;
  /** This call uploaded the file; false when the job had already been started (a replayed `clientToken`, or `jobId`). */
  readonly uploaded: boolean;
  /** This call started the job (after uploading it). */
  readonly started: boolean;
  /** Hex SHA-256 of the bytes uploaded, computed while they streamed; absent when nothing was uploaded. */
  readonly contentSha256?: string;
  /** Number of bytes uploaded; absent when nothing was uploaded. */
  readonly bytes?: number;
  /** The job's status as last read: COMPLETED (or STOPPED with `allowStopped`) after a wait. */
  readonly status: ImportJobStatus;
  /** The job as last read (never with its pre-signed URL). */
  readonly job: ImportJob;
  /** The call waited for the job to finish (`wait`, and a successful wait). */
  readonly waited: boolean;
  /** Polls of the wait; 0 without one. */
  readonly polls: number;
  /** Seconds waited, from the first poll to the end of the last; 0 without a wait. */
  readonly waitedSeconds: number;
}
