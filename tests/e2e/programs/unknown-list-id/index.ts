import * as pulumi from "@pulumi/pulumi";
import { AddressListImportJobs, getAddressListImportJobsOutput } from "pulumi-mailmanager-import-jobs";

const endpoint = new pulumi.Config().require("endpoint");

/** Creates an address list in the emulator; its id is known only after `create`. */
const addressListProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const { MailManagerClient, CreateAddressListCommand } = require("@aws-sdk/client-mailmanager");
    const client = new MailManagerClient({ endpoint: inputs.endpoint });
    const out = await client.send(new CreateAddressListCommand({ AddressListName: inputs.name }));
    return { id: out.AddressListId, outs: { ...inputs, addressListId: out.AddressListId } };
  },
  async diff() {
    return { changes: false };
  },
};

class AddressList extends pulumi.dynamic.Resource {
  declare readonly addressListId: pulumi.Output<string>;
  constructor(name: string, args: { name: string; endpoint: string }) {
    super(addressListProvider, name, { addressListId: undefined, ...args }, {}, "e2e", "AddressList");
  }
}

const list = new AddressList("made-here", { name: `made-here-${pulumi.getStack()}`, endpoint });
const viaFunction = getAddressListImportJobsOutput({ addressListId: list.addressListId, endpoint });
const viaResource = new AddressListImportJobs("jobs-of-new-list", {
  addressListId: list.addressListId,
  endpoint,
});

export const addressListId = list.addressListId;
export const totalViaFunction = viaFunction.counts.total;
export const totalViaResource = viaResource.counts.total;
