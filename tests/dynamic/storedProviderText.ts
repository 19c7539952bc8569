// The golden provider texts (golden/*.js: what releases store in state) and how to read a text's requires.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The one module a stored provider text may require. */
export const ENTRY = "pulumi-mailmanager-import-jobs/dynamic-provider";

/** The dynamic resource kinds, each with a golden text. */
export const KINDS = ["AddressListImportJobs", "ImportJobsGate", "AddressListImport"] as const;

/** The golden text of a kind, as committed. */
export function storedProviderText(kind: (typeof KINDS)[number]): string {
  return readFileSync(join(__dirname, "golden", `${kind}.js`), "utf8");
}

/** Every module specifier a provider text requires. */
export function requiredModules(text: string): string[] {
  return [...new Set([...text.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2]))];
}
