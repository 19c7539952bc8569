import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider objects handed to `pulumi.dynamic.Resource`. Pulumi serialises them into every stack's
 * state and runs that stored text for `refresh` and `destroy`, whatever version of this package is
 * installed by then. So the stored text holds nothing but a `require` of the package's one public,
 * versioned subpath `pulumi-mailmanager-import-jobs/dynamic-provider` and the name of the resource
 * kind: every call is forwarded to the installed package, and internal files can be renamed or moved
 * freely. The subpath and its `dispatch(kind, method, args)` export are a contract kept across releases
 * (docs/MAINTAINING.md, "The state contract").
 *
 * Keep this file as it is: a change to these lines changes the stored text (tests pin it byte for
 * byte). The specifier is a literal inside the function because Pulumi's closure serialiser turns a
 * captured module object into a `require` of that module's internal file path; a `require` call it
 * leaves alone. Comments inside the functions would be stored too: keep them out.
 */

/** The one module a stored provider text may require (written out literally in the forwarder below). */
export const DYNAMIC_PROVIDER_ENTRY = "pulumi-mailmanager-import-jobs/dynamic-provider";

/**
 * A stored provider text from before the entry existed (0.1.0): it requires the package's internal
 * files, which a later release may move. Such a resource is updated once, so that state stores the
 * forwarder instead.
 */
export function isLegacyProviderText(text: unknown): boolean {
  if (typeof text !== "string") return false;
  const packageRequires = text.match(/require\("pulumi-mailmanager-import-jobs(\/[^"]*)?"\)/g) ?? [];
  return packageRequires.some((call) => call !== `require("${DYNAMIC_PROVIDER_ENTRY}")`);
}

/** The kinds of dynamic resource the entry serves (the `kind` each forwarding provider carries). */
export type DynamicResourceKind = "AddressListImportJobs" | "ImportJobsGate";

/** The provider methods forwarded to the installed package. */
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
