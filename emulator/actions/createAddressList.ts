import { idempotent, type Action } from "../action";
import { conflict, quotaExceeded } from "../errors";
import { MAX_ADDRESS_LISTS } from "../store";
import { shapes } from "../validation";

interface Input {
  AddressListName: string;
  Tags?: Array<{ Key: string; Value: string }>;
}

export const createAddressList: Action = {
  input: {
    ClientToken: shapes.IdempotencyToken,
    AddressListName: { ...shapes.AddressListName, required: true },
    Tags: shapes.TagList,
  },
  handle(ctx, input) {
    const { AddressListName, Tags = [] } = input as unknown as Input;
    const AddressListId = idempotent(ctx, "CreateAddressList", input, () => {
      if (ctx.store.findListByName(AddressListName)) {
        throw conflict(`An address list named ${AddressListName} already exists.`);
      }
      if (ctx.store.lists.size >= MAX_ADDRESS_LISTS) {
        throw quotaExceeded(`You have reached the quota of ${MAX_ADDRESS_LISTS} address lists per Region.`);
      }
      const tags = Tags.map(({ Key, Value }) => ({ Key, Value }));
      return ctx.store.addList(AddressListName, tags).addressListId;
    });
    return { AddressListId };
  },
};
