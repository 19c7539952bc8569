import { createHash } from "node:crypto";
import type { ImportAddressesArgs } from "./importTypes";
import { prepareImportSource } from "./prepareImportSource";

/**
 * Hex SHA-256 of the bytes an import would upload: the file, streamed (never read whole), or `content`.
 * Fails like `importAddresses` on a file that cannot be read.
 *
 * @example
 * await contentSha256({ file: "./subscribers.csv" }); // "9f86d081884c7d65…"
 */
export async function contentSha256(args: Pick<ImportAddressesArgs, "file" | "content">): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of (await prepareImportSource(args)).open()) {
    hash.update(chunk);
  }
  return hash.digest("hex");
}
