/** Median of the finite values, NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return NaN;
  }
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Smallest and largest finite value, as "min–max" text. */
export function range(values: readonly number[], digits = 0): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) {
    return "–";
  }
  return `${fixed(Math.min(...finite), digits)}–${fixed(Math.max(...finite), digits)}`;
}

/** A number with `digits` decimals and thin grouping (12 345), or "–" for NaN/undefined. */
export function fixed(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) {
    return "–";
  }
  const [whole, fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** A ratio as "1.03×". */
export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");

/** Milliseconds as "412 ms" or "41.2 s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return "–";
  }
  return ms >= 10_000 ? `${fixed(ms / 1000, 1)} s` : `${fixed(ms, ms < 100 ? 1 : 0)} ms`;
}

/** `items` rotated left by `by`, so that repetitions alternate which contender goes first. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const k = ((by % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Minimum ListAddressListImportJobs calls for `n` jobs: ceil(n / 50), and an empty list still takes one. */
export const floorCalls = (n: number, pageSize = 50): number => Math.max(1, Math.ceil(n / pageSize));
