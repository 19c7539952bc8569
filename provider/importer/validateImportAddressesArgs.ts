import type { ArgumentFailure } from "../core/errors";
import { argumentFailure } from "../core/terms";
import { IMPORT_DATA_TYPES } from "../core/types";
import {
  boolean,
  enumOf,
  func,
  notAnObject,
  ruleFailures,
  show,
  unknownKeyFailures,
  type NotArguments,
  type Rule,
} from "../core/validationKit";
import {
  SELECT_FILTER_KEYS,
  validateWaitForImportJobsArgs,
  waitArgumentNames,
} from "../waiter/validateWaitForImportJobsArgs";
import { inferImportFormat } from "./inferImportFormat";
import type { ImportAddressesArgs } from "./importTypes";

/**
 * Every rule for the arguments of `importAddresses`, checked before any request: the list, client
 * settings and wait policy by the waiter's own rules (`validateWaitForImportJobsArgs`), then the
 * importer's options, then the rules between them, then unknown keys. Returns failures as data, as a
 * provider's `check` does. The file itself (exists, readable, not empty) is checked when the import
 * opens it, still before any request.
 */

/** The model's `JobName`: 1–255 letters, digits, `_`, `.` or `-`. */
const JOB_NAME_PATTERN = /^[a-zA-Z0-9_.-]{1,255}$/;

/** The model's `JobId`: 1–255 letters, digits or hyphens. */
const JOB_ID_PATTERN = /^[a-zA-Z0-9-]{1,255}$/;

/** The model's `IdempotencyToken`: 1–128 characters. */
const MAX_CLIENT_TOKEN_LENGTH = 128;

/** The waiter's arguments that the importer does not take: it waits for its own job, by id. */
const NOT_WAIT_KEYS: readonly string[] = ["jobIds", "select", "pageSize", ...SELECT_FILTER_KEYS];

/** The waiter's arguments the importer takes (list, client, policy, timing), in the waiter's order. */
const WAIT_KEYS = waitArgumentNames().filter(
  (key) => !NOT_WAIT_KEYS.includes(key),
) as (keyof ImportAddressesArgs)[];

/** Where the list is and how to reach it: the waiter's arguments that are not its policy or timing. */
const CLIENT_KEYS: readonly string[] = ["addressListId", "region", "profile", "endpoint", "maxAttempts"];

/** The wait's policy and timing, which `importAddresses` hands to the waiter as given. */
export const WAIT_POLICY_KEYS: readonly (keyof ImportAddressesArgs)[] = WAIT_KEYS.filter(
  (key) => !CLIENT_KEYS.includes(key),
);

/** The importer's own arguments. */
const IMPORT_KEYS = [
  "file",
  "content",
  "format",
  "name",
  "clientToken",
  "jobId",
  "wait",
  "onUpload",
] as const satisfies readonly (keyof ImportAddressesArgs)[];

/** Every argument of `importAddresses`: the waiter's it takes, then its own. */
export const IMPORT_ADDRESSES_ARGUMENT_NAMES: readonly (keyof ImportAddressesArgs)[] = [
  ...WAIT_KEYS,
  ...IMPORT_KEYS,
];

/** A string of `min` to `max` characters matching `pattern`, described as `what`. */
const patterned =
  (pattern: RegExp, what: string): Rule =>
  (value, field) =>
    typeof value === "string" && pattern.test(value)
      ? undefined
      : (t) => `Expected ${t.argument(field)} to be ${what}, got ${show(value)}.`;

/** One rule per importer option. `content` is never shown: it holds addresses. */
const RULES: { readonly [K in (typeof IMPORT_KEYS)[number]]: Rule } = {
  file: (value, field) =>
    typeof value === "string" && value.trim() !== ""
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be the path of a file, such as "./addresses.csv", got ${show(value)}.`,
  content: (value, field) => {
    const isBytes = typeof value === "string" || value instanceof Uint8Array;
    if (isBytes && value.length > 0) {
      return undefined;
    }
    const got = isBytes ? "an empty one" : value === null ? "null" : `a ${typeof value}`;
    return (t) =>
      `Expected ${t.argument(field)} to be the file's bytes, a non-empty string or Buffer, got ${got}.`;
  },
  format: enumOf(IMPORT_DATA_TYPES),
  name: patterned(
    JOB_NAME_PATTERN,
    '1 to 255 letters, digits, `_`, `.` or `-` (^[a-zA-Z0-9_.-]+$), such as "march-2025"',
  ),
  clientToken: (value, field) =>
    typeof value === "string" && value.length >= 1 && value.length <= MAX_CLIENT_TOKEN_LENGTH
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be a string of 1 to ${MAX_CLIENT_TOKEN_LENGTH} characters, such as a ` +
          `UUID, got ${show(value)}.`,
  jobId: patterned(JOB_ID_PATTERN, "an import job id (1 to 255 letters, digits or hyphens)"),
  wait: boolean,
  onUpload: func("(progress) => void"),
};

/** The failures between the importer's options: one file, a known format, and nothing to create with `jobId`. */
function combinationFailures(
  record: Record<string, unknown>,
  failed: (key: string) => boolean,
): ArgumentFailure[] {
  const failures: ArgumentFailure[] = [];
  const { file, content, format, jobId } = record;
  if (file !== undefined && content !== undefined) {
    failures.push(
      argumentFailure(
        "content",
        (t) =>
          `Expected either ${t.argument("file")} or ${t.argument("content")}, got both: ${t.argument("file")} is a ` +
          `path to stream from, ${t.argument("content")} the bytes themselves.`,
      ),
    );
  } else if (file === undefined && content === undefined) {
    failures.push(
      argumentFailure(
        "file",
        (t) =>
          `Expected ${t.argument("file")} (a path such as "./addresses.csv") or ${t.argument("content")} (the ` +
          "file's bytes), got neither.",
      ),
    );
  }
  if (format === undefined && !failed("file") && !failed("content")) {
    if (content !== undefined && file === undefined) {
      failures.push(
        argumentFailure(
          "format",
          (t) =>
            `Expected ${t.argument("format")} ("CSV" or "JSON") next to ${t.argument("content")}: the format of ` +
            "bytes cannot be told from a file name.",
        ),
      );
    } else if (typeof file === "string" && inferImportFormat(file) === undefined) {
      failures.push(
        argumentFailure(
          "format",
          (t) =>
            `Expected ${t.argument("format")} ("CSV" or "JSON"): it cannot be told from the name of ` +
            `${t.argument("file")} ${show(file)}, which ends neither in .csv nor in .json.`,
        ),
      );
    }
  }
  if (jobId !== undefined) {
    for (const key of ["name", "clientToken"]) {
      if (record[key] !== undefined) {
        failures.push(
          argumentFailure(
            key,
            (t) =>
              `Expected no ${t.argument(key)} next to ${t.argument("jobId")}: the job exists already. Leave ` +
              `${t.argument(key)} out to resume the job, or ${t.argument("jobId")} out to create one.`,
          ),
        );
      }
    }
  }
  return failures;
}

/**
 * Every problem with the arguments of `importAddresses`, as `{ property, reason }` failures; empty when
 * valid. Only `undefined` counts as "not given". A surface built on the importer (a resource, the
 * command line) passes the options it does not take as `notArguments`, each with its reason.
 *
 * @example
 * validateImportAddressesArgs({ addressListId: "al-1", content: "address\n" });
 * // → [{ property: "format", reason: "Expected `format` (\"CSV\" or \"JSON\") next to `content`: ..." }]
 */
export function validateImportAddressesArgs(
  args: unknown,
  notArguments: NotArguments = {},
): ArgumentFailure[] {
  const notObject = notAnObject(args);
  if (notObject) {
    return [notObject];
  }
  const record = args as Record<string, unknown>;
  const allowed = IMPORT_ADDRESSES_ARGUMENT_NAMES.filter((key) => notArguments[key] === undefined);
  const waitArgs: Record<string, unknown> = {};
  for (const key of WAIT_KEYS) {
    if (allowed.includes(key) && (record[key] !== undefined || key === "addressListId")) {
      waitArgs[key] = record[key];
    }
  }
  const failures: ArgumentFailure[] = [
    ...validateWaitForImportJobsArgs(waitArgs),
    ...ruleFailures(
      record,
      RULES,
      IMPORT_KEYS.filter((key) => allowed.includes(key)),
    ),
  ];
  const failed = (key: string): boolean => failures.some((f) => f.property === key);
  return [
    ...failures,
    ...combinationFailures(record, failed),
    ...unknownKeyFailures(record, allowed, notArguments),
  ];
}
