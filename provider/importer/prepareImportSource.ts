import { constants, createReadStream } from "node:fs";
import { access, stat } from "node:fs/promises";
import { InvalidArgumentError } from "../core/errors";
import { argumentFailure } from "../core/terms";
import { show } from "../core/validationKit";
import type { ImportAddressesArgs } from "./importTypes";

/** Size of the slices `content` is sent in, as a file stream reads (64 KiB): progress and abort act between them. */
const CHUNK_BYTES = 64 * 1024;

/** The file to upload: its size up front (the PUT's Content-Length) and its bytes, afresh for each attempt. */
export interface ImportSource {
  /** Size in bytes. */
  readonly size: number;
  /** The bytes from the first, in chunks; every call starts a new read (one per upload attempt). */
  open(): AsyncIterable<Uint8Array>;
  /** The path, for messages about reading it; absent for `content`. */
  readonly file?: string;
}

/** Why a path cannot be imported, from the error of `stat` or `access`. */
function unreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "there is no such file";
    case "EACCES":
    case "EPERM":
      return "it cannot be read (permission denied)";
    default:
      return `it cannot be read (${typeof code === "string" ? code : "unknown error"})`;
  }
}

/** An `InvalidArgumentError` for `file`, naming the path and why. */
function fileFailure(file: string, why: string): InvalidArgumentError {
  return new InvalidArgumentError([
    argumentFailure(
      "file",
      (t) => `Expected ${t.argument("file")} to be a readable, non-empty file, got ${show(file)}: ${why}.`,
    ),
  ]);
}

/**
 * The upload source of valid arguments: `file` is checked to be a readable, non-empty regular file
 * (an `InvalidArgumentError` naming the path otherwise), and is streamed from disk on each attempt,
 * never read whole; `content` is sent as it is (a string as UTF-8), in 64 KiB slices.
 *
 * @example
 * const source = await prepareImportSource({ file: "./addresses.csv" });
 * // → { size: 31_200_000, file: "./addresses.csv", open() }
 */
export async function prepareImportSource(
  args: Pick<ImportAddressesArgs, "file" | "content">,
): Promise<ImportSource> {
  const { file, content } = args;
  if (file !== undefined) {
    let stats: Awaited<ReturnType<typeof stat>>;
    try {
      stats = await stat(file);
      if (stats.isFile()) {
        await access(file, constants.R_OK);
      }
    } catch (error) {
      throw fileFailure(file, unreadable(error));
    }
    if (!stats.isFile()) {
      throw fileFailure(file, stats.isDirectory() ? "it is a directory" : "it is not a regular file");
    }
    if (stats.size === 0) {
      throw fileFailure(file, "it is empty");
    }
    return { size: stats.size, file, open: () => createReadStream(file) };
  }
  const bytes =
    typeof content === "string"
      ? Buffer.from(content, "utf8")
      : Buffer.from(
          (content as Uint8Array).buffer,
          (content as Uint8Array).byteOffset,
          (content as Uint8Array).byteLength,
        );
  return {
    size: bytes.length,
    async *open() {
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
        yield bytes.subarray(offset, offset + CHUNK_BYTES);
      }
    },
  };
}
