/**
 * Runs `lookup` once per `key` within one `scope` and hands every caller the same promise, so identical
 * lookups share one pagination pass, concurrent ones included; a rejected pass is forgotten, so the next
 * caller retries.
 *
 * `scope` lives exactly as long as one program run (the Pulumi resource monitor client): an Automation
 * API inline program runs again and again in one process, and a later run must see jobs created since.
 * Scopes are held weakly. The store is on `globalThis` under a registered symbol: one per process,
 * even across duplicate copies of the package.
 *
 * @example
 * const jobs = await lookupOnce(pulumi.runtime.getMonitor() ?? globalThis, key, () => collectImportJobs(input));
 */
export function lookupOnce<T>(scope: object, key: string, lookup: () => Promise<T>): Promise<T> {
  const global = globalThis as Record<symbol, unknown>;
  const storeKey = Symbol.for("pulumi-mailmanager-import-jobs/lookups");
  const scopes = (global[storeKey] ??= new WeakMap<object, Map<string, Promise<unknown>>>()) as WeakMap<
    object,
    Map<string, Promise<unknown>>
  >;
  let store = scopes.get(scope);
  if (store === undefined) {
    store = new Map();
    scopes.set(scope, store);
  }
  const existing = store.get(key);
  if (existing !== undefined) {
    return existing as Promise<T>;
  }
  const pending = lookup();
  const owner = store;
  owner.set(key, pending);
  pending.catch(() => {
    if (owner.get(key) === pending) {
      owner.delete(key);
    }
  });
  return pending;
}
