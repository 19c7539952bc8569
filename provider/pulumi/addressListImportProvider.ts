import { createHash } from "node:crypto";
import { StopAddressListImportJobCommand } from "@aws-sdk/client-mailmanager";
import type * as pulumi from "@pulumi/pulumi";
import { createClient, resolveRegion } from "../core/createClient";
import { getImportJobs } from "../core/getImportJobs";
import type { ImportDataType, ImportJob } from "../core/types";
import { argumentFailure } from "../core/terms";
import { show, type NotArguments } from "../core/validationKit";
import { contentSha256 } from "../importer/contentSha256";
import { importAddresses } from "../importer/importAddresses";
import type { ImportAddressesArgs } from "../importer/importTypes";
import { inferImportFormat } from "../importer/inferImportFormat";
import {
  IMPORT_ADDRESSES_ARGUMENT_NAMES,
  validateImportAddressesArgs,
} from "../importer/validateImportAddressesArgs";
import { isFinished } from "../waiter/acceptImportJobs";
import { reportProgress } from "../waiter/reportProgress";
import { changedInputs, containsUnknown, knownInputFailures, pickInputs, plainJson } from "./dynamicInputs";
import { createEngineLog } from "./engineLog";
import { cancellationSignal } from "./cancellation";
import { PROGRESS_URN_INPUT } from "./importJobsGateProvider";

/**
 * The dynamic provider behind `AddressListImport`: `create` runs one import (create the job with a
 * client token derived from the resource and the content, upload, start, wait); `read` reads the job;
 * `delete` stops a job that is still running and changes nothing else. State holds the content's
 * SHA-256, never the content (a `content` input is a secret).
 */

/** The resource's inputs: the importer's arguments that are settings, with `content` as text. */
export type AddressListImportInputs = Omit<
  ImportAddressesArgs,
  | "content"
  | "name"
  | "clientToken"
  | "jobId"
  | "wait"
  | "sleep"
  | "now"
  | "onProgress"
  | "onUpload"
  | "abortSignal"
> & {
  /** The file's text (kept in state only as a secret). Give this or `file`. */
  readonly content?: string;
  /** Name of the import job: 1–255 letters, digits, `_`, `.` or `-`. @default the resource's name, made valid */
  readonly name?: string;
};

/** The resource's outputs besides its inputs: the import job as last read, and what was imported. */
export interface AddressListImportSummary {
  /** The import job. */
  readonly jobId: string;
  /** Region of the list, as resolved. */
  readonly region: string;
  /** Name of the import job. */
  readonly name: string;
  /** Format of the file, as given or inferred from the file name. */
  readonly format: ImportDataType;
  /** Hex SHA-256 of the imported bytes: a change of content replaces the resource (one new job). */
  readonly contentSha256: string;
  /** Status of the job when it was last read: COMPLETED after a successful `up`. */
  readonly status: string;
  /** Addresses imported. */
  readonly importedItemsCount: number;
  /** Addresses that failed to import. */
  readonly failedItemsCount: number;
  /** When the job was created, ISO-8601 UTC. */
  readonly createdTimestamp: string;
  /** When the job was started, ISO-8601 UTC. */
  readonly startTimestamp?: string;
  /** When the job finished, ISO-8601 UTC. */
  readonly completedTimestamp?: string;
  /** The service's reason for a failure. */
  readonly error?: string;
}

/** The importer's arguments a resource cannot take, with the reason. */
const NOT_RESOURCE_ARGUMENTS: NotArguments = {
  clientToken:
    "`clientToken` is not an argument of AddressListImport: it is derived from the resource and the content, " +
    "so that a retried create finds its job instead of importing twice.",
  jobId: "`jobId` is not an argument of AddressListImport: each resource creates its own job.",
  wait: "`wait` is not an argument of AddressListImport: `up` waits for the import to finish.",
  ...Object.fromEntries(
    (["sleep", "now", "onProgress", "onUpload", "abortSignal"] as const).map((key) => [
      key,
      `\`${key}\` is not an argument of AddressListImport: a resource input cannot be ` +
        `${key === "abortSignal" ? "an AbortSignal" : "a function"}; importAddresses takes it.`,
    ]),
  ),
};

/** Every input, in argument order. */
export const IMPORT_INPUT_KEYS: readonly string[] = IMPORT_ADDRESSES_ARGUMENT_NAMES.filter(
  (key) => NOT_RESOURCE_ARGUMENTS[key] === undefined,
);

/** What `check` adds: the content's hash, compared by `diff` instead of the content itself. */
export const CONTENT_SHA256_INPUT = "contentSha256";

/** Inputs whose change means another import: a new job, so the resource is replaced. */
const REPLACE_KEYS = ["addressListId", "region", "format", "name", CONTENT_SHA256_INPUT];

/** Inputs compared by `diff`: `content` is not echoed in the outputs, its hash stands for it. */
const COMPARED_KEYS = [...IMPORT_INPUT_KEYS.filter((key) => key !== "content"), CONTENT_SHA256_INPUT];

/** The inputs the outputs echo: all but `content`, which state keeps only as a secret input. */
const ECHOED_KEYS = [...IMPORT_INPUT_KEYS.filter((key) => key !== "content"), PROGRESS_URN_INPUT];

/** The summary keys, in output order. */
export const IMPORT_OUTPUT_KEYS = [
  "jobId",
  "region",
  "name",
  "format",
  "contentSha256",
  "status",
  "importedItemsCount",
  "failedItemsCount",
  "createdTimestamp",
  "startTimestamp",
  "completedTimestamp",
  "error",
] as const satisfies readonly (keyof AddressListImportSummary)[];

/** A job name made from a resource name: the characters a job name allows, at most 255. */
export function jobNameOf(resourceName: string): string {
  return resourceName.replace(/[^a-zA-Z0-9_.-]/g, "-").slice(0, 255) || "import";
}

/** The resource name in a URN (`urn:pulumi:stack::project::type::name`). */
function resourceNameOf(urn: unknown): string | undefined {
  return typeof urn === "string" ? urn.slice(urn.lastIndexOf("::") + 2) : undefined;
}

/**
 * The ClientToken of a resource's import: the same for the same resource, list, name, format and
 * content, so a create retried after a crash or a cancelled `up` finds the job instead of importing
 * twice. Hex, 64 characters (the API takes 1–128).
 */
export function importClientToken(inputs: Record<string, unknown>): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        inputs[PROGRESS_URN_INPUT] ?? "",
        inputs.addressListId,
        inputs.name,
        inputs.format,
        inputs[CONTENT_SHA256_INPUT],
      ]),
    )
    .digest("hex");
}

/** The importer's arguments of a bag of checked inputs. */
function importArgs(inputs: Record<string, unknown>): ImportAddressesArgs {
  return pickInputs(inputs, IMPORT_INPUT_KEYS) as unknown as ImportAddressesArgs;
}

/** The outputs: the echoed inputs but `content`, then the job. */
function outputsOf(inputs: Record<string, unknown>, job: ImportJob, region: string): Record<string, unknown> {
  const summary: Record<string, unknown> = {
    jobId: job.jobId,
    region,
    name: job.name || inputs.name,
    format: job.importDataType ?? inputs.format,
    contentSha256: inputs[CONTENT_SHA256_INPUT],
    status: job.status,
    importedItemsCount: job.importedItemsCount ?? 0,
    failedItemsCount: job.failedItemsCount ?? 0,
    createdTimestamp: job.createdTimestamp,
    startTimestamp: job.startTimestamp,
    completedTimestamp: job.completedTimestamp,
    error: job.error,
  };
  return plainJson({ ...pickInputs(inputs, ECHOED_KEYS), ...summary });
}

/** Reads one job of the list with GetAddressListImportJob. */
async function readJob(
  bag: Record<string, unknown>,
  jobId: string,
): Promise<{ job: ImportJob; region: string }> {
  const client = createClient(clientSettings(bag));
  try {
    const region = await resolveRegion(client);
    const [job] = await getImportJobs({
      client,
      region,
      addressListId: String(bag.addressListId),
      jobIds: [jobId],
    });
    return { job, region };
  } finally {
    client.destroy();
  }
}

function clientSettings(bag: Record<string, unknown>) {
  const settings = pickInputs(bag, ["region", "profile", "endpoint", "maxAttempts"]);
  return settings as { region?: string; profile?: string; endpoint?: string; maxAttempts?: number };
}

/** The provider object; `diff` always answers with an explicit `changes`. */
export const addressListImportProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const inputs: Record<string, unknown> = { ...news };
    const urn = news[PROGRESS_URN_INPUT];
    const failures = knownInputFailures(news, (known) => {
      const { [PROGRESS_URN_INPUT]: _urn, [CONTENT_SHA256_INPUT]: _hash, ...settings } = known;
      return validateImportAddressesArgs(settings, NOT_RESOURCE_ARGUMENTS);
    });
    if (urn !== undefined && typeof urn !== "string") {
      failures.push(
        argumentFailure(
          PROGRESS_URN_INPUT,
          (t) =>
            `Expected ${t.argument(PROGRESS_URN_INPUT)} to be a URN string (AddressListImport sets it), got ${show(urn)}.`,
        ),
      );
    }
    if (failures.length > 0) {
      return { inputs, failures };
    }
    // Defaults are settled here, so that state and `diff` see the values `create` will use.
    if (inputs.name === undefined) {
      inputs.name = jobNameOf(resourceNameOf(urn) ?? "import");
    }
    if (inputs.format === undefined && typeof inputs.file === "string" && !containsUnknown(inputs.file)) {
      inputs.format = inferImportFormat(inputs.file);
    }
    const source = pickInputs(inputs, ["file", "content"]);
    if (!containsUnknown(source)) {
      try {
        inputs[CONTENT_SHA256_INPUT] = await contentSha256(source);
      } catch (error) {
        const failed = (error as { failures?: { property: string; reason: string }[] }).failures;
        if (!failed) throw error;
        return { inputs, failures: failed };
      }
    }
    return { inputs, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    if (
      containsUnknown(pickInputs(news, [...IMPORT_INPUT_KEYS, CONTENT_SHA256_INPUT])) ||
      !news[CONTENT_SHA256_INPUT]
    ) {
      return { changes: true, replaces: [CONTENT_SHA256_INPUT] };
    }
    const changed = changedInputs(olds, news, COMPARED_KEYS);
    const replaces = changed.filter((key) => REPLACE_KEYS.includes(key));
    return { changes: changed.length > 0, ...(replaces.length > 0 ? { replaces } : {}) };
  },

  async create(inputs: Record<string, unknown>) {
    const urn = inputs[PROGRESS_URN_INPUT];
    const log = createEngineLog(typeof urn === "string" ? urn : undefined);
    try {
      const result = await importAddresses({
        ...importArgs(inputs),
        clientToken: importClientToken(inputs),
        onProgress: reportProgress(log),
        abortSignal: cancellationSignal(),
      });
      return { id: result.jobId, outs: outputsOf(inputs, result.job, result.region) };
    } finally {
      await log.close();
    }
  },

  async update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Only settings that do not change the import (policy, timing, the path of the same content): the
    // job stays as it is; the outputs take the new inputs.
    return { outs: plainJson({ ...pickInputs(news, ECHOED_KEYS), ...pickInputs(olds, IMPORT_OUTPUT_KEYS) }) };
  },

  async read(id: string, props: Record<string, unknown> = {}) {
    const { job, region } = await readJob(props, id);
    return { id, props: outputsOf(props, job, region) };
  },

  async delete(id: string, props: Record<string, unknown>) {
    // The addresses stay in the list: an import cannot be undone. Only a job still running is stopped.
    if (isFinished(typeof props.status === "string" ? props.status : undefined)) {
      return;
    }
    const client = createClient(clientSettings(props));
    try {
      await client.send(new StopAddressListImportJobCommand({ JobId: id }));
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      // Finished (or never started) since it was last read, or gone with its list: nothing to stop.
      if (
        name !== "ConflictException" &&
        name !== "ResourceNotFoundException" &&
        name !== "ValidationException"
      ) {
        throw error;
      }
    } finally {
      client.destroy();
    }
  },
};
