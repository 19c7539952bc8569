import { compareImportJobs } from "./compareImportJobs";
import type { ImportJob } from "./types";

type Orderable = Pick<ImportJob, "createdTimestamp" | "jobId">;

/**
 * A number that orders like the text, for a timestamp as `Date#toISOString` writes it for the years
 * 0000–9999 (`YYYY-MM-DDTHH:mm:ss.sssZ`); -1 for "" (which sorts first); undefined for anything else.
 *
 * Each field becomes a digit of a mixed-radix number whose radix exceeds the field's largest value, so
 * two such texts compare as their numbers do; the largest is below 2^49, exact in a double.
 */
function timestampKey(text: string): number | undefined {
  if (text.length !== 24) return text === "" ? -1 : undefined;
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 || // .
    text.charCodeAt(23) !== 90 // Z
  ) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millisecond = digits(text, 20, 3);
  // NaN (a non-digit) fails every comparison, so it lands here too.
  if (!(
    year >= 0 &&
    month <= 12 &&
    day <= 31 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    millisecond >= 0
  )) {
    return undefined;
  }
  return (((((year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/** The decimal number written by `length` digits of `text` from `start`; NaN if one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Bits of a key each counting pass sorts by: 4 passes cover the 49 bits of a key. */
const DIGIT_BITS = 16;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const TWO_TO_32 = 2 ** 32;

/**
 * The indices of `keys` (non-negative integers below 2^53) in ascending key order, equal keys in index
 * order: a least-significant-digit radix sort, 16 bits a pass, over the key's low and high 32-bit
 * words. Stable, and without a callback or a binary search per element (each costs more than the whole
 * pass for 100 000 keys). A pass whose digit is the same for every key is skipped.
 */
function sortedIndices(keys: Float64Array): Uint32Array {
  const count = keys.length;
  let order = new Uint32Array(count);
  let spare = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const low = new Uint32Array(count);
  const high = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    low[i] = keys[i] % TWO_TO_32;
    high[i] = Math.floor(keys[i] / TWO_TO_32);
  }
  const buckets = new Uint32Array(DIGIT_MASK + 1);
  for (const [words, shift] of [
    [low, 0],
    [low, DIGIT_BITS],
    [high, 0],
    [high, DIGIT_BITS],
  ] as const) {
    buckets.fill(0);
    for (let i = 0; i < count; i++) buckets[(words[i] >>> shift) & DIGIT_MASK] += 1;
    if (buckets[(words[0] >>> shift) & DIGIT_MASK] === count) continue;
    let position = 0;
    for (let digit = 0; digit <= DIGIT_MASK; digit++) {
      const size = buckets[digit];
      buckets[digit] = position;
      position += size;
    }
    for (let i = 0; i < count; i++) {
      const index = order[i];
      const digit = (words[index] >>> shift) & DIGIT_MASK;
      spare[buckets[digit]] = index;
      buckets[digit] += 1;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/**
 * `jobs` in the package's order, as a new array: exactly what `[...jobs].sort(compareImportJobs)` gives
 * (both are stable), without its 1.7 million comparator calls for 100 000 jobs. Creation times become
 * numbers for a radix sort; only jobs of the same millisecond are compared by id. A creation time not in
 * `Date#toISOString`'s form falls back to the comparator sort.
 *
 * @example
 * const oldestFirst = sortImportJobs(jobs); // same-instant jobs by jobId
 */
export function sortImportJobs<T extends Orderable>(jobs: readonly T[]): T[] {
  const count = jobs.length;
  if (count < 2) return jobs.slice();
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const key = timestampKey(jobs[i].createdTimestamp);
    if (key === undefined) return jobs.slice().sort(compareImportJobs);
    keys[i] = key + 1; // "" (-1) becomes 0: the radix sort takes non-negative keys
  }
  const order = sortedIndices(keys);
  const ordered = Array.from(order, (index) => jobs[index]);
  // Equal keys mean equal creation times (the key is one-to-one), so only the ids are left to compare.
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && keys[order[end]] === keys[order[start]]) end += 1;
    if (end - start === 2) {
      const [first, second] = [ordered[start], ordered[start + 1]];
      if (first.jobId > second.jobId) {
        ordered[start] = second;
        ordered[start + 1] = first;
      }
    } else if (end - start > 2) {
      const tied = ordered.slice(start, end).sort(compareImportJobs);
      for (let i = 0; i < tied.length; i++) ordered[start + i] = tied[i];
    }
    start = end;
  }
  return ordered;
}
