// The waiter's real clock; tests pass their own `sleep` and `now` to `waitForImportJobs`.

/**
 * Resolves after `ms` milliseconds, or as soon as `signal` fires. Callers race it with the signal to
 * reject; ending it early clears the timer, which would otherwise keep a process alive for the rest of
 * a delay (up to `maxDelay`) after the wait it belonged to was cancelled.
 *
 * @example
 * await sleep(5_000, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    // Declared before `end` uses it: Pulumi's closure serialiser, which tests run over providers that
    // reach this function, cannot follow a reference to a later `const`.
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const end = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", end);
      resolve();
    };
    timer = setTimeout(end, ms);
    signal?.addEventListener("abort", end, { once: true });
  });
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
