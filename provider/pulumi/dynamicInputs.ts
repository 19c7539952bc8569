import { fingerprint } from "../core/fingerprint";
import type { ArgumentFailure } from "../core/errors";
import { isLegacyProviderText } from "./forwardingProvider";

/**
 * What both dynamic providers do with the property bags the engine hands them: find unknown values,
 * pick the declared inputs, compare old and new inputs, and make outputs plain JSON.
 */

/**
 * The value the engine sends for a property that is unknown during preview (@pulumi/pulumi
 * `runtime/rpc` `unknownValue`). `check` and `diff` must tolerate it; `create`/`update` never see it.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * True when `test` holds for `value` or for anything it holds, at any depth (array elements and
 * object members): the one walk behind "contains an unknown", "a secret" and "an Output".
 */
export function someDeep(value: unknown, test: (item: unknown) => boolean): boolean {
  if (test(value)) {
    return true;
  }
  return (
    value !== null && typeof value === "object" && Object.values(value).some((item) => someDeep(item, test))
  );
}

/** True when `value` is, or contains at any depth, the unknown sentinel. */
export const containsUnknown = (value: unknown): boolean => someDeep(value, (item) => item === UNKNOWN);

/**
 * The declared inputs present in `bag` (a provider's inputs, or its outputs, which echo them), in the
 * order of `keys`, with absent and `undefined` values left out.
 */
export function pickInputs(bag: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    if (bag[key] !== undefined) {
      picked[key] = bag[key];
    }
  }
  return picked;
}

/**
 * Splits inputs for `check`: the known values (validated) and the keys whose value is unknown in
 * preview (not validated: a failure on them would be about the sentinel, not the user's value).
 */
export function knownInputs(news: Record<string, unknown>): {
  known: Record<string, unknown>;
  unknownKeys: string[];
} {
  const known: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  for (const [key, value] of Object.entries(news)) {
    if (key === "__provider" || value === undefined) {
      continue;
    }
    if (containsUnknown(value)) {
      unknownKeys.push(key);
    } else {
      known[key] = value;
    }
  }
  return { known, unknownKeys };
}

/**
 * The inputs among `keys` whose new value differs from the old (`olds` being the previous outputs,
 * which echo the inputs). Values are compared by content, whatever their key order. `region` is only
 * compared when the program gives one: the outputs hold the region the provider resolved, and when the
 * program gives none the resolved region is compared through the result instead.
 */
export function changedInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  keys: readonly string[],
): string[] {
  return keys.filter(
    (key) =>
      !(key === "region" && news[key] === undefined) && fingerprint(olds[key]) !== fingerprint(news[key]),
  );
}

/**
 * The part of a provider's `diff` that the inputs alone decide: a change when an input is unknown
 * (in preview, another resource's output: it may change) or differs, with `replaces` for the inputs
 * that name another resource, or when state stores a legacy provider text. `undefined` when the inputs
 * are the same and the service must decide.
 */
export function diffByInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  keys: readonly string[],
  replaceKeys: readonly string[],
): { changes: true; replaces?: string[] } | undefined {
  if (containsUnknown(pickInputs(news, keys))) {
    return { changes: true };
  }
  const changed = changedInputs(olds, news, keys);
  if (changed.length === 0) {
    // Same inputs, but state holds provider code that requires internal files: update once to store
    // the forwarder (the engine runs `diff` with the new code, `refresh`/`destroy` with the stored one).
    return isLegacyProviderText(olds.__provider) ? { changes: true } : undefined;
  }
  const replaces = changed.filter((key) => replaceKeys.includes(key));
  return { changes: true, ...(replaces.length > 0 ? { replaces } : {}) };
}

/**
 * `value` as plain JSON: `undefined` members removed at every depth (the engine's Struct conversion
 * rejects them with "Unexpected struct type."), arrays and objects copied.
 */
export function plainJson<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map(plainJson) as T;
  }
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) {
        copy[key] = plainJson(item);
      }
    }
    return copy as T;
  }
  return value;
}

/**
 * A provider's `check` failures: `validate` sees the known inputs; a failure of an input that is still
 * unknown (in preview, another resource's output) is dropped, since its value is not known yet.
 */
export function knownInputFailures(
  news: Record<string, unknown>,
  validate: (known: Record<string, unknown>) => ArgumentFailure[],
): ArgumentFailure[] {
  const { known, unknownKeys } = knownInputs(news);
  return validate(known).filter((failure) => !unknownKeys.includes(failure.property));
}
