import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { someDeep } from "../pulumi/dynamicInputs";

// Secrets on the provider protocol: the plugin accepts secrets, so a secret input arrives as
// `{ [sig]: secretSig, value }`, and a value wrapped that way is stored and shown as a secret (a
// schema's `secret: true` alone does not make an invoke result secret).

/** `value` in the wire form of a secret. */
export function secret<T>(value: T): { readonly [key: string]: unknown } {
  return { [specialSigKey]: specialSecretSig, value };
}

/** True when `value` is a secret in wire form. */
export function isSecret(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[specialSigKey] === specialSecretSig
  );
}

/** True when `value` is, or holds at any depth, a secret. */
export const containsSecret = (value: unknown): boolean => someDeep(value, isSecret);

/** `value` with every secret, at any depth, replaced by what it holds: what the core computes on. */
export function revealSecrets(value: unknown): unknown {
  if (isSecret(value)) {
    return revealSecrets((value as { value: unknown }).value);
  }
  if (Array.isArray(value)) {
    return value.map(revealSecrets);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revealSecrets(item)]));
  }
  return value;
}

/** `bag` with its secrets revealed, as the record the core expects. */
export function revealedBag(bag: Record<string, unknown> | undefined): Record<string, unknown> {
  return (revealSecrets(bag ?? {}) ?? {}) as Record<string, unknown>;
}

/**
 * Outputs that keep the secrecy of the inputs: an output echoing a secret input is secret again, and
 * so is each of `alwaysSecret` that is present.
 *
 * @example
 * secretOutputs({ profile: "p", preSignedUrls: {...} }, { profile: secret("p") }, ["preSignedUrls"]);
 */
export function secretOutputs(
  outs: Record<string, unknown>,
  inputs: Record<string, unknown>,
  alwaysSecret: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outs).map(([key, value]) => [
      key,
      value !== undefined && (alwaysSecret.includes(key) || isSecret(inputs[key])) ? secret(value) : value,
    ]),
  );
}
