import type * as pulumi from "@pulumi/pulumi";

/** A field whose array elements may be `Input`s too (distributes over `| undefined` of optional fields). */
export type InputArg<V> = V extends readonly (infer E)[] ? readonly pulumi.Input<E>[] : V;

/**
 * `T` with every field, and every array element, accepting a `pulumi.Input`: the argument type of an
 * Output-form function or a resource, made from the plain argument type (one definition for all).
 */
export type Inputs<T> = { readonly [K in keyof T]: pulumi.Input<InputArg<T[K]>> };
