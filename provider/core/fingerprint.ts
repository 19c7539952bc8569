import { createHash, type Hash } from "node:crypto";

/** Text handed to the hash at a time: large enough to be cheap, small enough to never hold a whole result. */
const CHUNK_CHARS = 64 * 1024;

/** Key lists remembered per fingerprint: a job has one of a few shapes; arbitrary values stay cheap. */
const MAX_SHAPES = 16;

/**
 * Writes the canonical JSON of `value` into `hash` in chunks. No class: the dynamic-provider tests
 * closure-serialise the inner providers, and the serialiser drops class field initialisers.
 */
function hashCanonicalJson(value: unknown, hash: Hash): void {
  let buffer = "";
  // The key lists seen so far (a job has one of a handful of shapes) and their sorted forms: compared
  // key by key, a known shape costs a few pointer comparisons instead of a sort and a regex per key.
  const shapes: Shape[] = [];
  const shapeOf = (present: readonly string[]): Shape => {
    for (const shape of shapes) {
      if (shape.keys.length === present.length && shape.keys.every((key, i) => key === present[i])) {
        return shape;
      }
    }
    const shape = {
      keys: present,
      sorted: [...present].sort(),
      indexFree: !present.some((key) => /^\d+$/.test(key)),
    };
    if (shapes.length < MAX_SHAPES) shapes.push(shape);
    return shape;
  };
  const append = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      hash.update(buffer);
      buffer = "";
    }
  };
  const write = (item: unknown): void => {
    if (Array.isArray(item)) {
      append("[");
      item.forEach((element, i) => {
        if (i > 0) append(",");
        write(element === undefined ? null : element);
      });
      append("]");
    } else if (item !== null && typeof item === "object") {
      const record = item as Record<string, unknown>;
      const shape = shapeOf(Object.keys(record));
      if (shape.indexFree) {
        const flat = sortedFlatCopy(record, shape.sorted);
        if (flat !== undefined) {
          // One native stringify of a key-sorted copy gives the same text, much faster (a job is flat).
          append(JSON.stringify(flat));
          return;
        }
      }
      append("{");
      let first = true;
      for (const key of shape.sorted) {
        if (record[key] === undefined) continue;
        append(`${first ? "" : ","}${JSON.stringify(key)}:`);
        write(record[key]);
        first = false;
      }
      append("}");
    } else {
      append(JSON.stringify(item) ?? "null");
    }
  };
  write(value);
  hash.update(buffer);
}

/** A record's own keys in insertion order, sorted, and whether none is an array index. */
interface Shape {
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  readonly indexFree: boolean;
}

/**
 * `record`'s defined members in `sortedKeys` order when all are primitives (so `JSON.stringify` of the
 * copy is the canonical text), else undefined. No key may be an array index: JavaScript puts those
 * first whatever the insertion order.
 */
function sortedFlatCopy(
  record: Record<string, unknown>,
  sortedKeys: readonly string[],
): Record<string, unknown> | undefined {
  const copy: Record<string, unknown> = {};
  for (const key of sortedKeys) {
    const member = record[key];
    if (member === undefined) continue;
    if ((member !== null && typeof member === "object") || typeof member === "function") return undefined;
    copy[key] = member;
  }
  return copy;
}

/**
 * SHA-256 (hex) of the canonical JSON of `value`: object keys sorted, `undefined` members dropped.
 *
 * Equal values give equal fingerprints whatever their key order; the result builder passes only the
 * stable content (never the re-signed pre-signed URLs), so the fingerprint is usable as a trigger. The
 * text is streamed into the hash, so 100 000 jobs never become one giant string (bench/ scenario 5).
 *
 * @example
 * fingerprint({ b: 1, a: [2] }) === fingerprint({ a: [2], b: 1 }); // true
 */
export function fingerprint(value: unknown): string {
  const hash = createHash("sha256");
  hashCanonicalJson(value, hash);
  return hash.digest("hex");
}
