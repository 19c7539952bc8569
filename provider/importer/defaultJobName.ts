import { basename, extname } from "node:path";

/** The name of a job whose file has no usable name (`content`, or a name of symbols only). */
export const FALLBACK_JOB_NAME = "import";

/** Longest job name the API takes (the model's `JobName`: 1–255 of `[a-zA-Z0-9_.-]`). */
const MAX_JOB_NAME_LENGTH = 255;

/**
 * A valid job name for a file: its name without the extension, every run of other characters than
 * letters, digits, `_`, `.` and `-` made one `-`, trimmed of `-` and cut to 255; "import" without a
 * file or when nothing is left.
 *
 * @example
 * defaultJobName("/data/März 2025 (final).csv"); // "M-rz-2025-final"
 */
export function defaultJobName(file?: string): string {
  if (file === undefined) {
    return FALLBACK_JOB_NAME;
  }
  const stem = basename(file, extname(file))
    .replace(/[^a-zA-Z0-9_.-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_JOB_NAME_LENGTH);
  return stem === "" ? FALLBACK_JOB_NAME : stem;
}
