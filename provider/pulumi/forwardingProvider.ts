import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider objects handed to `pulumi.dynamic.Resource`. Pulumi stores their text in every stack's
 * state and runs it for `refresh` and `destroy` with whatever release is installed then, so it holds
 * only a `require` of the public subpath and the resource kind (docs/MAINTAINING.md, "The state
 * contract"). tests/dynamic/golden/*.js pin the text byte for byte; a comment inside the functions
 * would be stored too. The specifier is written out because the closure serialiser turns a captured
 * module object into a `require` of its internal file path.
 */

/** The one module a stored provider text may require. */
export const DYNAMIC_PROVIDER_ENTRY = "pulumi-mailmanager-import-jobs/dynamic-provider";

/** A text stored by 0.1.0, which requires internal files; such a resource is updated once. */
export function isLegacyProviderText(text: unknown): boolean {
  if (typeof text !== "string") return false;
  const packageRequires = text.match(/require\("pulumi-mailmanager-import-jobs(\/[^"]*)?"\)/g) ?? [];
  return packageRequires.some((call) => call !== `require("${DYNAMIC_PROVIDER_ENTRY}")`);
}

/** The kinds of dynamic resource the entry serves. */
export type DynamicResourceKind = "AddressListImportJobs" | "ImportJobsGate" | "AddressListImport";

export type DynamicProviderMethod = "check" | "diff" | "create" | "read" | "update" | "delete";

/** A provider whose every method runs the installed package's provider of `kind`. */
export function forwardingProvider(kind: DynamicResourceKind): pulumi.dynamic.ResourceProvider {
  const call = (method: DynamicProviderMethod, args: unknown[]) =>
    require("pulumi-mailmanager-import-jobs/dynamic-provider").dispatch(kind, method, args);
  return {
    check: (olds, news) => call("check", [olds, news]),
    diff: (id, olds, news) => call("diff", [id, olds, news]),
    create: (inputs) => call("create", [inputs]),
    read: (id, props) => call("read", [id, props]),
    update: (id, olds, news) => call("update", [id, olds, news]),
    delete: (id, props) => call("delete", [id, props]),
  };
}
