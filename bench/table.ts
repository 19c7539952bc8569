/** A column: its header and whether numbers are right-aligned. */
export interface Column {
  readonly header: string;
  readonly align?: "left" | "right";
}

/**
 * Renders rows as a plain-text table with a header rule, the format the terminal and the README share
 * (it is also valid Markdown when `markdown` is set).
 *
 * @example
 * renderTable([{ header: "N" }, { header: "calls", align: "right" }], [["10", "1"]]);
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], markdown = false): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const cell = (text: string, i: number) =>
    columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]);
  const line = (cells: readonly string[]) =>
    markdown ? `| ${cells.map(cell).join(" | ")} |` : cells.map(cell).join("  ").trimEnd();
  const rule = markdown
    ? `| ${widths.map((w, i) => (columns[i].align === "right" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`
    : widths.map((w) => "-".repeat(w)).join("  ");
  return [
    line(columns.map((c) => c.header)),
    rule,
    ...rows.map((row) => line(columns.map((_, i) => row[i] ?? ""))),
  ].join("\n");
}
