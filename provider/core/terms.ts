/**
 * How a front end names what its user sets. The core words its messages through these, so that a
 * Pulumi program reads `aws:region`, the plugin's user `mailmanager-import-jobs:region` and the
 * command line `--region`, each from one definition in that front end.
 */
export interface Terms {
  /** An argument as the user writes it, e.g. "`pageSize`" or "--page-size". */
  argument(name: string): string;
  /** Every way this front end takes a region, e.g. "`region` (or AWS_REGION)". */
  readonly region: string;
  /** Every way this front end takes a credentials profile, e.g. "`profile` (or AWS_PROFILE)". */
  readonly profile: string;
}

/** The core's own terms: the arguments of the functions, and the SDK's environment. */
export const ARGUMENT_TERMS: Terms = {
  argument: (name) => `\`${name}\``,
  region: "`region` (or AWS_REGION)",
  profile: "`profile` (or AWS_PROFILE)",
};

/** Words that depend on the front end: rendered once per front end by {@link Terms}. */
export type Describe = (terms: Terms) => string;

/**
 * The non-enumerable property in which an error or a failure keeps its words that depend on the front
 * end. A string, not a symbol: the same key in every copy of the package, and tests closure-serialise
 * the providers that use it (the serialiser cannot capture a symbol value).
 */
export const DESCRIBE = "__mailmanagerImportJobsDescribe";

/** An argument failure's shape (`ArgumentFailure` in errors.ts). */
interface Failure {
  readonly property: string;
  readonly reason: string;
}

/**
 * A failure whose reason can be reworded by {@link describeFailure}; plain data otherwise (the reworder
 * is not enumerable, so failures still serialise as `{ property, reason }`).
 *
 * @example
 * argumentFailure("pageSize", (t) => `Expected ${t.argument("pageSize")} to be at most 50, got 51.`);
 */
export function argumentFailure(property: string, describe: Describe): Failure {
  const failure = { property, reason: describe(ARGUMENT_TERMS) };
  Object.defineProperty(failure, DESCRIBE, { value: describe, enumerable: false });
  return failure;
}

/**
 * A failure's reason in a front end's terms; a failure not made by {@link argumentFailure} keeps its
 * `reason`.
 *
 * @example
 * failures.map((failure) => describeFailure(failure, CLI_TERMS)).join(" ");
 */
export function describeFailure(failure: Failure, terms: Terms): string {
  const describe = (failure as { [DESCRIBE]?: unknown })[DESCRIBE];
  return typeof describe === "function" ? (describe as Describe)(terms) : failure.reason;
}

/**
 * Failures as a resource's `check` or an invoke returns them: plain data, each reason in `terms` and
 * tagged like the function's error (`[InvalidArgumentError] …`), so every front end names the error alike.
 *
 * @example
 * return { inputs, failures: restateFailures(failures, PLUGIN_TERMS) };
 */
export function restateFailures(failures: readonly Failure[], terms: Terms): Failure[] {
  const tag = "[InvalidArgumentError] ";
  return failures.map((failure) => {
    const reason = describeFailure(failure, terms);
    return { property: failure.property, reason: reason.startsWith(tag) ? reason : tag + reason };
  });
}

/**
 * `error` with its message reworded in a front end's terms (`--region` instead of `` `region` ``), for
 * the package's errors; any other value is returned as it is. Changes the error in place.
 *
 * @example
 * catch (error) { throw restateError(error, CLI_TERMS); }
 */
export function restateError<T>(error: T, terms: Terms): T {
  const describe = (error as { [DESCRIBE]?: unknown } | null | undefined)?.[DESCRIBE];
  if (typeof describe === "function") {
    const named = error as unknown as Error;
    named.message = `[${named.name}] ${(describe as Describe)(terms)}`;
  }
  return error;
}
