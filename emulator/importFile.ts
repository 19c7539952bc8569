import type { ImportDataType } from "./types";

/** What an uploaded file holds: candidate addresses and malformed entries, or why it is unreadable. */
export type ParsedImportFile =
  | { readonly ok: true; readonly addresses: string[]; readonly malformedItems: number }
  | { readonly ok: false; readonly error: string };

/**
 * Reads an import file in the documented formats (SES Developer Guide, "Address Lists"):
 * CSV with a required `address` header line, or JSON `{"items":[{"address":"..."}]}`.
 * An unreadable file makes the job FAILED; an unreadable item only counts as failed.
 */
export function parseImportFile(type: ImportDataType, data: Buffer): ParsedImportFile {
  const text = data.toString("utf8").replace(/^\uFEFF/, "");
  return type === "CSV" ? parseCsv(text) : parseJson(text);
}

function parseCsv(text: string): ParsedImportFile {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines.length > 0 ? splitCsvLine(lines[0]).map((h) => h.trim().toLowerCase()) : [];
  const column = header.indexOf("address");
  if (column < 0) {
    return {
      ok: false,
      error: "The CSV file must start with a header line containing the column 'address'.",
    };
  }
  const addresses: string[] = [];
  let malformedItems = 0;
  for (const line of lines.slice(1)) {
    const value = splitCsvLine(line)[column]?.trim();
    if (value) addresses.push(value);
    else malformedItems++;
  }
  return { ok: true, addresses, malformedItems };
}

/** Splits one CSV line, honouring double-quoted fields with `""` escapes (RFC 4180). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function parseJson(text: string): ParsedImportFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // The parser's message quotes the file, and addresses are sensitive: keep it out of `Error`.
    return { ok: false, error: "The JSON file could not be parsed." };
  }
  const items = (doc as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) {
    return { ok: false, error: "The JSON file must be an object with an 'items' array." };
  }
  const addresses: string[] = [];
  let malformedItems = 0;
  for (const item of items) {
    const address = (item as { address?: unknown } | null)?.address;
    if (typeof address === "string" && address.trim() !== "") addresses.push(address.trim());
    else malformedItems++;
  }
  return { ok: true, addresses, malformedItems };
}
