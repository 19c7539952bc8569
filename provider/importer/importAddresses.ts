import { randomUUID } from "node:crypto";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  StartAddressListImportJobCommand,
  type CreateAddressListImportJobCommandInput,
  type CreateAddressListImportJobCommandOutput,
  type GetAddressListImportJobCommandOutput,
  type MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import { createClient, DEFAULT_MAX_ATTEMPTS, resolveRegion } from "../core/createClient";
import { InvalidArgumentError } from "../core/errors";
import { argumentFailure } from "../core/terms";
import { normalizeImportJob } from "../core/normalizeImportJob";
import { sleep as systemSleep } from "../core/sleep";
import type { ImportDataType } from "../core/types";
import { throwIfInvalid } from "../core/validationKit";
import { waitForImportJobs, type WaitForImportJobsArgs } from "../waiter/waitForImportJobs";
import { defaultJobName } from "./defaultJobName";
import { AddressImportAbortedError, AddressImportError, resumeHint, type ImportStep } from "./importErrors";
import type { ImportAddressesArgs, ImportAddressesResult } from "./importTypes";
import { inferImportFormat } from "./inferImportFormat";
import { mapImportServiceError, type ImportOperation } from "./mapImportServiceError";
import { prepareImportSource } from "./prepareImportSource";
import { uploadToPresignedUrl, type UploadOutcome } from "./uploadToPresignedUrl";
import { validateImportAddressesArgs, WAIT_POLICY_KEYS } from "./validateImportAddressesArgs";

export type { ImportAddressesArgs, ImportAddressesResult, UploadProgress } from "./importTypes";

/** Where a request of an import is made. */
interface RequestPlace {
  readonly step: ImportStep;
  readonly operation: ImportOperation;
  readonly jobId?: string;
}

/** The requests of one import, on one client, each mapped to the package's errors at its step. */
class ImportRequests {
  constructor(
    private readonly client: MailManagerClient,
    private readonly args: ImportAddressesArgs,
    readonly region: string,
    private readonly maxAttempts: number,
  ) {}

  /** Runs one request; a cancelled one is an `AddressImportAbortedError`, a failed one mapped at its step. */
  private async call<T>(
    request: (options: { abortSignal?: AbortSignal }) => Promise<T>,
    place: RequestPlace,
  ): Promise<T> {
    const signal = this.args.abortSignal;
    const context = { addressListId: this.args.addressListId, region: this.region, ...place };
    if (signal?.aborted) {
      throw new AddressImportAbortedError({ ...context, reason: signal.reason });
    }
    try {
      return await request(signal ? { abortSignal: signal } : {});
    } catch (error) {
      if (signal?.aborted) {
        throw new AddressImportAbortedError({ ...context, reason: signal.reason, inFlight: true });
      }
      throw mapImportServiceError(error, { ...context, maxAttempts: this.maxAttempts });
    }
  }

  create(input: CreateAddressListImportJobCommandInput): Promise<CreateAddressListImportJobCommandOutput> {
    return this.call((options) => this.client.send(new CreateAddressListImportJobCommand(input), options), {
      step: "create",
      operation: "CreateAddressListImportJob",
    });
  }

  /** GetAddressListImportJob, for `step`: the job, with a freshly signed URL. */
  get(jobId: string, step: ImportStep): Promise<GetAddressListImportJobCommandOutput> {
    return this.call(
      (options) => this.client.send(new GetAddressListImportJobCommand({ JobId: jobId }), options),
      {
        step,
        operation: "GetAddressListImportJob",
        jobId,
      },
    );
  }

  start(jobId: string): Promise<unknown> {
    return this.call(
      (options) => this.client.send(new StartAddressListImportJobCommand({ JobId: jobId }), options),
      {
        step: "start",
        operation: "StartAddressListImportJob",
        jobId,
      },
    );
  }
}

/** A created or resumed job: its id, a pre-signed URL, and whether it still waits for its file. */
interface JobAtHand {
  readonly jobId: string;
  readonly url: string;
  /** The job is still CREATED: it takes a file and can be started. */
  readonly awaitsFile: boolean;
  readonly clientToken?: string;
}

/** The job of `args.jobId`, checked to belong to the list and to read the file's format. */
async function resumeJob(
  requests: ImportRequests,
  args: ImportAddressesArgs,
  format: ImportDataType,
): Promise<JobAtHand> {
  const jobId = args.jobId as string;
  const job = await requests.get(jobId, "create");
  const problem =
    job.AddressListId !== args.addressListId
      ? `it belongs to address list \`${job.AddressListId}\``
      : job.ImportDataFormat?.ImportDataType !== format
        ? `it reads ${job.ImportDataFormat?.ImportDataType} files, and the file is ${format}`
        : undefined;
  if (problem !== undefined) {
    throw new InvalidArgumentError([
      argumentFailure(
        "jobId",
        (t) =>
          `Expected ${t.argument("jobId")} to be an import job of address list \`${args.addressListId}\` for ` +
          `${format} files, got "${jobId}": ${problem}. Check ${t.argument("jobId")}, ${t.argument("addressListId")} ` +
          `and ${t.argument("format")}, or leave ${t.argument("jobId")} out to create a job.`,
      ),
    ]);
  }
  return { jobId, url: job.PreSignedUrl ?? "", awaitsFile: job.Status === "CREATED" };
}

/**
 * A new job, or, for a `clientToken` of an earlier call, that call's job (then read once more, to know
 * whether it still waits for its file). Without a `clientToken` a random one is sent, so that the SDK's
 * own retries of a lost response never create a second job.
 */
async function createJob(
  requests: ImportRequests,
  args: ImportAddressesArgs,
  format: ImportDataType,
): Promise<JobAtHand> {
  const clientToken = args.clientToken ?? randomUUID();
  const output = await requests.create({
    AddressListId: args.addressListId,
    Name: args.name ?? defaultJobName(args.file),
    ImportDataFormat: { ImportDataType: format },
    ClientToken: clientToken,
  });
  const jobId = output.JobId ?? "";
  const awaitsFile =
    args.clientToken === undefined || (await requests.get(jobId, "create")).Status === "CREATED";
  return { jobId, url: output.PreSignedUrl ?? "", awaitsFile, clientToken };
}

/**
 * StartAddressListImportJob. A ConflictException from a job that is no longer CREATED (a retried
 * request whose first attempt got through, or another caller) counts as started; from a job still
 * CREATED it is an `AddressImportError`.
 */
async function startJob(requests: ImportRequests, args: ImportAddressesArgs, jobId: string): Promise<void> {
  try {
    await requests.start(jobId);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ConflictException") {
      throw error;
    }
    const job = await requests.get(jobId, "start");
    if (job.Status !== "CREATED") {
      return;
    }
    throw new AddressImportError({
      addressListId: args.addressListId,
      region: requests.region,
      step: "start",
      jobId,
      code: "ConflictException",
      detail: "the service refused to start the job, which is still CREATED: it did not receive the file",
      fix: (t) => `The job stays CREATED: ${resumeHint(jobId, t)}.`,
    });
  }
}

/**
 * Imports a file of addresses into an SES Mail Manager address list, as the console does: creates an
 * import job (CreateAddressListImportJob, with a ClientToken), streams the file to the job's
 * pre-signed URL (HTTP PUT, never read whole into memory; retried on 5xx and dropped connections, with a
 * fresh URL after a 403), starts the job (StartAddressListImportJob) and, unless `wait` is false, waits
 * for it with `waitForImportJobs` and the same policy. The bytes are sent as they are: the service
 * judges the format.
 *
 * Every argument is checked first, the file included, with an `InvalidArgumentError` before any
 * request. A failed step is an `AddressImportError` naming the step, the job and the fix (or one of the
 * lookup's errors: `AddressListNotFoundError`, `AccessDeniedError`, `CredentialsError`,
 * `ThrottledError`); a failed wait is the waiter's `ImportJobFailedError`, `WaitTimeoutError` or
 * `WaitAbortedError`, unchanged. `abortSignal` cancels any step (`AddressImportAbortedError` before the
 * wait). No message holds the pre-signed URL or an address.
 *
 * With the `clientToken` of an earlier call, the earlier job is found again and, once started, neither
 * uploaded nor started again; with `jobId`, a job left CREATED (e.g. by a failed upload) is picked up.
 *
 * @example
 * const { jobId, job } = await importAddresses({ addressListId: "al-123456789abc", file: "./subscribers.csv", maxFailedItems: 0 });
 */
export async function importAddresses(args: ImportAddressesArgs): Promise<ImportAddressesResult> {
  throwIfInvalid(validateImportAddressesArgs(args));
  const source = await prepareImportSource(args);
  const format = args.format ?? (inferImportFormat(args.file as string) as ImportDataType);
  const maxAttempts = args.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const client = createClient({
    ...(args.region === undefined ? {} : { region: args.region }),
    ...(args.profile === undefined ? {} : { profile: args.profile }),
    ...(args.endpoint === undefined ? {} : { endpoint: args.endpoint }),
    maxAttempts,
  });
  try {
    const requests = new ImportRequests(client, args, await resolveRegion(client), maxAttempts);
    const { region } = requests;
    const job =
      args.jobId === undefined
        ? await createJob(requests, args, format)
        : await resumeJob(requests, args, format);
    const { jobId } = job;
    let upload: UploadOutcome = { uploaded: false };
    if (job.awaitsFile) {
      upload = await uploadToPresignedUrl({
        addressListId: args.addressListId,
        region,
        jobId,
        url: job.url,
        source,
        maxAttempts,
        sleep: args.sleep ?? systemSleep,
        ...(args.abortSignal ? { abortSignal: args.abortSignal } : {}),
        ...(args.onUpload ? { onUpload: args.onUpload } : {}),
        refreshUrl: async () => {
          const fresh = await requests.get(jobId, "upload");
          return fresh.Status === "CREATED" ? (fresh.PreSignedUrl ?? "") : undefined;
        },
      });
      if (upload.uploaded) {
        await startJob(requests, args, jobId);
      }
    }
    const common = {
      jobId,
      addressListId: args.addressListId,
      region,
      ...(job.clientToken === undefined ? {} : { clientToken: job.clientToken }),
      uploaded: upload.uploaded,
      started: upload.uploaded,
      ...(upload.uploaded ? { contentSha256: upload.sha256, bytes: upload.bytes } : {}),
    };
    if (args.wait === false) {
      const read = normalizeImportJob(await requests.get(jobId, "start"));
      return { ...common, status: read.status, job: read, waited: false, polls: 0, waitedSeconds: 0 };
    }
    const waited = await waitForImportJobs({
      addressListId: args.addressListId,
      region,
      ...(args.profile === undefined ? {} : { profile: args.profile }),
      ...(args.endpoint === undefined ? {} : { endpoint: args.endpoint }),
      maxAttempts,
      jobIds: [jobId],
      ...waitPolicy(args),
    });
    const finished = waited.importJobs[0];
    return {
      ...common,
      status: finished.status,
      job: finished,
      waited: true,
      polls: waited.polls,
      waitedSeconds: waited.waitedSeconds,
    };
  } finally {
    client.destroy();
  }
}

/** The wait's policy and timing among `args`, those given (not undefined), for the waiter. */
function waitPolicy(args: ImportAddressesArgs): Partial<WaitForImportJobsArgs> {
  const policy: Record<string, unknown> = {};
  for (const key of WAIT_POLICY_KEYS) {
    if (args[key] !== undefined) {
      policy[key] = args[key];
    }
  }
  return policy;
}
