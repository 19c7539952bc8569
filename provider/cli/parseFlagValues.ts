import { InvalidArgumentError } from "commander";
import ms from "ms";

// Only the kind of each value is checked here (commander prints the flag, the value and the reason);
// ranges and the rules between flags are the library validators', so each rule has one definition.

/**
 * A whole number, e.g. for --limit or --page-size.
 *
 * @example
 * parseInteger("50"); // 50
 */
export function parseInteger(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value)) {
    throw new InvalidArgumentError("Expected a whole number, such as 10.");
  }
  return value;
}

/**
 * A duration in seconds: a bare number is seconds (as the library's `maxWaitTime`), or a number with
 * a unit as `ms` reads it (`90s`, `15m`, `1h`, `500ms`).
 *
 * @example
 * parseDuration("15m"); // 900
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const seconds = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : ms(trimmed as ms.StringValue) / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError("Expected a duration such as 900 (seconds), 90s, 15m or 1h.");
  }
  return seconds;
}

/**
 * A repeatable, comma-separated list of allowed words (`--status FAILED,STOPPED --status CREATED`),
 * upper-cased so that `failed` works too.
 *
 * @example
 * const parse = parseWordList(["CREATED", "FAILED"]); parse("failed", undefined); // ["FAILED"]
 */
export function parseWordList<T extends string>(
  allowed: readonly T[],
): (text: string, previous: T[] | undefined) => T[] {
  return (text, previous) => {
    const words = text.split(",").map((word) => word.trim().toUpperCase());
    const bad = words.find((word) => !(allowed as readonly string[]).includes(word));
    if (bad !== undefined) {
      throw new InvalidArgumentError(`Allowed: ${allowed.join(", ")} (comma-separated or repeated).`);
    }
    return [...(previous ?? []), ...(words as T[])];
  };
}

/**
 * One of `allowed` (upper-case words), in any case: `--format csv` as well as `--format CSV`.
 *
 * @example
 * parseChoice(["CSV", "JSON"])("csv"); // "CSV"
 */
export function parseChoice<T extends string>(allowed: readonly T[]): (text: string) => T {
  return (text) => {
    const word = text.trim().toUpperCase();
    if (!(allowed as readonly string[]).includes(word)) {
      throw new InvalidArgumentError(
        `Allowed: ${allowed.map((a) => a.toLowerCase()).join(", ")} (any case).`,
      );
    }
    return word as T;
  };
}
