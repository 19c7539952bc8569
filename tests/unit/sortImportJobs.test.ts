import fc from "fast-check";
import { compareImportJobs } from "../../provider/core/compareImportJobs";
import { sortImportJobs } from "../../provider/core/sortImportJobs";
import type { ImportJob } from "../../provider/core/types";
import { at, job } from "./jobs";

/** What the comparator sort gives: the definition sortImportJobs must match element for element. */
const bySorting = (jobs: readonly ImportJob[]): ImportJob[] => [...jobs].sort(compareImportJobs);

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/**
 * Texts of toISOString's shape with every field anywhere in its range, 00 and the largest included
 * (day 31 against the next month's day 00), and now and then one field out of range (month 13, hour 24).
 */
const isoShaped = fc
  .record({
    year: fc.constantFrom(0, 1999, 2024, 9999),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 22, max: 24 }),
    minute: fc.constantFrom(0, 59, 60),
    second: fc.constantFrom(0, 59, 60),
    millisecond: fc.constantFrom(0, 999),
  })
  .map(
    (t) =>
      `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:` +
      `${pad(t.second, 2)}.${pad(t.millisecond, 3)}Z`,
  );

/** Creation times: mostly toISOString's form (a few instants, so ties are common), sometimes not. */
const createdTimestamp = fc.oneof(
  { weight: 4, arbitrary: isoShaped },
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }).map((minute) => at(minute)) },
  { weight: 3, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "2024-05-01", "2024-05-01T00:00:00Z", "+275760-09-13T00:00:00.000Z"),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 24, maxLength: 24 }) },
);

const arbitraryJob = fc
  .record({ id: fc.string({ maxLength: 3 }), createdTimestamp, tag: fc.nat(99) })
  .map(({ id, createdTimestamp, tag }) => job(id, { createdTimestamp, name: `tag-${tag}` }));

describe(sortImportJobs.name, () => {
  it("returns a new array and leaves the given one as it was", () => {
    for (const jobs of [
      [job("b", { createdTimestamp: at(1) }), job("a", { createdTimestamp: at(0) })],
      [job("b", { createdTimestamp: "not a time" }), job("a", { createdTimestamp: at(0) })],
      [job("a")],
    ]) {
      const before = [...jobs];
      const sorted = sortImportJobs(jobs);
      expect(sorted).not.toBe(jobs);
      expect(jobs).toEqual(before);
    }
  });

  it("breaks same-millisecond ties by jobId and keeps equal jobs in their input order", () => {
    const jobs = [
      job("c", { createdTimestamp: at(1) }),
      job("a", { createdTimestamp: at(1), name: "first" }),
      job("b", { createdTimestamp: at(1) }),
      job("a", { createdTimestamp: at(1), name: "second" }),
      job("z", { createdTimestamp: at(0) }),
    ];
    expect(sortImportJobs([...jobs]).map((j) => `${j.jobId}${j.name === "second" ? "2" : ""}`)).toEqual([
      "z",
      "a",
      "a2",
      "b",
      "c",
    ]);
  });

  it("puts an empty creation time first and falls back to the comparator for other forms", () => {
    const jobs = [
      job("a", { createdTimestamp: at(0) }),
      job("b", { createdTimestamp: "" }),
      job("c", { createdTimestamp: "2024" }),
    ];
    expect(sortImportJobs([...jobs]).map((j) => j.jobId)).toEqual(["b", "c", "a"]);
  });

  it("gives exactly what jobs.sort(compareImportJobs) gives, element for element (stable, any input)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryJob, { maxLength: 60 }), (jobs) => {
        const sorted = sortImportJobs([...jobs]);
        const expected = bySorting(jobs);
        expect(sorted).toHaveLength(expected.length);
        sorted.forEach((sortedJob, i) => expect(sortedJob).toBe(expected[i]));
      }),
      { seed: 20261130, numRuns: 500 },
    );
  });

  it("orders every field's boundary values like the text does (each pair of neighbouring instants)", () => {
    // Each field's smallest and largest values (years whose keys differ in every 16-bit digit of the
    // radix sort), and with `wide` its first out-of-range value too: a key that let day 31 meet the
    // next month's day 00, or hour 24 the next day's hour 00, misorders a pair.
    type Field = "month" | "day" | "hour" | "minute" | "second";
    const values = (field: Field, wide: Field | undefined): number[] => {
      const range = { month: [0, 1, 12], day: [0, 1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59] }[
        field
      ];
      const outside = { month: 13, day: 32, hour: 24, minute: 60, second: 60 }[field];
      return field === wide ? [...range, outside] : range;
    };
    const texts = (wide?: Field): string[] => {
      const all: string[] = [];
      for (const year of [0, 2024, 2025, 2200, 9999])
        for (const month of values("month", wide))
          for (const day of values("day", wide))
            for (const hour of values("hour", wide))
              for (const minute of values("minute", wide))
                for (const second of values("second", wide))
                  for (const millisecond of [0, 999])
                    all.push(
                      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:` +
                        `${pad(second, 2)}.${pad(millisecond, 3)}Z`,
                    );
      return all;
    };
    for (const wide of [undefined, "month", "day", "hour", "minute", "second"] as const) {
      const jobs = texts(wide)
        .reverse()
        .map((text, i) => job(`job-${i % 3}`, { createdTimestamp: text }));
      const expected = bySorting(jobs);
      expect({
        wide,
        same: sortImportJobs([...jobs]).every((sortedJob, i) => sortedJob === expected[i]),
      }).toEqual({
        wide,
        same: true,
      });
    }
  });

  it("matches the comparator on large lists with many ties", () => {
    const jobs = Array.from({ length: 5_000 }, (_, i) =>
      job(`job-${(i * 7919) % 5_000}`, { createdTimestamp: at((i * 31) % 97) }),
    );
    const expected = bySorting(jobs);
    const sorted = sortImportJobs([...jobs]);
    expect(sorted.every((sortedJob, i) => sortedJob === expected[i])).toBe(true);
  });
});
