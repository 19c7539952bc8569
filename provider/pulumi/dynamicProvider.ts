// The package subpath `pulumi-mailmanager-import-jobs/dynamic-provider`: the only part of the package
// that the provider text stored in users' stack state requires (see forwardingProvider.ts). It is a
// contract: keep the subpath and `dispatch` working across releases, or leave a forwarding shim.
import type * as pulumi from "@pulumi/pulumi";
import { addressListImportJobsProvider } from "./addressListImportJobsProvider";
import type { DynamicProviderMethod, DynamicResourceKind } from "./forwardingProvider";
import { importJobsGateProvider } from "./importJobsGateProvider";

/** Version of the contract between stored provider texts and this entry; raised only with a shim. */
export const DYNAMIC_PROVIDER_CONTRACT = 1;

const PROVIDERS: Readonly<Record<DynamicResourceKind, pulumi.dynamic.ResourceProvider>> = {
  AddressListImportJobs: addressListImportJobsProvider,
  ImportJobsGate: importJobsGateProvider,
};

/**
 * Runs `method` of the installed provider of `kind` with the engine's arguments. Called by the text
 * stored in state, so it accepts every kind and method any release has stored.
 */
export function dispatch(kind: string, method: string, args: unknown[]): Promise<unknown> {
  const provider = Object.prototype.hasOwnProperty.call(PROVIDERS, kind)
    ? PROVIDERS[kind as DynamicResourceKind]
    : undefined;
  if (provider === undefined) {
    return Promise.reject(
      new Error(
        `This version of pulumi-mailmanager-import-jobs has no dynamic resource "${kind}" ` +
          `(it serves ${Object.keys(PROVIDERS).join(", ")}). Install the version that deployed the stack.`,
      ),
    );
  }
  const fn = (provider as unknown as Record<string, unknown>)[method as DynamicProviderMethod];
  if (typeof fn !== "function") {
    return Promise.reject(
      new Error(`pulumi-mailmanager-import-jobs: the ${kind} provider has no method "${method}".`),
    );
  }
  return Promise.resolve(fn.apply(provider, args));
}
