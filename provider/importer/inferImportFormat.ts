import { extname } from "node:path";
import type { ImportDataType } from "../core/types";

/** The file extensions whose format is known, lower-cased. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, ImportDataType>> = { ".csv": "CSV", ".json": "JSON" };

/**
 * The import format a file's extension names (.csv or .json, in any case), or undefined for any other
 * name: the format is then the caller's to give.
 *
 * @example
 * inferImportFormat("exports/march.CSV"); // "CSV"
 */
export function inferImportFormat(file: string): ImportDataType | undefined {
  return FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
}
