import type { Action } from "../action";
import { conflict } from "../errors";
import { shapes } from "../validation";

export const deleteAddressList: Action = {
  input: { AddressListId: { ...shapes.AddressListId, required: true } },
  handle(ctx, input) {
    const addressListId = input.AddressListId as string;
    // The model lists no ResourceNotFoundException here: deleting a missing list succeeds (idempotent).
    if (!ctx.store.lists.has(addressListId)) return {};
    if (ctx.store.jobsOf(addressListId).some((job) => job.status === "PROCESSING")) {
      throw conflict(
        `Address list ${addressListId} has an import job in progress; stop it or wait for it to finish.`,
      );
    }
    ctx.store.deleteList(addressListId);
    return {};
  },
};
