import type { GetAddressListImportJobsArgs } from "./lookupTypes";
import type { Terms } from "./terms";
import { type ArgumentFailure } from "./errors";
import { argumentFailure } from "./terms";
import {
  boolean,
  enumOf,
  integer,
  nonEmptyString,
  notAnObject,
  oneOf,
  ruleFailures,
  show,
  throwIfInvalid,
  unknownKeyFailures,
  type NotArguments,
  type Rule,
} from "./validationKit";
import { MAX_PAGE_SIZE } from "./listImportJobPages";
import { IMPORT_DATA_TYPES, IMPORT_JOB_STATUSES, SORT_ORDERS } from "./types";

/**
 * Every rule for the arguments of `getAddressListImportJobs`. `validateArgs` returns the failures as data
 * (what a dynamic provider's `check` returns); `assertValidArgs` throws them; both before any request.
 */

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

/** True when a `YYYY-MM-DD…` text names a day that exists: `Date.parse` rolls 2024-02-30 over to March 1. */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay.getUTCDate();
}

const isoDate: Rule = (value, field) => {
  const expected = (t: Terms) =>
    `Expected ${t.argument(field)} to be an ISO-8601 date or date-time with a time zone, such as "2024-05-01" ` +
    `or "2024-05-01T12:00:00Z", got ${show(value)}`;
  if (typeof value !== "string" || !ISO_8601_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    return (t) => `${expected(t)}.`;
  }
  return isCalendarDay(value) ? undefined : (t) => `${expected(t)}, which is not a day of the calendar.`;
};

/** An http or https URL. */
const endpointUrl: Rule = (value, field) => {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  return url && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== ""
    ? undefined
    : (t) =>
        `Expected ${t.argument(field)} to be an http or https URL such as "http://127.0.0.1:4566", got ${show(value)}.`;
};

/** The rules for where a list is and how to reach it, shared with the importer. */
export const CLIENT_RULES = {
  addressListId: (value, field) =>
    typeof value === "string" && ADDRESS_LIST_ID_PATTERN.test(value)
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be 1 to 255 letters, digits or hyphens (^[a-zA-Z0-9-]+$), such as ` +
          `"al-123456789abc", got ${show(value)}.`,
  region: (value, field) =>
    typeof value === "string" && value.length <= MAX_REGION_LENGTH && REGION_PATTERN.test(value)
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be an AWS region name such as "us-east-1", got ${show(value)}.`,
  profile: nonEmptyString("default"),
  endpoint: endpointUrl,
  maxAttempts: integer(1, MAX_ATTEMPTS_LIMIT),
} as const satisfies Record<string, Rule>;

/** One rule per argument; the mapped type makes the compiler insist that every argument has one. */
const RULES: { readonly [K in keyof GetAddressListImportJobsArgs]-?: Rule } = {
  addressListId: CLIENT_RULES.addressListId,
  region: CLIENT_RULES.region,
  profile: CLIENT_RULES.profile,
  endpoint: CLIENT_RULES.endpoint,
  pageSize: integer(1, MAX_PAGE_SIZE),
  statuses: (value, field) => {
    if (!Array.isArray(value) || value.length === 0) {
      return (t) =>
        `Expected ${t.argument(field)} to be a non-empty array of ${IMPORT_JOB_STATUSES.join(", ")} ` +
        `(leave it out for all), got ${show(value)}.`;
    }
    const index = value.findIndex((status) => !(IMPORT_JOB_STATUSES as readonly unknown[]).includes(status));
    return index === -1
      ? undefined
      : (t) =>
          `Expected ${t.argument(`${field}[${index}]`)} to be ${oneOf(IMPORT_JOB_STATUSES)}, got ${show(value[index])}.`;
  },
  importDataType: enumOf(IMPORT_DATA_TYPES),
  nameRegex: (value, field) => {
    if (typeof value !== "string") {
      return (t) =>
        `Expected ${t.argument(field)} to be a regular expression string such as "^march-", got ${show(value)}.`;
    }
    try {
      new RegExp(value);
      return undefined;
    } catch (error) {
      return (t) =>
        `Expected ${t.argument(field)} to be a valid JavaScript regular expression, got ${show(value)} ` +
        `(${(error as Error).message}).`;
    }
  },
  createdAfter: isoDate,
  createdBefore: isoDate,
  sortOrder: enumOf(SORT_ORDERS),
  limit: integer(1),
  includePreSignedUrls: boolean,
  maxAttempts: CLIENT_RULES.maxAttempts,
  cache: boolean,
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
  const notObject = notAnObject(args);
  if (notObject) {
    return [notObject];
  }
  const record = args as Record<string, unknown>;
  const allowed: readonly string[] = ARGUMENT_NAMES.filter((name) => notArguments[name] === undefined);
  const failures = ruleFailures(record, RULES, allowed, ["addressListId"]);
  const after = record.createdAfter;
  const before = record.createdBefore;
  if (
    !failures.some((f) => f.property === "createdAfter" || f.property === "createdBefore") &&
    typeof after === "string" &&
    typeof before === "string" &&
    Date.parse(after) > Date.parse(before)
  ) {
    failures.push(
      argumentFailure(
        "createdAfter",
        (t) =>
          `Expected ${t.argument("createdAfter")} (${show(after)}) to be no later than ` +
          `${t.argument("createdBefore")} (${show(before)}).`,
      ),
    );
  }
  return [...failures, ...unknownKeyFailures(record, allowed, notArguments)];
}

/**
 * Throws an `InvalidArgumentError` listing every failure of {@link validateArgs}; returns when `args` is valid.
 *
 * @example
 * assertValidArgs({ addressListId: "al 1" }); // throws: Expected `addressListId` to be 1 to 255 letters, ...
 */
export function assertValidArgs(args: unknown): asserts args is GetAddressListImportJobsArgs {
  throwIfInvalid(validateArgs(args));
}
