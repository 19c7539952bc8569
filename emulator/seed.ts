import { isValidAddress } from "./address";
import { ServiceError } from "./errors";
import { cancelTimer, scheduleSeededFinish } from "./lifecycle";
import type { JobRecord, Store } from "./store";
import type { ImportJobStatus, SeedData, SeedJob } from "./types";
import { shapes, validate, type Members } from "./validation";

const STATUSES: readonly ImportJobStatus[] = ["CREATED", "PROCESSING", "COMPLETED", "FAILED", "STOPPED"];

const seedListTable: Members = {
  AddressListId: shapes.AddressListId,
  AddressListName: { ...shapes.AddressListName, required: true },
};
const seedJobTable: Members = {
  JobId: shapes.JobId,
  Name: { ...shapes.JobName, required: true },
  ImportDataType: shapes.ImportDataType,
  Status: { type: "string", enum: STATUSES },
};

/** Seed data is checked with the API's own rules, so it cannot hold what the API could not create. */
function check(table: Members, input: Record<string, unknown>, what: string): void {
  try {
    validate(table, input);
  } catch (e) {
    throw new Error(`Invalid seed data for ${what}: ${(e as ServiceError).message}`, { cause: e });
  }
}

/** Adds address lists, members and jobs straight into the store. */
export function seedData(store: Store, data: SeedData): { addressListIds: string[]; jobIds: string[][] } {
  if (!data || !Array.isArray(data.addressLists)) {
    throw new Error("Invalid seed data: expected an object with an `addressLists` array.");
  }
  const addressListIds: string[] = [];
  const jobIds: string[][] = [];
  for (const seedList of data.addressLists) {
    check(
      seedListTable,
      { AddressListId: seedList.addressListId, AddressListName: seedList.name },
      "an address list",
    );
    if (seedList.addressListId !== undefined && store.lists.has(seedList.addressListId)) {
      throw new Error(`Invalid seed data: address list ${seedList.addressListId} already exists.`);
    }
    const list = store.addList(seedList.name, [], seedList.addressListId);
    for (const address of seedList.members ?? []) {
      if (!isValidAddress(address))
        throw new Error(`Invalid seed data: member '${address}' is not a valid address.`);
      store.addMember(list, address);
    }
    addressListIds.push(list.addressListId);
    jobIds.push((seedList.jobs ?? []).map((seedJob) => seedOneJob(store, list.addressListId, seedJob).jobId));
  }
  return { addressListIds, jobIds };
}

function seedOneJob(store: Store, addressListId: string, seedJob: SeedJob): JobRecord {
  check(
    seedJobTable,
    {
      JobId: seedJob.jobId,
      Name: seedJob.name,
      ImportDataType: seedJob.importDataType,
      Status: seedJob.status,
    },
    `job ${seedJob.name}`,
  );
  if (seedJob.jobId !== undefined && store.jobs.has(seedJob.jobId)) {
    throw new Error(`Invalid seed data: import job ${seedJob.jobId} already exists.`);
  }
  const job = store.addJob(addressListId, seedJob.name, seedJob.importDataType ?? "CSV", seedJob.jobId);
  const status = seedJob.status ?? "CREATED";
  applyPatch(job, { ...seedJob, status });
  // Fill in what the service would have recorded on the way to this status.
  if (status !== "CREATED") job.startMs ??= job.createdMs;
  if (status === "COMPLETED" || status === "FAILED" || status === "STOPPED") job.completedMs ??= job.startMs;
  if (status === "COMPLETED" || status === "FAILED") {
    job.importedItemsCount ??= 0;
    job.failedItemsCount ??= 0;
  }
  if (status === "FAILED") job.error ??= "The import file could not be processed.";
  if (status === "PROCESSING") scheduleSeededFinish(store, job);
  return job;
}

/** Copies the given fields; a key given as `undefined` clears an optional field. */
function applyPatch(job: JobRecord, patch: Partial<SeedJob>): void {
  if (patch.name !== undefined) job.name = patch.name;
  if (patch.status !== undefined) job.status = patch.status;
  if (patch.importDataType !== undefined) job.importDataType = patch.importDataType;
  if (patch.createdTimestamp !== undefined) job.createdMs = patch.createdTimestamp;
  if ("startTimestamp" in patch) job.startMs = patch.startTimestamp;
  if ("completedTimestamp" in patch) job.completedMs = patch.completedTimestamp;
  if ("importedItemsCount" in patch) job.importedItemsCount = patch.importedItemsCount;
  if ("failedItemsCount" in patch) job.failedItemsCount = patch.failedItemsCount;
  if ("error" in patch) job.error = patch.error;
}

/**
 * Test hook: mutates a job in place. A patch that sets `status` cancels the job's pending
 * processing timer, so the test, not the timer, decides what happens next.
 */
export function updateJob(store: Store, jobId: string, patch: Partial<SeedJob>): void {
  const job = store.jobs.get(jobId);
  if (!job) throw new Error(`updateJob: no import job ${jobId}.`);
  if (patch.jobId !== undefined && patch.jobId !== jobId)
    throw new Error("updateJob: `jobId` cannot be changed.");
  check(
    seedJobTable,
    { Name: patch.name ?? job.name, ImportDataType: patch.importDataType, Status: patch.status },
    `job ${jobId}`,
  );
  if (patch.status !== undefined) cancelTimer(store, job);
  applyPatch(job, patch);
}
