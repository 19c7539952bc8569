import type * as provider from "@pulumi/pulumi/provider";
import { plainJson } from "../pulumi/dynamicInputs";
import { lookupImportJobs } from "../core/fetchAddressListImportJobs";
import type { GetAddressListImportJobsArgs } from "../pulumi/getAddressListImportJobs";
import { validateArgs } from "../core/validateArgs";
import { withProviderSettings, type ProviderSettings } from "./providerSettings";
import { containsSecret, revealedBag, secretOutputs } from "./wireSecrets";
import { SECRET_RESULT_KEYS } from "../core/lookupTypes";

/**
 * The `getAddressListImportJobs` invoke: the TypeScript function's arguments and result, computed by
 * the same core. Arguments are validated first (failures name the field, the value and what is
 * allowed, and cost no request); settings not given come from the provider; `preSignedUrls`, when
 * asked for, comes back as a secret, and so does the whole result when an argument was secret (as the
 * TypeScript Output form does). Identical lookups in one deployment (one plugin process) share a
 * pagination pass unless `cache: false`, as in one TypeScript program run.
 *
 * @example
 * await invokeGetAddressListImportJobs({ addressListId: "al-1" }, { region: "eu-west-1" });
 */
export async function invokeGetAddressListImportJobs(
  inputs: Record<string, unknown>,
  settings: ProviderSettings,
): Promise<provider.InvokeResult> {
  const args = withProviderSettings(revealedBag(inputs), settings);
  const failures = validateArgs(args);
  if (failures.length > 0) {
    return { failures };
  }
  const result = await lookupImportJobs(args as unknown as GetAddressListImportJobsArgs); // validated above
  const outputs = plainJson({ ...result }) as Record<string, unknown>;
  return {
    outputs: secretOutputs(outputs, {}, containsSecret(inputs) ? Object.keys(outputs) : SECRET_RESULT_KEYS),
  };
}
