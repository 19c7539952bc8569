import type { GetAddressListImportJobsResult, ImportJob } from "../client";
import { STATUS_COLOUR, type TerminalStyle } from "./terminalStyle";

/** Longest job name shown in a table cell; longer names end in "…" (JSON and CSV keep them whole). */
const MAX_NAME_WIDTH = 40;

/** "2024-05-01 12:00:00" (UTC) from an ISO-8601 timestamp; "" when absent. */
function shortTime(iso: string | undefined): string {
  return iso === undefined || iso === "" ? "" : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The columns of the table: header, cell text, right-aligned or not. */
const COLUMNS: readonly { header: string; cell: (job: ImportJob) => string; right?: boolean }[] = [
  { header: "JOB ID", cell: (job) => job.jobId },
  { header: "NAME", cell: (job) => cut(job.name, MAX_NAME_WIDTH) },
  { header: "STATUS", cell: (job) => job.status },
  { header: "TYPE", cell: (job) => job.importDataType ?? "" },
  { header: "IMPORTED", cell: (job) => String(job.importedItemsCount ?? ""), right: true },
  { header: "FAILED", cell: (job) => String(job.failedItemsCount ?? ""), right: true },
  { header: "CREATED (UTC)", cell: (job) => shortTime(job.createdTimestamp) },
  { header: "FINISHED (UTC)", cell: (job) => shortTime(job.completedTimestamp) },
];

/**
 * The result as an aligned table for people, one job per row, then a summary line (counts per status,
 * item totals). Colours are added after padding, so escape codes never shift a column.
 *
 * @example
 * process.stdout.write(formatTable(result, terminalStyle(process.stdout)));
 */
export function formatTable(result: GetAddressListImportJobsResult, style: TerminalStyle): string {
  const rows = result.importJobs.map((job) => COLUMNS.map((column) => column.cell(job)));
  const widths = COLUMNS.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => row[i].length)),
  );
  const pad = (text: string, i: number): string =>
    COLUMNS[i].right ? text.padStart(widths[i]) : text.padEnd(widths[i]);
  const statusColumn = COLUMNS.findIndex((column) => column.header === "STATUS");
  const lines = [
    COLUMNS.map((column, i) => style.paint("bold", pad(column.header, i)))
      .join("  ")
      .trimEnd(),
  ];
  result.importJobs.forEach((job, r) => {
    const cells = rows[r].map((text, i) =>
      i === statusColumn ? style.paint(STATUS_COLOUR[job.status] ?? "bold", pad(text, i)) : pad(text, i),
    );
    lines.push(cells.join("  ").trimEnd());
  });
  const { counts, totals } = result;
  const byStatus = (["COMPLETED", "PROCESSING", "CREATED", "FAILED", "STOPPED"] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => style.paint(STATUS_COLOUR[status], `${counts[status]} ${status}`));
  lines.push(
    "",
    `${counts.total} import job${counts.total === 1 ? "" : "s"} of address list ${result.addressListId} ` +
      `(${result.region})${byStatus.length > 0 ? `: ${byStatus.join(", ")}` : ""}; ` +
      `items imported ${totals.importedItems}, failed ${totals.failedItems}`,
  );
  return `${lines.join("\n")}\n`;
}
