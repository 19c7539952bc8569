import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so equal values always give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * SHA-256 (hex) of the canonical JSON of `value`: object keys sorted, `undefined` members dropped.
 *
 * Equal values give equal fingerprints whatever their key order; the result builder passes only the
 * stable content (never the re-signed pre-signed URLs), so the fingerprint is usable as a trigger.
 *
 * @example
 * fingerprint({ b: 1, a: [2] }) === fingerprint({ a: [2], b: 1 }); // true
 */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
