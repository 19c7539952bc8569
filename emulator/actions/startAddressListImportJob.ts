import { requireJob, type Action } from "../action";
import { startJob } from "../lifecycle";
import { shapes } from "../validation";

export const startAddressListImportJob: Action = {
  input: { JobId: { ...shapes.JobId, required: true } },
  handle(ctx, input) {
    startJob(ctx.store, requireJob(ctx, input.JobId as string));
    return {};
  },
};
