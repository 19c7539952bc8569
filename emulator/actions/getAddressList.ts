import { requireList, type Action } from "../action";
import { shapes } from "../validation";
import { toWireList } from "../wire";

export const getAddressList: Action = {
  input: { AddressListId: { ...shapes.AddressListId, required: true } },
  handle(ctx, input) {
    return toWireList(requireList(ctx, input.AddressListId as string));
  },
};
