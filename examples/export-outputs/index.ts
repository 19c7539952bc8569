import * as pulumi from "@pulumi/pulumi";
import { getAddressListImportJobsOutput } from "pulumi-mailmanager-import-jobs";

const config = new pulumi.Config();
const addressListId = config.require("addressListId");
// Leave unset for a real AWS account; set it to the emulator's URL to run offline.
const endpoint = config.get("endpoint");

const jobs = getAddressListImportJobsOutput({ addressListId, endpoint });

// Stable: the same jobs give byte-identical outputs, whatever the page size, the order the service
// lists them in, or how often it re-signed the upload URLs, so `pulumi up` shows no output diff.
export const importSummary = jobs.apply((r) => ({
  total: r.counts.total,
  completed: r.counts.COMPLETED,
  failedOrStopped: r.counts.FAILED + r.counts.STOPPED,
  importedItems: r.totals.importedItems,
  failedItems: r.totals.failedItems,
  latestJobId: r.latest?.jobId ?? null,
  latestCompletedAt: r.latestCompleted?.completedTimestamp ?? null,
  fingerprint: r.fingerprint,
}));

// The jobs themselves: sorted, ISO-8601 timestamps, and no pre-signed URL.
export const importJobs = jobs.importJobs;

// Opt-in: upload URLs of jobs still waiting for their file. They come back inside a secret, so the
// CLI shows "[secret]" and the state holds them encrypted.
const pending = getAddressListImportJobsOutput({
  addressListId,
  endpoint,
  statuses: ["CREATED"],
  includePreSignedUrls: true,
});
export const pendingUploadUrls = pending.apply((r) => r.preSignedUrls ?? {});
