import { createHash } from "node:crypto";
import fc from "fast-check";
import { fingerprint } from "../../provider/core/fingerprint";

/**
 * The canonical JSON the fingerprint is defined by, written the obvious way: object keys sorted by
 * code unit, `undefined` members dropped, `undefined` array elements written as null. fingerprint.ts
 * is the fast way to hash the same text; these tests hold it to this one.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((element) => (element === undefined ? "null" : canonicalJson(element))).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** A result-like value: jobs of a few shapes, index-like keys, nesting, undefined members, odd text. */
const GOLDEN_VALUE = {
  addressListId: "al-1",
  region: "eu-west-1",
  importJobs: [
    {
      jobId: "job-b",
      name: 'b \u00e9\u2028"quoted"',
      status: "COMPLETED",
      importDataType: "CSV",
      addressListId: "al-1",
      importedItemsCount: 10,
      failedItemsCount: 0,
      createdTimestamp: "2024-05-01T00:00:00.000Z",
      startTimestamp: "2024-05-01T00:00:01.000Z",
      completedTimestamp: "2024-05-01T00:01:00.000Z",
    },
    {
      jobId: "job-a",
      name: "a",
      status: "FAILED",
      addressListId: "al-1",
      createdTimestamp: "2024-05-01T00:00:00.000Z",
      error: "Malformed \ud83d\ude00 file",
    },
  ],
  jobIds: ["job-b", "job-a"],
  counts: { total: 2, CREATED: 0, PROCESSING: 0, COMPLETED: 1, FAILED: 1, STOPPED: 0 },
  totals: { importedItems: 10, failedItems: 0 },
  nested: { "10": 1, "9": [undefined, null, { b: undefined, a: -0.5 }], z: true },
  allCompleted: false,
  anyFailed: true,
};

describe(fingerprint.name, () => {
  it("keeps the values stored in users' stacks (golden values, computed by release 0.1.0)", () => {
    // A fingerprint is an output users trigger replacements on: a faster implementation must not move it.
    expect(fingerprint(GOLDEN_VALUE)).toBe(
      "4be017f16abb915d51ea2ae8286343ca7e085b22fcd85048cdc54d0b8c280386",
    );
    expect(fingerprint([1, "x", null, { "0": "index", k: 1 }, []])).toBe(
      "7c410db4d05937727c6fac4728ed32bddd1d944be29228251360403e3a2408b4",
    );
  });

  it("is the SHA-256 of the canonical JSON, for any JSON-like value", () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("0", "10", "9", "jobId", "name"));
    const leaf = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("record")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      record: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(value, (generated) => {
        expect(fingerprint(generated)).toBe(sha256(canonicalJson(generated)));
      }),
      { seed: 20261130, numRuns: 500 },
    );
  });

  it("hashes many same-shaped flat records (the fast path) exactly as the canonical text", () => {
    const jobs = Array.from({ length: 300 }, (_, i) => ({
      jobId: `job-${i}`,
      ...(i % 3 === 0 ? { error: `bad ${i}` } : { importedItemsCount: i }),
      name: i % 7 === 0 ? undefined : `n${i}`,
      createdTimestamp: new Date(i * 1000).toISOString(),
    }));
    expect(fingerprint({ importJobs: jobs })).toBe(sha256(canonicalJson({ importJobs: jobs })));
  });
});
