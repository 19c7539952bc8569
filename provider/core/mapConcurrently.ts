/**
 * Maps `items` through `task` with at most `limit` tasks running at once, and returns the results in
 * the order of `items`. The first rejection rejects the whole map (tasks already running finish on
 * their own; no new one starts).
 *
 * @example
 * const jobs = await mapConcurrently(jobIds, 5, (id) => client.send(new GetAddressListImportJobCommand({ JobId: id })));
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await task(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
