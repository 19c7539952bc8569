/**
 * How argument failures are worded, shared by every validator (the data function's, the waiter's and
 * the resources' `check`), so that all of them name the field, the value and what is allowed alike.
 */

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
export function unknownArgument(key: string, allowed: readonly string[]): string {
  const lower = key.toLowerCase();
  const suggestion = allowed.find((name) => editDistance(name.toLowerCase(), lower) <= 2);
  return (
    `Unknown argument \`${key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}. ` +
    `Allowed arguments: ${allowed.join(", ")}.`
  );
}

/**
 * Arguments of a sibling API that one surface does not take, each with the reason shown to the user,
 * e.g. `{ cache: "... AddressListImportJobs reads the jobs afresh in every operation." }`.
 */
export type NotArguments = Readonly<Record<string, string>>;
