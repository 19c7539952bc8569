import { requireList, type Action } from "../action";
import { sortForListing } from "../order";
import { DEFAULT_PAGE_SIZE, paginate } from "../paginate";
import { shapes } from "../validation";
import { toWireMember } from "../wire";

export const listMembersOfAddressList: Action = {
  input: {
    AddressListId: { ...shapes.AddressListId, required: true },
    Filter: { type: "structure", members: { AddressPrefix: shapes.AddressPrefix } },
    NextToken: shapes.PaginationToken,
    PageSize: shapes.AddressPageSize,
  },
  handle(ctx, input) {
    const list = requireList(ctx, input.AddressListId as string);
    const prefix = (
      (input.Filter as { AddressPrefix?: string } | undefined)?.AddressPrefix ?? ""
    ).toLowerCase();
    const members = [...list.members.entries()].filter(([key]) => key.startsWith(prefix)).map(([, m]) => m);
    const { page, nextToken } = paginate(
      sortForListing(members, ctx.listOrder),
      {
        scope: `ListMembersOfAddressList:${list.addressListId}:${prefix}`,
        pageSize: (input.PageSize as number | undefined) ?? DEFAULT_PAGE_SIZE,
        nextToken: input.NextToken as string | undefined,
      },
      ctx.tokens,
      ctx.faults.settings,
    );
    return { Addresses: page.map(toWireMember), NextToken: nextToken };
  },
};
