import type * as pulumi from "@pulumi/pulumi";
import { diffByInputs, knownInputFailures, pickInputs, plainJson } from "./dynamicInputs";
import { fetchAddressListImportJobs } from "../core/fetchAddressListImportJobs";
import type {
  GetAddressListImportJobsArgs,
  GetAddressListImportJobsResult,
} from "./getAddressListImportJobs";
import { ARGUMENT_NAMES, validateArgs } from "../core/validateArgs";

/**
 * The dynamic provider behind `AddressListImportJobs`: one module-level object (the SDK caches its
 * serialisation per object), plain functions only, an SDK client built inside each lookup. It runs in
 * the provider host with the inputs the program resolved (region, profile, endpoint included).
 */

/** The resource's inputs: the data function's arguments but `cache` (each operation reads afresh). */
export type AddressListImportJobsInputs = Omit<GetAddressListImportJobsArgs, "cache">;

/** Every input, in argument order: the data function's arguments but `cache`. */
const INPUT_KEYS: readonly string[] = ARGUMENT_NAMES.filter((key) => key !== "cache");

/** Inputs whose change makes it another list: replaced, so that the id stays "region/list". */
const REPLACE_KEYS = ["addressListId", "region"];

/** The lookup for a bag of inputs (or of outputs, which echo them), never from the lookup cache. */
function lookupArgs(bag: Record<string, unknown>): GetAddressListImportJobsArgs {
  return { ...(pickInputs(bag, INPUT_KEYS) as unknown as AddressListImportJobsInputs), cache: false };
}

/** The outputs: the echoed inputs, then the result (whose `region` is the one resolved). */
function outputsOf(
  bag: Record<string, unknown>,
  result: GetAddressListImportJobsResult,
): Record<string, unknown> {
  return plainJson({ ...pickInputs(bag, INPUT_KEYS), ...result });
}

/** Stable for a given region and list. */
/** The data function's argument this resource does not take. */
const NOT_RESOURCE_ARGUMENTS = {
  cache: "`cache` is not an argument of AddressListImportJobs: it reads the jobs afresh in every operation.",
};

function idOf(result: GetAddressListImportJobsResult): string {
  return `${result.region}/${result.addressListId}`;
}

/**
 * The provider object. `diff` always answers with an explicit `changes`: left undefined, the engine
 * would diff the inputs itself, serialised provider code included, and report `~__provider` updates
 * whenever the package changes (pulumi/pulumi#12401).
 */
export const addressListImportJobsProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const failures = knownInputFailures(news, (known) => validateArgs(known, NOT_RESOURCE_ARGUMENTS));
    return { inputs: news, failures };
  },

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const byInputs = diffByInputs(olds, news, INPUT_KEYS, REPLACE_KEYS);
    if (byInputs !== undefined) {
      return byInputs;
    }
    // Same inputs: a change only when the jobs did. The fingerprint covers the region and every job
    // field, never the pre-signed URLs, which are re-signed on every call.
    const result = await fetchAddressListImportJobs(lookupArgs(news));
    return { changes: result.fingerprint !== olds.fingerprint };
  },

  async create(inputs: Record<string, unknown>) {
    const result = await fetchAddressListImportJobs(lookupArgs(inputs));
    return { id: idOf(result), outs: outputsOf(inputs, result) };
  },

  async read(id: string, props: Record<string, unknown> = {}) {
    // Without state (an import), the id says which list: "region/list".
    const [region, addressListId] = id.split("/");
    const bag = props.addressListId === undefined ? { region, addressListId, ...props } : props;
    const result = await fetchAddressListImportJobs(lookupArgs(bag));
    return { id, props: outputsOf(bag, result) };
  },

  async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    const result = await fetchAddressListImportJobs(lookupArgs(news));
    return { outs: outputsOf(news, result) };
  },

  async delete() {
    // Reading creates nothing, so there is nothing to delete.
  },
};
