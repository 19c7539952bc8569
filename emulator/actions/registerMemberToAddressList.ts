import { requireList, type Action } from "../action";
import { isValidAddress } from "../address";
import { quotaExceeded, validationError } from "../errors";
import { MAX_MEMBERS_PER_LIST } from "../store";
import { shapes } from "../validation";

export const registerMemberToAddressList: Action = {
  input: {
    AddressListId: { ...shapes.AddressListId, required: true },
    Address: { ...shapes.Address, required: true },
  },
  handle(ctx, input) {
    const list = requireList(ctx, input.AddressListId as string);
    const address = input.Address as string;
    if (!isValidAddress(address)) {
      throw validationError("The address must be an email address or a supported wildcard pattern.");
    }
    // Registering an existing member is a no-op success (the operation is idempotent).
    if (!ctx.store.addMember(list, address)) {
      throw quotaExceeded(
        `Address list ${list.addressListId} has reached the quota of ${MAX_MEMBERS_PER_LIST} addresses.`,
      );
    }
    return {};
  },
};
