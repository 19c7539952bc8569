import type * as provider from "@pulumi/pulumi/provider";
import { addressListImportJobsProvider } from "../pulumi/addressListImportJobsProvider";
import { addressListImportProvider } from "../pulumi/addressListImportProvider";
import { revealedBag } from "./wireSecrets";
import { cancelOperations } from "../pulumi/cancellation";
import { importJobsGateProvider, PROGRESS_URN_INPUT } from "../pulumi/importJobsGateProvider";
import { invokeGetAddressListImportJobs } from "./invokeGetAddressListImportJobs";
import { pluginResource, type PluginResource } from "./pluginResource";
import type { ProviderSettings } from "./providerSettings";
import { resourceType } from "./resourceType";
import {
  ADDRESS_LIST_IMPORT_TOKEN,
  ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  IMPORT_JOBS_GATE_TOKEN,
} from "./tokens";
import { SECRET_RESULT_KEYS } from "../core/lookupTypes";
import { type ArgumentFailure } from "../core/errors";
import { restateError, restateFailures } from "../core/terms";
import { PLUGIN_TERMS } from "./pluginTerms";

/** The plugin's provider and the hook through which the engine's `Configure` reaches it. */
export interface PluginProvider extends provider.Provider {
  /** Takes the settings of this provider instance (see serveProvider). */
  configure(settings: ProviderSettings): void;
}

/**
 * The plugin as a `@pulumi/pulumi/provider` Provider: the schema, the `getAddressListImportJobs`
 * invoke, and the two resources, each a thin adapter over the core the TypeScript front end uses.
 *
 * @example
 * const plugin = createPluginProvider("0.1.0", JSON.stringify(schema));
 */
export function createPluginProvider(version: string, schema: string): PluginProvider {
  let settings: ProviderSettings = {};
  const current = () => settings;
  const resources: Record<string, PluginResource> = {
    [ADDRESS_LIST_IMPORT_JOBS_TOKEN]: pluginResource(addressListImportJobsProvider, current, {
      secretOutputs: SECRET_RESULT_KEYS,
    }),
    [IMPORT_JOBS_GATE_TOKEN]: pluginResource(importJobsGateProvider, current, {
      // The engine tells `create` its URN, so progress lands on the gate's row without an input.
      operationInputs: (urn) => ({ [PROGRESS_URN_INPUT]: urn }),
      dropOutputs: [PROGRESS_URN_INPUT],
    }),
    [ADDRESS_LIST_IMPORT_TOKEN]: pluginResource(addressListImportProvider, current, {
      // The URN also names the job (the resource name) and keys its client token.
      operationInputs: (urn) => ({ [PROGRESS_URN_INPUT]: urn }),
      dropOutputs: [PROGRESS_URN_INPUT],
      checkedInputs: true,
    }),
  };
  const resourceOf = (urn: string): PluginResource => {
    const resource = resources[resourceType(urn)];
    if (!resource) {
      throw new Error(
        `Unknown resource type ${resourceType(urn)}: this plugin serves ${Object.keys(resources).join(" and ")}.`,
      );
    }
    return resource;
  };
  return {
    version,
    schema,
    configure(next) {
      settings = next;
    },
    // The engine's Cancel (the first Ctrl-C): every wait and upload in flight fails at once.
    async cancel() {
      cancelOperations();
    },
    invoke: inPluginTerms(async (token, inputs) => {
      if (token !== GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN) {
        throw new Error(
          `Unknown function ${token}: this plugin serves ${GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN}.`,
        );
      }
      return invokeGetAddressListImportJobs(inputs, settings);
    }),
    check: inPluginTerms(async (urn, olds, news) => resourceOf(urn).check(urn, olds, news)),
    diff: inPluginTerms(async (id, urn, olds, news) => resourceOf(urn).diff(id, olds, news)),
    create: inPluginTerms(async (urn, inputs) => resourceOf(urn).create(urn, inputs)),
    read: inPluginTerms(async (id, urn, props) => resourceOf(urn).read(id, props ?? {})),
    update: inPluginTerms(async (id, urn, olds, news) => resourceOf(urn).update(id, urn, olds, news)),
    delete: inPluginTerms(async (id, urn, props) => {
      // Reading jobs and waiting leave nothing to delete; an import stops a job that is still running.
      if (resourceType(urn) === ADDRESS_LIST_IMPORT_TOKEN) {
        await addressListImportProvider.delete!(id, revealedBag(props));
      }
    }),
  };
}

/** `operation` with its errors and failures worded for the plugin's users ({@link PLUGIN_TERMS}). */
function inPluginTerms<A extends unknown[], R>(
  operation: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      const result = await operation(...args);
      const failures = (result as { failures?: ArgumentFailure[] } | undefined)?.failures;
      return failures ? { ...result, failures: restateFailures(failures, PLUGIN_TERMS) } : result;
    } catch (error) {
      throw restateError(error, PLUGIN_TERMS);
    }
  };
}
