import { isValidAddress } from "./address";
import { conflict } from "./errors";
import { parseImportFile } from "./importFile";
import type { JobRecord, Store } from "./store";

/**
 * The import-job state machine. Which transitions are legal is not documented; this follows the
 * model's documentation of the operations and their ConflictException: Start needs a CREATED job with an
 * uploaded file, Stop works on CREATED or PROCESSING, anything else is a ConflictException.
 *
 * Start on a CREATED job that has no uploaded file is refused with a ConflictException (the job stays
 * CREATED and can still be uploaded to and started), not started and then FAILED: what the service does
 * here is not documented, and refusing keeps the mistake visible at the call that made it.
 */
export function startJob(store: Store, job: JobRecord): void {
  if (job.status !== "CREATED") {
    throw conflict(`Import job ${job.jobId} is ${job.status}; only a CREATED job can be started.`);
  }
  if (job.file === undefined) {
    throw conflict(
      `Import job ${job.jobId} has no file: upload the ${job.importDataType} file to the job's pre-signed URL before starting it.`,
    );
  }
  job.status = "PROCESSING";
  job.startMs = store.clock.now();
  job.timer = store.clock.setTimeout(() => finishJob(store, job), store.processingMs);
}

export function stopJob(store: Store, job: JobRecord): void {
  if (job.status !== "CREATED" && job.status !== "PROCESSING") {
    throw conflict(
      `Import job ${job.jobId} is ${job.status}; only a CREATED or PROCESSING job can be stopped.`,
    );
  }
  cancelTimer(store, job);
  job.status = "STOPPED";
  job.completedMs = store.clock.now();
}

export function cancelTimer(store: Store, job: JobRecord): void {
  if (job.timer !== undefined) store.clock.clearTimeout(job.timer);
  job.timer = undefined;
}

/** Processes the uploaded file: valid addresses become members, the rest count as failed. */
function finishJob(store: Store, job: JobRecord): void {
  job.timer = undefined;
  const list = store.lists.get(job.addressListId);
  if (job.status !== "PROCESSING" || !list) return;
  job.completedMs = store.clock.now();
  const parsed = parseImportFile(job.importDataType, job.file ?? Buffer.alloc(0));
  if (!parsed.ok) {
    job.status = "FAILED";
    job.error = parsed.error;
    job.importedItemsCount = 0;
    job.failedItemsCount = 0;
    return;
  }
  let imported = 0;
  let failed = parsed.malformedItems;
  for (const address of parsed.addresses) {
    if (isValidAddress(address) && store.addMember(list, address)) imported++;
    else failed++;
  }
  job.status = "COMPLETED";
  job.importedItemsCount = imported;
  job.failedItemsCount = failed;
}

/** A seeded PROCESSING job ends like a real one, but with its seeded outcome instead of a file. */
export function scheduleSeededFinish(store: Store, job: JobRecord): void {
  job.timer = store.clock.setTimeout(() => {
    job.timer = undefined;
    if (job.status !== "PROCESSING") return;
    job.status = job.error === undefined ? "COMPLETED" : "FAILED";
    job.completedMs = store.clock.now();
    job.importedItemsCount ??= 0;
    job.failedItemsCount ??= 0;
  }, store.processingMs);
}
