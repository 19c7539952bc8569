import * as pulumi from "@pulumi/pulumi";
import { AddressListImportJobs, getAddressListImportJobsOutput } from "pulumi-mailmanager-import-jobs";

const config = new pulumi.Config();
const addressListId = config.require("addressListId");
// Leave unset for a real AWS account; set it to the emulator's URL to run offline.
const endpoint = config.get("endpoint");

// Data function: read at every preview and update, every page, sorted by creation time.
// Here: the newest completed CSV import, to feed other resources.
const completedCsv = getAddressListImportJobsOutput({
  addressListId,
  endpoint,
  statuses: ["COMPLETED"],
  importDataType: "CSV",
  sortOrder: "descending",
  limit: 1,
});

// Resource: the same data kept in stack state, so `pulumi preview` shows an update exactly when
// the list's import jobs changed (a new job, a status change), and nothing otherwise.
const jobs = new AddressListImportJobs("newsletter-imports", { addressListId, endpoint });

export const latestCompletedCsvJobId = completedCsv.apply((r) => r.latest?.jobId ?? "none");
export const jobIds = jobs.jobIds;
export const jobCounts = jobs.counts;
export const importedItems = jobs.totals.importedItems;
export const allCompleted = jobs.allCompleted;
