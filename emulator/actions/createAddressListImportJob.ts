import { idempotent, requireList, type Action } from "../action";
import type { ImportDataType } from "../types";
import { shapes } from "../validation";

interface Input {
  AddressListId: string;
  Name: string;
  ImportDataFormat: { ImportDataType: ImportDataType };
}

export const createAddressListImportJob: Action = {
  input: {
    ClientToken: shapes.IdempotencyToken,
    AddressListId: { ...shapes.AddressListId, required: true },
    Name: { ...shapes.JobName, required: true },
    ImportDataFormat: {
      type: "structure",
      required: true,
      members: { ImportDataType: { ...shapes.ImportDataType, required: true } },
    },
  },
  handle(ctx, input) {
    const { AddressListId, Name, ImportDataFormat } = input as unknown as Input;
    requireList(ctx, AddressListId);
    const JobId = idempotent(
      ctx,
      "CreateAddressListImportJob",
      input,
      () => ctx.store.addJob(AddressListId, Name, ImportDataFormat.ImportDataType).jobId,
    );
    return { JobId, PreSignedUrl: ctx.presigner.sign(JobId) };
  },
};
