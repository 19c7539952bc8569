import { type ArgumentFailure } from "../core/errors";
import { argumentFailure } from "../core/terms";
import type { Terms } from "../core/terms";
import {
  boolean,
  duration,
  func,
  integer,
  notAnObject,
  ruleFailures,
  show,
  throwIfInvalid,
  unknownKeyFailures,
  type NotArguments,
  type Rule,
} from "../core/validationKit";
import type { GetAddressListImportJobsArgs } from "../core/lookupTypes";
import { ARGUMENT_NAMES, validateArgs } from "../core/validateArgs";

/**
 * Every rule for the arguments of `waitForImportJobs` (and so of `ImportJobsGate`), in one place, checked
 * before any request or wait: the lookup arguments by the data function's own rules (`validateArgs`),
 * then the selection, policy and timing options. Returns failures as data, as a provider's `check` does.
 */

/** Longest wait, in seconds, unless `maxWaitTime` says otherwise. */
export const DEFAULT_MAX_WAIT_TIME = 600;
/** First delay between polls, in seconds, unless `minDelay` says otherwise. */
export const DEFAULT_MIN_DELAY = 5;
/** Longest delay between polls, in seconds, unless `maxDelay` says otherwise. */
export const DEFAULT_MAX_DELAY = 30;
/** Smallest accepted duration, in seconds (fractions allowed, e.g. for tests against the emulator). */
export const MIN_DURATION = 0.1;
/** Largest accepted duration, in seconds: Node timers cannot wait longer than 2^31 − 1 ms. */
export const MAX_DURATION = 2_147_483;

/** The data-function arguments the waiter takes: where the list is, and the filters of `select`. */
export type WaitLookupArgs = Omit<GetAddressListImportJobsArgs, "includePreSignedUrls" | "cache">;

/** The data function's arguments that the waiter does not take, with the reason. */
const WAITER_NOT_ARGUMENTS: NotArguments = {
  cache: "`cache` is not an argument of waitForImportJobs: every poll reads the jobs afresh.",
  includePreSignedUrls:
    "`includePreSignedUrls` is not an argument of waitForImportJobs: the waiter never returns pre-signed URLs.",
} satisfies Partial<Record<keyof GetAddressListImportJobsArgs, string>>;

/** Every lookup argument of the waiter: the data function's, less those above. */
const LOOKUP_KEYS: readonly string[] = ARGUMENT_NAMES.filter(
  (key) => WAITER_NOT_ARGUMENTS[key] === undefined,
);

/** The lookup arguments that narrow `select`; meaningless next to explicit `jobIds`. */
export const SELECT_FILTER_KEYS = [
  "statuses",
  "importDataType",
  "nameRegex",
  "createdAfter",
  "createdBefore",
  "sortOrder",
  "limit",
] as const;

/** The waiter's own options, in the order their failures are reported. */
const WAIT_KEYS = [
  "jobIds",
  "select",
  "allowStopped",
  "maxFailedItems",
  "minImportedItems",
  "maxWaitTime",
  "minDelay",
  "maxDelay",
  "sleep",
  "now",
  "onProgress",
  "abortSignal",
] as const;

const ALL_KEYS: readonly string[] = [...LOOKUP_KEYS, ...WAIT_KEYS];

/** The model's `JobId`: 1–255 letters, digits or hyphens. */
const JOB_ID_PATTERN = /^[a-zA-Z0-9-]{1,255}$/;

/** One rule per waiter option. */
const RULES: { readonly [K in (typeof WAIT_KEYS)[number]]: Rule } = {
  jobIds: (value, field) => {
    if (!Array.isArray(value) || value.length === 0) {
      return (t) =>
        `Expected ${t.argument(field)} to be a non-empty array of import job ids such as ["a1b2c3d4-job"], got ${show(value)}.`;
    }
    const index = value.findIndex((id) => typeof id !== "string" || !JOB_ID_PATTERN.test(id));
    return index === -1
      ? undefined
      : (t) =>
          `Expected ${t.argument(`${field}[${index}]`)} to be an import job id (1 to 255 letters, digits or hyphens), got ${show(value[index])}.`;
  },
  select: (value, field) =>
    value === "all" || value === "latest"
      ? undefined
      : (t) => `Expected ${t.argument(field)} to be "all" or "latest", got ${show(value)}.`,
  allowStopped: boolean,
  maxFailedItems: integer(0),
  minImportedItems: integer(0),
  maxWaitTime: duration(MIN_DURATION, MAX_DURATION, "600 (ten minutes)"),
  minDelay: duration(MIN_DURATION, MAX_DURATION, "5"),
  maxDelay: duration(MIN_DURATION, MAX_DURATION, "30"),
  sleep: func("(ms) => Promise<void>"),
  now: func("() => number (milliseconds)"),
  onProgress: func("(progress) => void"),
  abortSignal: (value, field) => {
    // Duck-typed: an AbortSignal from another realm (or a polyfill) is not `instanceof` this one.
    const signal = value as { aborted?: unknown; addEventListener?: unknown } | null;
    return typeof signal === "object" &&
      signal !== null &&
      typeof signal.aborted === "boolean" &&
      typeof signal.addEventListener === "function"
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be an AbortSignal, such as \`new AbortController().signal\` or ` +
          `\`AbortSignal.timeout(60_000)\`, got ${show(value)}.`;
  },
};

/**
 * The arguments the waiter takes, in order, less `notArguments` (what a surface built on it, such as a
 * resource, cannot take).
 */
export function waitArgumentNames(notArguments: NotArguments = {}): string[] {
  return ALL_KEYS.filter((key) => notArguments[key] === undefined);
}

/**
 * Every problem with the arguments of `waitForImportJobs`, as `{ property, reason }` failures; empty
 * when valid. Lookup arguments come first (the data function's rules), then the waiter's options, then
 * the rules between options, then unknown keys. Only `undefined` counts as "not given". A surface built
 * on the waiter passes the waiter's options it does not take as `notArguments`, each with its reason.
 *
 * @example
 * validateWaitForImportJobsArgs({ addressListId: "al-1", minDelay: 0 });
 * // → [{ property: "minDelay", reason: "Expected `minDelay` to be a number of seconds from 0.1 to 2147483, ..." }]
 */
export function validateWaitForImportJobsArgs(
  args: unknown,
  notArguments: NotArguments = {},
): ArgumentFailure[] {
  const notObject = notAnObject(args);
  if (notObject) {
    return [notObject];
  }
  const record = args as Record<string, unknown>;
  const lookup: Record<string, unknown> = {};
  for (const key of LOOKUP_KEYS) {
    if (record[key] !== undefined || key === "addressListId") {
      lookup[key] = record[key];
    }
  }
  const allowed = waitArgumentNames(notArguments);
  const failures: ArgumentFailure[] = [
    ...validateArgs(lookup),
    ...ruleFailures(
      record,
      RULES,
      WAIT_KEYS.filter((key) => allowed.includes(key)),
    ),
  ];
  const failed = (key: string): boolean => failures.some((f) => f.property === key);
  if (record.jobIds !== undefined) {
    if (record.select !== undefined) {
      failures.push(
        argumentFailure(
          "select",
          (t) =>
            `Expected either ${t.argument("jobIds")} or ${t.argument("select")}, got both: ${t.argument("jobIds")} ` +
            `names the jobs to wait for, ${t.argument("select")} picks them with the filters.`,
        ),
      );
    }
    for (const key of SELECT_FILTER_KEYS) {
      if (record[key] !== undefined) {
        failures.push(
          argumentFailure(
            key,
            (t) =>
              `Expected no ${t.argument(key)} next to ${t.argument("jobIds")}: the filters only narrow ` +
              `${t.argument("select")}. Leave ${t.argument(key)} out, or use ${t.argument("select")} instead of ` +
              `${t.argument("jobIds")}.`,
          ),
        );
      }
    }
  }
  if (!failed("minDelay") && !failed("maxDelay") && !failed("maxWaitTime")) {
    const minDelay = (record.minDelay as number | undefined) ?? DEFAULT_MIN_DELAY;
    const maxDelay = (record.maxDelay as number | undefined) ?? DEFAULT_MAX_DELAY;
    const maxWaitTime = (record.maxWaitTime as number | undefined) ?? DEFAULT_MAX_WAIT_TIME;
    const described = (t: Terms, key: string, value: number): string =>
      `${t.argument(key)} (${value}${record[key] === undefined ? ", the default" : ""})`;
    if (minDelay > maxDelay) {
      failures.push(
        argumentFailure(
          record.minDelay === undefined ? "maxDelay" : "minDelay",
          (t) =>
            `Expected ${described(t, "minDelay", minDelay)} to be at most ${described(t, "maxDelay", maxDelay)}.`,
        ),
      );
    }
    if (maxWaitTime < minDelay) {
      failures.push(
        argumentFailure(
          record.maxWaitTime === undefined ? "minDelay" : "maxWaitTime",
          (t) =>
            `Expected ${described(t, "maxWaitTime", maxWaitTime)} to be at least ${described(t, "minDelay", minDelay)}.`,
        ),
      );
    }
  }
  return [...failures, ...unknownKeyFailures(record, allowed, { ...WAITER_NOT_ARGUMENTS, ...notArguments })];
}

/**
 * Throws an `InvalidArgumentError` listing every failure of {@link validateWaitForImportJobsArgs}.
 *
 * @example
 * assertValidWaitForImportJobsArgs({ addressListId: "al-1", select: "first" }); // throws
 */
export function assertValidWaitForImportJobsArgs(args: unknown): void {
  throwIfInvalid(validateWaitForImportJobsArgs(args));
}
