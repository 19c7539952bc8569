import type { GetAddressListImportJobsArgs } from "./lookupTypes";
import { show, unknownArgument, type NotArguments } from "./argumentMessages";
import { InvalidArgumentError, type ArgumentFailure } from "./errors";
import { MAX_PAGE_SIZE } from "./listImportJobPages";
import { IMPORT_DATA_TYPES, IMPORT_JOB_STATUSES, SORT_ORDERS } from "./types";

/**
 * Every rule for the arguments of `getAddressListImportJobs`, in one place. `validateArgs` returns the
 * failures as data (what a dynamic provider's `check` returns); `assertValidArgs` throws them. Both run
 * before any request, so a bad argument never costs a call.
 */

/** A field's rule: the reason it is rejected, or undefined when it is fine. Absent fields are not checked. */
type Rule = (value: unknown) => string | undefined;

/** The model's `AddressListId`: 1–255 characters, `^[a-zA-Z0-9-]+$`. */
const ADDRESS_LIST_ID_PATTERN = /^[a-zA-Z0-9-]{1,255}$/;

/** ISO-8601 date, or date-time with a zone; a zone-less time would be read in the machine's zone. */
const ISO_8601_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Region names are lower-case words and digits joined by hyphens (`us-east-1`, `us-gov-west-1`), and
 * short: without a bound, any long string of letters would pass and be sent on as a region.
 */
const REGION_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_REGION_LENGTH = 50;

/** Largest `maxAttempts`: the SDK's retry quota (500 tokens, 5 per throttling retry) allows no more. */
export const MAX_ATTEMPTS_LIMIT = 100;

/** "one of "A", "B" or "C"" for a message. */
function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return `one of ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

const isInteger = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

const integerFrom =
  (field: string, min: number, max?: number): Rule =>
  (value) =>
    isInteger(value) && value >= min && (max === undefined || value <= max)
      ? undefined
      : max === undefined
        ? `Expected \`${field}\` to be an integer of at least ${min}, got ${show(value)}.`
        : `Expected \`${field}\` to be an integer from ${min} to ${max}, got ${show(value)}.`;

const enumOf =
  (field: string, allowed: readonly string[]): Rule =>
  (value) =>
    typeof value === "string" && allowed.includes(value)
      ? undefined
      : `Expected \`${field}\` to be ${oneOf(allowed)}, got ${show(value)}.`;

const boolean =
  (field: string): Rule =>
  (value) =>
    typeof value === "boolean" ? undefined : `Expected \`${field}\` to be true or false, got ${show(value)}.`;

const nonEmptyString =
  (field: string, example: string): Rule =>
  (value) =>
    typeof value === "string" && value.trim() !== ""
      ? undefined
      : `Expected \`${field}\` to be a non-empty string such as "${example}", got ${show(value)}.`;

/** True when a `YYYY-MM-DD…` text names a day that exists: `Date.parse` rolls 2024-02-30 over to March 1. */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay.getUTCDate();
}

const isoDate =
  (field: string): Rule =>
  (value) => {
    const expected =
      `Expected \`${field}\` to be an ISO-8601 date or date-time with a time zone, such as "2024-05-01" ` +
      `or "2024-05-01T12:00:00Z", got ${show(value)}`;
    if (typeof value !== "string" || !ISO_8601_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
      return `${expected}.`;
    }
    return isCalendarDay(value) ? undefined : `${expected}, which is not a day of the calendar.`;
  };

/** One rule per argument; the mapped type makes the compiler insist that every argument has one. */
const RULES: { readonly [K in keyof GetAddressListImportJobsArgs]-?: Rule } = {
  addressListId: (value) =>
    typeof value === "string" && ADDRESS_LIST_ID_PATTERN.test(value)
      ? undefined
      : "Expected `addressListId` to be 1 to 255 letters, digits or hyphens (^[a-zA-Z0-9-]+$), such as " +
        `"al-123456789abc", got ${show(value)}.`,
  region: (value) =>
    typeof value === "string" && value.length <= MAX_REGION_LENGTH && REGION_PATTERN.test(value)
      ? undefined
      : `Expected \`region\` to be an AWS region name such as "us-east-1", got ${show(value)}.`,
  profile: nonEmptyString("profile", "default"),
  endpoint: (value) => {
    let url: URL | undefined;
    try {
      url = typeof value === "string" ? new URL(value) : undefined;
    } catch {
      url = undefined;
    }
    return url && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== ""
      ? undefined
      : `Expected \`endpoint\` to be an http or https URL such as "http://127.0.0.1:4566", got ${show(value)}.`;
  },
  pageSize: integerFrom("pageSize", 1, MAX_PAGE_SIZE),
  statuses: (value) => {
    if (!Array.isArray(value) || value.length === 0) {
      return (
        `Expected \`statuses\` to be a non-empty array of ${IMPORT_JOB_STATUSES.join(", ")} ` +
        `(leave it out for all), got ${show(value)}.`
      );
    }
    const index = value.findIndex((status) => !(IMPORT_JOB_STATUSES as readonly unknown[]).includes(status));
    return index === -1
      ? undefined
      : `Expected \`statuses[${index}]\` to be ${oneOf(IMPORT_JOB_STATUSES)}, got ${show(value[index])}.`;
  },
  importDataType: enumOf("importDataType", IMPORT_DATA_TYPES),
  nameRegex: (value) => {
    if (typeof value !== "string") {
      return `Expected \`nameRegex\` to be a regular expression string such as "^march-", got ${show(value)}.`;
    }
    try {
      new RegExp(value);
      return undefined;
    } catch (error) {
      return (
        `Expected \`nameRegex\` to be a valid JavaScript regular expression, got ${show(value)} ` +
        `(${(error as Error).message}).`
      );
    }
  },
  createdAfter: isoDate("createdAfter"),
  createdBefore: isoDate("createdBefore"),
  sortOrder: enumOf("sortOrder", SORT_ORDERS),
  limit: integerFrom("limit", 1),
  includePreSignedUrls: boolean("includePreSignedUrls"),
  maxAttempts: integerFrom("maxAttempts", 1, MAX_ATTEMPTS_LIMIT),
  cache: boolean("cache"),
};

/** Every argument of `getAddressListImportJobs`, in argument order (the keys of the rule table). */
export const ARGUMENT_NAMES = Object.keys(RULES) as readonly (keyof GetAddressListImportJobsArgs)[];

/**
 * Every problem with `args`, as `{ property, reason }` failures in argument order; empty when valid.
 * Only `undefined` counts as "not given" (`null` is rejected, as no field accepts it). Unknown keys
 * are failures too (typo protection). `notArguments` lists keys the calling surface does not take (e.g.
 * `cache` for a resource), with the reason; they are rejected and left out of the allowed list.
 *
 * @example
 * validateArgs({ addressListId: "al-1", pageSize: 0 });
 * // → [{ property: "pageSize", reason: "Expected `pageSize` to be an integer from 1 to 50, got 0." }]
 */
export function validateArgs(args: unknown, notArguments: NotArguments = {}): ArgumentFailure[] {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return [{ property: "args", reason: `Expected the arguments to be an object, got ${show(args)}.` }];
  }
  const record = args as Record<string, unknown>;
  const failures: ArgumentFailure[] = [];
  const allowed: readonly string[] = ARGUMENT_NAMES.filter((name) => notArguments[name] === undefined);
  for (const name of allowed) {
    const value = record[name];
    // Absent optional arguments take their defaults; the one required argument is checked either way.
    if (value === undefined && name !== "addressListId") {
      continue;
    }
    const reason = RULES[name as keyof typeof RULES](value);
    if (reason !== undefined) {
      failures.push({ property: name, reason });
    }
  }
  const after = record.createdAfter;
  const before = record.createdBefore;
  if (
    !failures.some((f) => f.property === "createdAfter" || f.property === "createdBefore") &&
    typeof after === "string" &&
    typeof before === "string" &&
    Date.parse(after) > Date.parse(before)
  ) {
    failures.push({
      property: "createdAfter",
      reason: `Expected \`createdAfter\` (${show(after)}) to be no later than \`createdBefore\` (${show(before)}).`,
    });
  }
  for (const key of Object.keys(record)) {
    if (notArguments[key] !== undefined) {
      failures.push({ property: key, reason: notArguments[key] });
    } else if (!allowed.includes(key)) {
      failures.push({ property: key, reason: unknownArgument(key, allowed) });
    }
  }
  return failures;
}

/**
 * Throws an `InvalidArgumentError` listing every failure of {@link validateArgs}; returns when `args` is valid.
 *
 * @example
 * assertValidArgs({ addressListId: "al 1" }); // throws: Expected `addressListId` to be 1 to 255 letters, ...
 */
export function assertValidArgs(args: unknown): asserts args is GetAddressListImportJobsArgs {
  const failures = validateArgs(args);
  if (failures.length > 0) {
    throw new InvalidArgumentError(failures);
  }
}
