/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- an interface of the same name adds the output properties to the class */
import * as pulumi from "@pulumi/pulumi";
import {
  CONTENT_SHA256_INPUT,
  IMPORT_OUTPUT_KEYS,
  type AddressListImportInputs,
  type AddressListImportSummary,
} from "./addressListImportProvider";
import { forwardingProvider } from "./forwardingProvider";
import { PROGRESS_URN_INPUT } from "./importJobsGateProvider";
import { outputPlaceholders, type Inputs, type Outputs } from "./inputs";
import { resolveClientDefaults, withoutAwsProvider } from "./resolveClientDefaults";

/**
 * Arguments of {@link AddressListImport}: the list and client settings, the file (`file`, `content` or
 * `source`, exactly one), the job's `format` and `name`, and the wait's policy, each an `Input`.
 */
export type AddressListImportArgs = Inputs<Omit<AddressListImportInputs, "content">> & {
  /** The file's text; kept in state only as a secret. Give this, `file` or `source`. */
  readonly content?: pulumi.Input<string>;
  /** The file as a Pulumi asset: a `FileAsset` (read from its path) or a `StringAsset` (its text, kept secret). */
  readonly source?: pulumi.Input<pulumi.asset.FileAsset | pulumi.asset.StringAsset>;
};

/** What Pulumi stores as this resource's provider: a forwarder to the installed package. */
const provider = forwardingProvider("AddressListImport");

/** The resource's type token. */
export const ADDRESS_LIST_IMPORT_TYPE = "pulumi-nodejs:dynamic/mailmanager:AddressListImport";

// Declaration merging: the outputs are the summary's fields, created from the placeholders below.
export interface AddressListImport extends Outputs<AddressListImportSummary> {}

/** The `file` (a `FileAsset`'s path) or `content` (a `StringAsset`'s text) of a `source` asset. */
async function fromAsset(asset: unknown): Promise<{ file?: string; content?: string }> {
  const { path, text } = asset as { path?: Promise<string>; text?: Promise<string> };
  if (path !== undefined) {
    return { file: await path };
  }
  if (text !== undefined) {
    return { content: await text };
  }
  throw new Error("Expected `source` of AddressListImport to be a pulumi.asset.FileAsset or StringAsset.");
}

/**
 * Imports a CSV or JSON file of addresses into an SES Mail Manager address list: `up` creates an import
 * job, uploads the file to it, starts it and waits until it finished within the policy (`pulumi up`
 * fails with the job's error otherwise). State keeps the content's SHA-256, never an address. A change
 * of content, `format` or `name` replaces the resource: exactly one new job. Without a change, nothing
 * happens, however often `up` runs; a create retried after a crash or a cancelled `up` finds its job
 * again (the job's client token comes from the resource and the content). `destroy` leaves the imported
 * addresses in the list (an import cannot be undone); it only stops a job that is still running.
 *
 * @example
 * const members = new AddressListImport("members", { addressListId: list.addressListId, file: "members.csv", maxFailedItems: 0 });
 * new aws.sesv2.ContactList("newsletter", { contactListName: "newsletter" }, { dependsOn: [members] });
 */
export class AddressListImport extends pulumi.dynamic.Resource {
  constructor(name: string, args: AddressListImportArgs, opts?: pulumi.CustomResourceOptions) {
    const { source, file, content, ...settings } = args;
    const fromSource = source === undefined ? undefined : pulumi.output(source).apply(fromAsset);
    const text = fromSource === undefined ? content : fromSource.apply((resolved) => resolved.content);
    super(
      provider,
      name,
      {
        ...outputPlaceholders([...IMPORT_OUTPUT_KEYS, CONTENT_SHA256_INPUT]),
        ...settings,
        file: fromSource === undefined ? file : fromSource.apply((resolved) => resolved.file),
        // A secret: state then holds the text only encrypted.
        content: text === undefined ? undefined : pulumi.secret(text),
        ...resolveClientDefaults(args, opts),
        // A provider's `create` is not told its URN: progress and the job's client token need it.
        [PROGRESS_URN_INPUT]: pulumi.createUrn(name, ADDRESS_LIST_IMPORT_TYPE, opts?.parent),
      },
      withoutAwsProvider(opts),
      "mailmanager",
      "AddressListImport",
    );
  }
}
