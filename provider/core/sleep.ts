// The waiter's real clock; tests pass their own `sleep` and `now` to `waitForImportJobs`.

/**
 * Resolves after `ms` milliseconds.
 *
 * @example
 * await sleep(5_000);
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The current time in milliseconds since the epoch.
 *
 * @example
 * const started = now();
 */
export function now(): number {
  return Date.now();
}
