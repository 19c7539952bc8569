import type * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { withProviderSettings, type ProviderSettings } from "./providerSettings";
import { revealedBag, secretOutputs } from "./wireSecrets";

/** A resource of the plugin: the provider operations the engine calls, given the provider's settings. */
export interface PluginResource {
  check(
    urn: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<provider.CheckResult>;
  diff(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<provider.DiffResult>;
  create(urn: string, inputs: Record<string, unknown>): Promise<provider.CreateResult>;
  read(id: string, props: Record<string, unknown>): Promise<provider.ReadResult>;
  update(
    id: string,
    urn: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<provider.UpdateResult>;
}

/** What a plugin resource adds to a dynamic provider: inputs the engine cannot send, outputs it must not keep. */
export interface PluginResourceOptions {
  /** Outputs that are always secret. */
  readonly secretOutputs?: readonly string[];
  /** Extra inputs for `create`/`update`, e.g. the URN that progress messages are attached to. */
  readonly operationInputs?: (urn: string) => Record<string, unknown>;
  /** Outputs of the dynamic provider that the plugin resource does not have. */
  readonly dropOutputs?: readonly string[];
  /** Store the inputs the dynamic provider's `check` settles (defaults, derived values), not the given ones. */
  readonly checkedInputs?: boolean;
}

/**
 * A plugin resource made from one of the package's dynamic providers, so that both front ends share
 * every rule (validation, diff, what is read, what is stored). The plugin only adapts the protocol:
 * provider settings fill the inputs in `check` (so they are stored and diffed like arguments),
 * secrets are revealed for the core and restored on the outputs.
 *
 * @example
 * const jobs = pluginResource(addressListImportJobsProvider, () => settings, { secretOutputs: ["preSignedUrls"] });
 */
export function pluginResource(
  dynamic: pulumi.dynamic.ResourceProvider,
  settings: () => ProviderSettings,
  options: PluginResourceOptions = {},
): PluginResource {
  const outputsOf = (outs: Record<string, unknown> | undefined, inputs: Record<string, unknown>) => {
    const kept = { ...(outs ?? {}) };
    for (const key of options.dropOutputs ?? []) {
      delete kept[key];
    }
    return secretOutputs(kept, inputs, options.secretOutputs);
  };
  const operationInputs = (urn: string, inputs: Record<string, unknown>) => ({
    ...revealedBag(inputs),
    ...options.operationInputs?.(urn),
  });
  return {
    async check(urn, olds, news) {
      const inputs = withProviderSettings(news, settings());
      const extra = options.operationInputs?.(urn) ?? {};
      const result = await dynamic.check!(revealedBag(olds), { ...revealedBag(inputs), ...extra });
      if (!options.checkedInputs || result.inputs === undefined) {
        return { inputs, failures: result.failures ?? [] };
      }
      const settled = Object.fromEntries(Object.entries(result.inputs).filter(([key]) => !(key in extra)));
      return { inputs: secretOutputs(settled, inputs), failures: result.failures ?? [] };
    },
    async diff(id, olds, news) {
      const result = await dynamic.diff!(id, revealedBag(olds), revealedBag(news));
      return {
        changes: result.changes,
        replaces: result.replaces,
        deleteBeforeReplace: result.deleteBeforeReplace,
      };
    },
    async create(urn, inputs) {
      const result = await dynamic.create(operationInputs(urn, inputs));
      return { id: result.id, outs: outputsOf(result.outs, inputs) };
    },
    async read(id, props) {
      const result = await dynamic.read!(id, revealedBag(props));
      return { id: result.id ?? id, props: outputsOf(result.props, props) };
    },
    async update(id, urn, olds, news) {
      const result = await dynamic.update!(id, revealedBag(olds), operationInputs(urn, news));
      return { outs: outputsOf(result.outs, news) };
    },
  };
}
