import { InvalidArgumentError, type ArgumentFailure } from "./errors";
import { argumentFailure } from "./terms";
import type { Describe } from "./terms";

/**
 * The pieces every validator is made of (the lookup's, the waiter's, the importer's and the resources'
 * `check`), so that all of them name the field, the value and what is allowed alike.
 */

/** A field's rule: why `value` is rejected, in the caller's terms, or undefined when it is fine. */
export type Rule = (value: unknown, field: string) => Describe | undefined;

/**
 * Arguments of a sibling API that one surface does not take, each with the reason shown to the user,
 * e.g. `{ cache: "... AddressListImportJobs reads the jobs afresh in every operation." }`.
 */
export type NotArguments = Readonly<Record<string, string>>;

/** A value as it appears in a message: strings quoted, long values shortened. */
export function show(value: unknown): string {
  let text: string;
  if (value === undefined) {
    text = "undefined";
  } else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    text = String(value);
  } else if (typeof value === "function") {
    text = "a function";
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** "one of "A", "B" or "C"" for a message. */
export function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return `one of ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** Levenshtein distance, to suggest the argument a typo meant. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** The reason for a key that is no argument at all, with the likely intended one and the allowed list. */
export function unknownArgument(key: string, allowed: readonly string[]): Describe {
  const lower = key.toLowerCase();
  const suggestion = allowed.find((name) => editDistance(name.toLowerCase(), lower) <= 2);
  return (t) =>
    `Unknown argument ${t.argument(key)}${suggestion ? ` (did you mean ${t.argument(suggestion)}?)` : ""}. ` +
    `Allowed arguments: ${allowed.join(", ")}.`;
}

const isInteger = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

/** An integer of at least `min` (and at most `max`). */
export const integer =
  (min: number, max?: number): Rule =>
  (value, field) =>
    isInteger(value) && value >= min && (max === undefined || value <= max)
      ? undefined
      : max === undefined
        ? (t) => `Expected ${t.argument(field)} to be an integer of at least ${min}, got ${show(value)}.`
        : (t) => `Expected ${t.argument(field)} to be an integer from ${min} to ${max}, got ${show(value)}.`;

/** One of `allowed`. */
export const enumOf =
  (allowed: readonly string[]): Rule =>
  (value, field) =>
    typeof value === "string" && allowed.includes(value)
      ? undefined
      : (t) => `Expected ${t.argument(field)} to be ${oneOf(allowed)}, got ${show(value)}.`;

/** `true` or `false`. */
export const boolean: Rule = (value, field) =>
  typeof value === "boolean"
    ? undefined
    : (t) => `Expected ${t.argument(field)} to be true or false, got ${show(value)}.`;

/** A string with something other than white space, such as `example`. */
export const nonEmptyString =
  (example: string): Rule =>
  (value, field) =>
    typeof value === "string" && value.trim() !== ""
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be a non-empty string such as "${example}", got ${show(value)}.`;

/** A number of seconds from `min` to `max`, such as `example`. */
export const duration =
  (min: number, max: number, example: string): Rule =>
  (value, field) =>
    typeof value === "number" && Number.isFinite(value) && value >= min && value <= max
      ? undefined
      : (t) =>
          `Expected ${t.argument(field)} to be a number of seconds from ${min} to ${max}, such as ${example}, ` +
          `got ${show(value)}.`;

/** A function of the given shape, e.g. "(ms) => Promise<void>". */
export const func =
  (shape: string): Rule =>
  (value, field) =>
    typeof value === "function"
      ? undefined
      : (t) => `Expected ${t.argument(field)} to be a function ${shape}, got ${show(value)}.`;

/** The failure for arguments that are not an object (a record of arguments), or undefined when they are. */
export function notAnObject(args: unknown): ArgumentFailure | undefined {
  return typeof args === "object" && args !== null && !Array.isArray(args)
    ? undefined
    : argumentFailure("args", () => `Expected the arguments to be an object, got ${show(args)}.`);
}

/**
 * The failures of each given field under its rule, in `keys` order. Only `undefined` counts as "not
 * given"; the `required` keys are checked either way.
 */
export function ruleFailures(
  record: Record<string, unknown>,
  rules: Readonly<Record<string, Rule>>,
  keys: readonly string[],
  required: readonly string[] = [],
): ArgumentFailure[] {
  const failures: ArgumentFailure[] = [];
  for (const key of keys) {
    const value = record[key];
    const describe = value === undefined && !required.includes(key) ? undefined : rules[key](value, key);
    if (describe !== undefined) {
      failures.push(argumentFailure(key, describe));
    }
  }
  return failures;
}

/** A failure for every given key that is not `allowed`: the surface's reason, or "unknown argument". */
export function unknownKeyFailures(
  record: Record<string, unknown>,
  allowed: readonly string[],
  notArguments: NotArguments = {},
): ArgumentFailure[] {
  const failures: ArgumentFailure[] = [];
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) {
      continue;
    }
    if (notArguments[key] !== undefined) {
      failures.push({ property: key, reason: notArguments[key] });
    } else if (!allowed.includes(key)) {
      failures.push(argumentFailure(key, unknownArgument(key, allowed)));
    }
  }
  return failures;
}

/**
 * Throws an `InvalidArgumentError` listing `failures`; returns when there are none.
 *
 * @example
 * throwIfInvalid(validateArgs(args));
 */
export function throwIfInvalid(failures: readonly ArgumentFailure[]): void {
  if (failures.length > 0) {
    throw new InvalidArgumentError(failures);
  }
}
