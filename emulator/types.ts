import type { Clock } from "./clock";

/** The one access key the emulator accepts. */
export interface EmulatorCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export type ImportJobStatus = "CREATED" | "PROCESSING" | "COMPLETED" | "FAILED" | "STOPPED";
export type ImportDataType = "CSV" | "JSON";
export type ListOrder = "shuffled" | "creation" | "reverse";

/**
 * Faults injected into API requests (`POST /`), and, through the `upload…` options only, into uploads
 * to pre-signed URLs.
 */
export interface FaultOptions {
  /** Real-time delay added before every API response, in ms. @default 0 */
  latencyMs?: number;
  /** Global request rate limit (token bucket, burst = one second's worth, on the emulator clock); excess gets 429 ThrottlingException. @default unlimited */
  tps?: number;
  /** Probability (0..1) of a 500 InternalServerError. @default 0 */
  serverErrorRate?: number;
  /** Probability (0..1) of a 200 whose JSON body is truncated. @default 0 */
  malformedBodyRate?: number;
  /** Probability (0..1) that the socket is destroyed without a response. @default 0 */
  resetRate?: number;
  /** Extra real-time delay, in ms, for the responses picked by `slowResponseRate`. @default 0 */
  slowResponseMs?: number;
  /** Probability (0..1) that a response is delayed by `slowResponseMs`. @default 0 */
  slowResponseRate?: number;
  /** List* operations answer a request that has a NextToken with that same token, forever. @default false */
  repeatNextToken?: boolean;
  /** List* tokens cycle A -> B -> A (needs at least two pages). @default false */
  cyclicNextToken?: boolean;
  /** The next N API requests get 429 ThrottlingException. @default 0 */
  throttleNext?: number;
  /** One-shot error replies, used in order by the next API requests. @default [] */
  failNext?: Array<{ status: number; type: string; message?: string }>;
  /** After each ListAddressListImportJobs page, N new CREATED jobs appear in that list. @default 0 */
  jobsAppearingPerListPage?: number;
  /**
   * One-shot S3-style XML error replies (e.g. `{ status: 503, code: "SlowDown" }`), used in order by the
   * next uploads to a valid pre-signed URL; the body is read, then refused and not stored. @default []
   */
  uploadFailNext?: Array<{ status: number; code: string; message?: string }>;
  /** The next N uploads to a valid pre-signed URL lose their connection after the first bytes; nothing is stored. @default 0 */
  uploadResetNext?: number;
  /** Seed of the PRNG behind the rates above, so a run is reproducible. @default 1 */
  seed?: number;
}

/** An import job to put straight into the store. Timestamps are epoch milliseconds. */
export interface SeedJob {
  /** @default a generated id */
  jobId?: string;
  name: string;
  /**
   * A seeded PROCESSING job finishes `processingMs` after seeding: FAILED when `error` is set,
   * else COMPLETED with the seeded counts. @default "CREATED"
   */
  status?: ImportJobStatus;
  /** @default "CSV" */
  importDataType?: ImportDataType;
  /** @default the emulator clock's now */
  createdTimestamp?: number;
  startTimestamp?: number;
  completedTimestamp?: number;
  importedItemsCount?: number;
  failedItemsCount?: number;
  error?: string;
}

export interface SeedAddressList {
  /** @default a generated id */
  addressListId?: string;
  name: string;
  /** Addresses registered as members (they must be valid addresses). */
  members?: string[];
  jobs?: SeedJob[];
}

export interface SeedData {
  addressLists: SeedAddressList[];
}

/** A rule of `deny`: a request matching every given field gets 403 AccessDeniedException. */
export interface DenyRule {
  /** Operation name, e.g. "ListAddressListImportJobs". @default any */
  operation?: string;
  /** @default any */
  accessKeyId?: string;
}

export interface EmulatorOptions {
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Port; 0 picks a free one. @default 0 */
  port?: number;
  /** Region used in ARNs and reported to users (signatures of any region are accepted). @default "us-east-1" */
  region?: string;
  /** @default { accessKeyId: "test", secretAccessKey: "test" } */
  credentials?: EmulatorCredentials;
  /** Time of the simulated world. @default real time */
  clock?: Clock;
  /** Time from StartAddressListImportJob to a terminal status, in ms of `clock`. @default 2000 */
  processingMs?: number;
  /** Lifetime of pre-signed upload URLs, in seconds (an integer > 0); a PUT after it gets 403 AccessDenied "Request has expired". @default 900 */
  presignedUrlTtlSeconds?: number;
  /** Order of List* results: a seeded hash of the id (deterministic, not creation order), creation or reverse creation. @default "shuffled" */
  listOrder?: ListOrder;
  /** Seed of the "shuffled" order and of generated ids. @default 0 */
  orderSeed?: number;
  /** Data loaded at start. */
  seed?: SeedData;
  /** @default no faults */
  faults?: FaultOptions;
  /** @default nothing denied */
  deny?: DenyRule[];
  /** Receives one line per request (never a pre-signed URL's query). */
  log?: (line: string) => void;
}

export interface Emulator {
  /** Base URL, e.g. "http://127.0.0.1:43567"; use it as the SDK's `endpoint`. */
  readonly url: string;
  readonly region: string;
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  /** Number of API requests received per operation name (all requests, incl. rejected ones); no argument = total. */
  calls(operation?: string): number;
  /** Number of requests to pre-signed upload URLs (`/upload/…`, any method, incl. rejected ones); not part of `calls()`. */
  uploads(): number;
  /** Sets `calls` and `uploads` back to 0. */
  resetCalls(): void;
  /** Replaces the fault settings (and restarts the PRNG and the TPS bucket). */
  setFaults(faults: FaultOptions): void;
  /** Adds data directly (no API call counted). */
  seed(data: SeedData): { addressListIds: string[]; jobIds: string[][] };
  setDeny(rules: EmulatorOptions["deny"]): void;
  /** Directly mutates a job (status, counts, error, timestamps) as the service would; for tests. */
  updateJob(jobId: string, patch: Partial<SeedJob>): void;
  /**
   * Removes a job as if it had vanished (the API deletes jobs only with their address list, which it
   * refuses while one is in progress); for tests of a job disappearing while a waiter polls it.
   */
  deleteJob(jobId: string): void;
  close(): Promise<void>;
}
