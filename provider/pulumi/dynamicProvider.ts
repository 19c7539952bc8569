// The package subpath `pulumi-mailmanager-import-jobs/dynamic-provider`: the only part of the package
// that the provider text stored in users' stack state requires (see forwardingProvider.ts). It is a
// contract: keep the subpath and `dispatch` working across releases, or leave a forwarding shim.
import type * as pulumi from "@pulumi/pulumi";
import { addressListImportJobsProvider } from "./addressListImportJobsProvider";
import { addressListImportProvider } from "./addressListImportProvider";
import type { DynamicProviderMethod, DynamicResourceKind } from "./forwardingProvider";
import { importJobsGateProvider } from "./importJobsGateProvider";
import { PULUMI_TERMS } from "./pulumiTerms";
import { hearHostCancel } from "./cancellation";
import { restateError, restateFailures } from "../core/terms";

/** Version of the contract between stored provider texts and this entry; raised only with a shim. */
export const DYNAMIC_PROVIDER_CONTRACT = 1;

const PROVIDERS: Readonly<Record<DynamicResourceKind, pulumi.dynamic.ResourceProvider>> = {
  AddressListImportJobs: addressListImportJobsProvider,
  ImportJobsGate: importJobsGateProvider,
  AddressListImport: addressListImportProvider,
};

/**
 * Runs `method` of the installed provider of `kind` with the engine's arguments. Called by the text
 * stored in state, so it accepts every kind and method any release has stored.
 */
export function dispatch(kind: string, method: string, args: unknown[]): Promise<unknown> {
  listenForCancel();
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
  return Promise.resolve()
    .then(() => fn.apply(provider, args))
    .then(
      (result) => (method === "check" ? inPulumiTerms(result as pulumi.dynamic.CheckResult) : result),
      (error: unknown) => {
        throw restateError(error, PULUMI_TERMS);
      },
    );
}

/** A `check` result whose failures read as the function's errors do. */
function inPulumiTerms(result: pulumi.dynamic.CheckResult): pulumi.dynamic.CheckResult {
  return result.failures ? { ...result, failures: restateFailures(result.failures, PULUMI_TERMS) } : result;
}

let listening = false;

/** Hooks the host's `Cancel` once per process: the host that loaded this module is `require.main`. */
function listenForCancel(): void {
  if (listening) {
    return;
  }
  listening = true;
  try {
    hearHostCancel(require.main?.require("@grpc/grpc-js"));
  } catch {
    // No grpc-js beside the host: Ctrl-C then waits for `maxWaitTime`, as without the hook.
  }
}
