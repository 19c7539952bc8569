import { revealSecrets } from "./wireSecrets";

/**
 * The provider's configuration, for every call and resource of one provider instance. The engine
 * starts one plugin process per instance and sends it in `Configure`, so one object per process holds it.
 */
export interface ProviderSettings {
  /** AWS region. @default the arguments', else the environment's, else the profile's */
  readonly region?: string;
  /** Shared-config profile. @default the arguments', else the SDK's default chain */
  readonly profile?: string;
  /** Endpoint URL. @default the arguments', else the SDK's */
  readonly endpoint?: string;
}

/** In schema order. */
export const PROVIDER_SETTING_KEYS = ["region", "profile", "endpoint"] as const;

/**
 * The settings from a `Configure` request's arguments (secrets revealed). Values are kept as given:
 * a bad one is reported, naming the field and the value, by the check of the first call that uses it.
 *
 * @example
 * settingsFromConfig({ region: "eu-west-1", version: "0.1.0" }); // { region: "eu-west-1" }
 */
export function settingsFromConfig(args: Record<string, unknown>): ProviderSettings {
  const revealed = revealSecrets(args) as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const key of PROVIDER_SETTING_KEYS) {
    // Config values arrive as strings; an empty one means "not set", as for the TypeScript function.
    if (revealed[key] !== undefined && revealed[key] !== null && revealed[key] !== "") {
      settings[key] = revealed[key];
    }
  }
  return settings as ProviderSettings;
}

/**
 * `args` with each setting it does not give taken from the provider: arguments win over the provider,
 * the provider over the environment (the same order as the TypeScript function's `aws:*` config).
 *
 * @example
 * withProviderSettings({ addressListId: "al-1" }, { region: "eu-west-1" }); // { addressListId: "al-1", region: "eu-west-1" }
 */
export function withProviderSettings<T extends Record<string, unknown>>(
  args: T,
  settings: ProviderSettings,
): T {
  const merged: Record<string, unknown> = { ...args };
  for (const key of PROVIDER_SETTING_KEYS) {
    if (merged[key] === undefined && settings[key] !== undefined) {
      merged[key] = settings[key];
    }
  }
  return merged as T;
}
