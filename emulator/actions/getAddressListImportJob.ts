import { requireJob, type Action } from "../action";
import { shapes } from "../validation";
import { toWireJob } from "../wire";

export const getAddressListImportJob: Action = {
  input: { JobId: { ...shapes.JobId, required: true } },
  handle(ctx, input) {
    return toWireJob(requireJob(ctx, input.JobId as string), ctx.presigner);
  },
};
