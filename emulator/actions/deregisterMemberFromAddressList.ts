import { requireList, type Action } from "../action";
import { notFound } from "../errors";
import { shapes } from "../validation";

export const deregisterMemberFromAddressList: Action = {
  input: {
    AddressListId: { ...shapes.AddressListId, required: true },
    Address: { ...shapes.Address, required: true },
  },
  handle(ctx, input) {
    const list = requireList(ctx, input.AddressListId as string);
    if (!ctx.store.removeMember(list, input.Address as string)) {
      throw notFound(`The address is not a member of address list ${list.addressListId}.`);
    }
    return {};
  },
};
