import type { GetAddressListImportJobsResult } from "../client";
import { JOB_KEYS } from "../core/normalizeImportJob";

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function field(value: string | number | undefined): string {
  const text = value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The jobs as CSV (RFC 4180, CRLF line ends, a header row), for spreadsheets. Absent values are empty
 * fields. Four lines of quoting are not worth a dependency on the bin's start-up path.
 *
 * @example
 * process.stdout.write(formatCsv(result));
 */
export function formatCsv(result: GetAddressListImportJobsResult): string {
  const lines = [JOB_KEYS.join(",")];
  for (const job of result.importJobs) {
    lines.push(JOB_KEYS.map((name) => field(job[name])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
