import { requireList, type Action } from "../action";
import { DEFAULT_PAGE_SIZE, paginate } from "../paginate";
import { shapes } from "../validation";
import { toWireJob } from "../wire";

export const listAddressListImportJobs: Action = {
  input: {
    AddressListId: { ...shapes.AddressListId, required: true },
    NextToken: shapes.PaginationToken,
    PageSize: shapes.PageSize,
  },
  handle(ctx, input) {
    const list = requireList(ctx, input.AddressListId as string);
    const jobs = ctx.store.jobsInListingOrder(list.addressListId, ctx.listOrder);
    const { page, nextToken } = paginate(
      jobs,
      {
        scope: `ListAddressListImportJobs:${list.addressListId}`,
        pageSize: (input.PageSize as number | undefined) ?? DEFAULT_PAGE_SIZE,
        nextToken: input.NextToken as string | undefined,
      },
      ctx.tokens,
      ctx.faults.settings,
    );
    // Fault `jobsAppearingPerListPage`: jobs created while a client pages through the list.
    for (let i = 0; i < (ctx.faults.settings.jobsAppearingPerListPage ?? 0); i++) {
      ctx.store.addJob(list.addressListId, `appeared-${ctx.store.jobs.size + 1}`, "CSV");
    }
    return { ImportJobs: page.map((job) => toWireJob(job, ctx.presigner)), NextToken: nextToken };
  },
};
