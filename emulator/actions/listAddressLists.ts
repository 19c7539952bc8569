import type { Action } from "../action";
import { sortForListing } from "../order";
import { DEFAULT_PAGE_SIZE, paginate } from "../paginate";
import { shapes } from "../validation";
import { toWireList } from "../wire";

export const listAddressLists: Action = {
  input: { NextToken: shapes.PaginationToken, PageSize: shapes.PageSize },
  handle(ctx, input) {
    const lists = sortForListing(ctx.store.lists.values(), ctx.listOrder);
    const { page, nextToken } = paginate(
      lists,
      {
        scope: "ListAddressLists",
        pageSize: (input.PageSize as number | undefined) ?? DEFAULT_PAGE_SIZE,
        nextToken: input.NextToken as string | undefined,
      },
      ctx.tokens,
      ctx.faults.settings,
    );
    return { AddressLists: page.map(toWireList), NextToken: nextToken };
  },
};
