import type { Presigner } from "./presign";
import type { AddressListRecord, JobRecord, MemberRecord } from "./store";

/** awsJson1_0 timestamps: epoch seconds in a JSON number, with fractions (never ISO strings). */
export const seconds = (ms: number): number => ms / 1000;

/** An `ImportJob` as the API returns it; the pre-signed URL is signed anew on every call. */
export function toWireJob(job: JobRecord, presigner: Presigner): Record<string, unknown> {
  return {
    JobId: job.jobId,
    Name: job.name,
    Status: job.status,
    PreSignedUrl: presigner.sign(job.jobId),
    ImportedItemsCount: job.importedItemsCount,
    FailedItemsCount: job.failedItemsCount,
    ImportDataFormat: { ImportDataType: job.importDataType },
    AddressListId: job.addressListId,
    CreatedTimestamp: seconds(job.createdMs),
    StartTimestamp: job.startMs === undefined ? undefined : seconds(job.startMs),
    CompletedTimestamp: job.completedMs === undefined ? undefined : seconds(job.completedMs),
    Error: job.error,
  };
}

export function toWireList(list: AddressListRecord): Record<string, unknown> {
  return {
    AddressListId: list.addressListId,
    AddressListArn: list.arn,
    AddressListName: list.name,
    CreatedTimestamp: seconds(list.createdMs),
    LastUpdatedTimestamp: seconds(list.updatedMs),
  };
}

export function toWireMember(member: MemberRecord): Record<string, unknown> {
  return { Address: member.address, CreatedTimestamp: seconds(member.createdMs) };
}
