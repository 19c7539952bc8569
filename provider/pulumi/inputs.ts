import type * as pulumi from "@pulumi/pulumi";

/** A field whose array elements may be `Input`s too (distributes over `| undefined` of optional fields). */
export type InputArg<V> = V extends readonly (infer E)[] ? readonly pulumi.Input<E>[] : V;

/**
 * `T` with every field, and every array element, accepting a `pulumi.Input`: the argument type of an
 * Output-form function or a resource, made from the plain argument type (one definition for all).
 */
export type Inputs<T> = { readonly [K in keyof T]: pulumi.Input<InputArg<T[K]>> };

/**
 * `T` with every field a `pulumi.Output`: the output properties of a resource, made from the plain
 * result type (so the resources declare no field by hand).
 */
export type Outputs<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/**
 * An input bag in which every key of `keys` is present (as undefined): the SDK creates an output
 * property only for the keys a resource registers with (pulumi/pulumi#5174).
 */
export function outputPlaceholders(keys: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(keys.map((key) => [key, undefined]));
}
