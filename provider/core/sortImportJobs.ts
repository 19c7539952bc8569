import { compareImportJobs } from "./compareImportJobs";
import type { ImportJob } from "./types";

/** What the order looks at: the creation time, then the id. */
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

/** The first index of `sorted` whose value is not below `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Sorts `jobs` in place into the package's order ({@link compareImportJobs}) and returns them: exactly
 * what `jobs.sort(compareImportJobs)` gives, element for element (both are stable), in a fraction of
 * the time for a large list.
 *
 * A comparator sort calls back into JavaScript about n·log₂n times (1.7 million calls for 100 000
 * jobs). Here each creation time becomes a number that orders like its text, the numbers are sorted
 * natively, every job goes to the first free place of its time, and only jobs created in the same
 * millisecond are compared by id. A creation time in any other form than `Date#toISOString`'s (which
 * `normalizeImportJob` always writes) falls back to the comparator sort.
 *
 * @example
 * sortImportJobs(jobs); // oldest first; same-instant jobs by jobId
 */
export function sortImportJobs<T extends Orderable>(jobs: T[]): T[] {
  const count = jobs.length;
  if (count < 2) return jobs;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const key = timestampKey(jobs[i].createdTimestamp);
    if (key === undefined) return jobs.sort(compareImportJobs);
    keys[i] = key;
  }
  const sortedKeys = keys.slice().sort();
  // Jobs of one time keep their input order here, as a stable sort keeps equal elements.
  const placed = new Uint32Array(count);
  const ordered = new Array<T>(count);
  for (let i = 0; i < count; i++) {
    const first = lowerBound(sortedKeys, keys[i]);
    ordered[first + placed[first]] = jobs[i];
    placed[first] += 1;
  }
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && sortedKeys[end] === sortedKeys[start]) end += 1;
    if (end - start === 2) {
      if (compareImportJobs(ordered[start], ordered[start + 1]) > 0) {
        const first = ordered[start];
        ordered[start] = ordered[start + 1];
        ordered[start + 1] = first;
      }
    } else if (end - start > 2) {
      const tied = ordered.slice(start, end).sort(compareImportJobs);
      for (let i = 0; i < tied.length; i++) ordered[start + i] = tied[i];
    }
    start = end;
  }
  for (let i = 0; i < count; i++) jobs[i] = ordered[i];
  return jobs;
}
