import type * as provider from "@pulumi/pulumi/provider";
import { addressListImportJobsProvider } from "../pulumi/addressListImportJobsProvider";
import { importJobsGateProvider, PROGRESS_URN_INPUT } from "../pulumi/importJobsGateProvider";
import { invokeGetAddressListImportJobs } from "./invokeGetAddressListImportJobs";
import { pluginResource, type PluginResource } from "./pluginResource";
import type { ProviderSettings } from "./providerSettings";
import { resourceType } from "./resourceType";
import {
  ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  IMPORT_JOBS_GATE_TOKEN,
} from "./tokens";
import { SECRET_RESULT_KEYS } from "../core/lookupTypes";

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
    async invoke(token, inputs) {
      if (token !== GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN) {
        throw new Error(
          `Unknown function ${token}: this plugin serves ${GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN}.`,
        );
      }
      return invokeGetAddressListImportJobs(inputs, settings);
    },
    check: async (urn, olds, news) => resourceOf(urn).check(olds, news),
    diff: async (id, urn, olds, news) => resourceOf(urn).diff(id, olds, news),
    create: async (urn, inputs) => resourceOf(urn).create(urn, inputs),
    read: async (id, urn, props) => resourceOf(urn).read(id, props ?? {}),
    update: async (id, urn, olds, news) => resourceOf(urn).update(id, urn, olds, news),
    async delete() {
      // Neither resource creates anything in AWS: reading jobs and waiting leave nothing to delete.
    },
  };
}
