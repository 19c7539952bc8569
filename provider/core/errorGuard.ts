/**
 * The one way the package recognises its errors (core/errors.ts, importer/importErrors.ts). A guard for
 * errors named `name`: true for an error object of that name, or whose message carries the
 * `[name]` tag because only the message crossed a process boundary (then fields other than `name` and
 * `message` may be missing). A string is not an error: test `message.includes("[Name]")` for that.
 */
export function errorGuard<T>(...names: readonly string[]): (error: unknown) => error is T {
  return (error): error is T => {
    if (typeof error !== "object" || error === null) {
      return false;
    }
    const { name, message } = error as { name?: unknown; message?: unknown };
    return names.some((n) => name === n || (typeof message === "string" && message.includes(`[${n}]`)));
  };
}
