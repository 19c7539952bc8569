import { requireJob, type Action } from "../action";
import { stopJob } from "../lifecycle";
import { shapes } from "../validation";

export const stopAddressListImportJob: Action = {
  input: { JobId: { ...shapes.JobId, required: true } },
  handle(ctx, input) {
    stopJob(ctx.store, requireJob(ctx, input.JobId as string));
    return {};
  },
};
