/**
 * Runs `lookup` once per `key` within one `scope` (a Pulumi program run) and hands every caller the
 * same promise, so identical lookups in one program share one pagination pass. The in-flight promise is
 * stored (concurrent callers wait for the first pass instead of starting their own); a rejected one is
 * removed, so a failed lookup is retried by the next caller.
 *
 * The scope is an object that lives exactly as long as the run (the Pulumi resource monitor client):
 * an Automation API inline program runs again and again in one process, and a later run must see jobs
 * created since. Scopes are held weakly, so a finished run's results are garbage-collected.
 *
 * The store lives on `globalThis` under a registered symbol rather than in a module-level variable: a
 * dynamic provider serialises the functions it calls, and module state would be captured by value.
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
