import { requireList, type Action } from "../action";
import { notFound } from "../errors";
import { shapes } from "../validation";
import { toWireMember } from "../wire";

export const getMemberOfAddressList: Action = {
  input: {
    AddressListId: { ...shapes.AddressListId, required: true },
    Address: { ...shapes.Address, required: true },
  },
  handle(ctx, input) {
    const list = requireList(ctx, input.AddressListId as string);
    const member = list.members.get((input.Address as string).toLowerCase());
    // The address is sensitive: the message does not repeat it.
    if (!member) throw notFound(`The address is not a member of address list ${list.addressListId}.`);
    return toWireMember(member);
  },
};
