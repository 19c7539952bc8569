import type { ListOrder } from "./types";

/** What every stored item has for listing: a creation sequence and a seeded sort key. */
export interface Orderable {
  readonly seq: number;
  readonly orderKey: string;
}

/**
 * The order List* operations return items in. The real order is undocumented, so the default is
 * deliberately *not* creation order (a seeded hash of the id): clients must sort for themselves.
 */
export function sortForListing<T extends Orderable>(items: Iterable<T>, order: ListOrder): T[] {
  const sorted = [...items];
  if (order === "shuffled")
    sorted.sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  else sorted.sort((a, b) => (order === "creation" ? a.seq - b.seq : b.seq - a.seq));
  return sorted;
}
