import { show, unknownArgument, type NotArguments } from "../core/argumentMessages";
import type { ArgumentFailure } from "../core/errors";
import { InvalidArgumentError } from "../core/errors";
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

/** The data function's arguments that the waiter does not take. */
const NOT_LOOKUP_ARGUMENTS: readonly string[] = [
  "includePreSignedUrls",
  "cache",
] satisfies (keyof GetAddressListImportJobsArgs)[];

/** Every lookup argument of the waiter: the data function's, less those above. */
const LOOKUP_KEYS: readonly string[] = ARGUMENT_NAMES.filter((key) => !NOT_LOOKUP_ARGUMENTS.includes(key));

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

/** The surfaces these rules serve: the function, and the gate resource that runs it. */
export type WaitSurface = "waitForImportJobs" | "ImportJobsGate";

/** The data function's arguments that are not the waiter's, and the waiter's hooks a resource cannot take. */
function notArgumentsOf(surface: WaitSurface): NotArguments {
  const not = (key: string, why: string) => `\`${key}\` is not an argument of ${surface}: ${why}.`;
  const hooks = surface === "ImportJobsGate" ? ["sleep", "now", "onProgress", "abortSignal"] : [];
  return {
    cache: not("cache", "every poll reads the jobs afresh"),
    includePreSignedUrls: not("includePreSignedUrls", "the waiter never returns pre-signed URLs"),
    ...Object.fromEntries(
      hooks.map((key) => [
        key,
        not(
          key,
          key === "abortSignal"
            ? "a resource input cannot be an AbortSignal; waitForImportJobs takes it"
            : "a resource input cannot be a function; waitForImportJobs takes it",
        ),
      ]),
    ),
  };
}

/** The model's `JobId`: 1–255 letters, digits or hyphens. */
const JOB_ID_PATTERN = /^[a-zA-Z0-9-]{1,255}$/;

const isNonNegativeInteger = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

const isDuration = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= MIN_DURATION && value <= MAX_DURATION;

/** One rule per waiter option: the reason it is rejected, or undefined. */
const RULES: { readonly [K in (typeof WAIT_KEYS)[number]]: (value: unknown) => string | undefined } = {
  jobIds: (value) => {
    if (!Array.isArray(value) || value.length === 0) {
      return `Expected \`jobIds\` to be a non-empty array of import job ids such as ["a1b2c3d4-job"], got ${show(value)}.`;
    }
    const index = value.findIndex((id) => typeof id !== "string" || !JOB_ID_PATTERN.test(id));
    return index === -1
      ? undefined
      : `Expected \`jobIds[${index}]\` to be an import job id (1 to 255 letters, digits or hyphens), got ${show(value[index])}.`;
  },
  select: (value) =>
    value === "all" || value === "latest"
      ? undefined
      : `Expected \`select\` to be "all" or "latest", got ${show(value)}.`,
  allowStopped: (value) =>
    typeof value === "boolean"
      ? undefined
      : `Expected \`allowStopped\` to be true or false, got ${show(value)}.`,
  maxFailedItems: (value) =>
    isNonNegativeInteger(value)
      ? undefined
      : `Expected \`maxFailedItems\` to be an integer of at least 0, got ${show(value)}.`,
  minImportedItems: (value) =>
    isNonNegativeInteger(value)
      ? undefined
      : `Expected \`minImportedItems\` to be an integer of at least 0, got ${show(value)}.`,
  maxWaitTime: (value) => durationRule("maxWaitTime", value, "600 (ten minutes)"),
  minDelay: (value) => durationRule("minDelay", value, "5"),
  maxDelay: (value) => durationRule("maxDelay", value, "30"),
  sleep: (value) => functionRule("sleep", value, "(ms) => Promise<void>"),
  now: (value) => functionRule("now", value, "() => number (milliseconds)"),
  onProgress: (value) => functionRule("onProgress", value, "(progress) => void"),
  abortSignal: (value) => {
    // Duck-typed: an AbortSignal from another realm (or a polyfill) is not `instanceof` this one.
    const signal = value as { aborted?: unknown; addEventListener?: unknown } | null;
    return typeof signal === "object" &&
      signal !== null &&
      typeof signal.aborted === "boolean" &&
      typeof signal.addEventListener === "function"
      ? undefined
      : `Expected \`abortSignal\` to be an AbortSignal, such as \`new AbortController().signal\` or ` +
          `\`AbortSignal.timeout(60_000)\`, got ${show(value)}.`;
  },
};

function durationRule(field: string, value: unknown, example: string): string | undefined {
  return isDuration(value)
    ? undefined
    : `Expected \`${field}\` to be a number of seconds from ${MIN_DURATION} to ${MAX_DURATION}, such as ${example}, ` +
        `got ${show(value)}.`;
}

function functionRule(field: string, value: unknown, shape: string): string | undefined {
  return typeof value === "function"
    ? undefined
    : `Expected \`${field}\` to be a function ${shape}, got ${show(value)}.`;
}

/** The arguments `surface` takes, in order: for ImportJobsGate, the resource's inputs. */
export function waitArgumentNames(surface: WaitSurface): string[] {
  const notArguments = notArgumentsOf(surface);
  return ALL_KEYS.filter((key) => notArguments[key] === undefined);
}

/**
 * Every problem with the arguments of `waitForImportJobs`, as `{ property, reason }` failures; empty
 * when valid. Lookup arguments come first (the data function's rules), then the waiter's options, then
 * the rules between options, then unknown keys. Only `undefined` counts as "not given".
 *
 * @example
 * validateWaitForImportJobsArgs({ addressListId: "al-1", minDelay: 0 });
 * // → [{ property: "minDelay", reason: "Expected `minDelay` to be a number of seconds from 0.1 to 2147483, ..." }]
 */
export function validateWaitForImportJobsArgs(
  args: unknown,
  surface: WaitSurface = "waitForImportJobs",
): ArgumentFailure[] {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return [{ property: "args", reason: `Expected the arguments to be an object, got ${show(args)}.` }];
  }
  const record = args as Record<string, unknown>;
  const lookup: Record<string, unknown> = {};
  for (const key of LOOKUP_KEYS) {
    if (record[key] !== undefined || key === "addressListId") {
      lookup[key] = record[key];
    }
  }
  const failures: ArgumentFailure[] = validateArgs(lookup);
  const notArguments = notArgumentsOf(surface);
  const allowed = waitArgumentNames(surface);
  for (const key of WAIT_KEYS) {
    if (notArguments[key] !== undefined) {
      continue;
    }
    const value = record[key];
    const reason = value === undefined ? undefined : RULES[key](value);
    if (reason !== undefined) {
      failures.push({ property: key, reason });
    }
  }
  const failed = (key: string): boolean => failures.some((f) => f.property === key);
  if (record.jobIds !== undefined) {
    if (record.select !== undefined) {
      failures.push({
        property: "select",
        reason:
          "Expected either `jobIds` or `select`, got both: `jobIds` names the jobs to wait for, `select` picks " +
          "them with the filters.",
      });
    }
    for (const key of SELECT_FILTER_KEYS) {
      if (record[key] !== undefined) {
        failures.push({
          property: key,
          reason: `Expected no \`${key}\` next to \`jobIds\`: the filters only narrow \`select\`. Leave \`${key}\` out, or use \`select\` instead of \`jobIds\`.`,
        });
      }
    }
  }
  if (!failed("minDelay") && !failed("maxDelay") && !failed("maxWaitTime")) {
    const minDelay = (record.minDelay as number | undefined) ?? DEFAULT_MIN_DELAY;
    const maxDelay = (record.maxDelay as number | undefined) ?? DEFAULT_MAX_DELAY;
    const maxWaitTime = (record.maxWaitTime as number | undefined) ?? DEFAULT_MAX_WAIT_TIME;
    const described = (key: string, value: number): string =>
      `\`${key}\` (${value}${record[key] === undefined ? ", the default" : ""})`;
    if (minDelay > maxDelay) {
      failures.push({
        property: record.minDelay === undefined ? "maxDelay" : "minDelay",
        reason: `Expected ${described("minDelay", minDelay)} to be at most ${described("maxDelay", maxDelay)}.`,
      });
    }
    if (maxWaitTime < minDelay) {
      failures.push({
        property: record.maxWaitTime === undefined ? "minDelay" : "maxWaitTime",
        reason: `Expected ${described("maxWaitTime", maxWaitTime)} to be at least ${described("minDelay", minDelay)}.`,
      });
    }
  }
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) {
      continue;
    }
    if (notArguments[key] !== undefined) {
      failures.push({ property: key, reason: notArguments[key] });
    } else if (!allowed.includes(key)) {
      failures.push({ property: key, reason: unknownArgument(key, allowed) });
    }
  }
  return failures;
}

/**
 * Throws an `InvalidArgumentError` listing every failure of {@link validateWaitForImportJobsArgs}.
 *
 * @example
 * assertValidWaitForImportJobsArgs({ addressListId: "al-1", select: "first" }); // throws
 */
export function assertValidWaitForImportJobsArgs(args: unknown): void {
  const failures = validateWaitForImportJobsArgs(args);
  if (failures.length > 0) {
    throw new InvalidArgumentError(failures);
  }
}
