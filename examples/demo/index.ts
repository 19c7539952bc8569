// The demo stack (`npm run demo`, Pulumi.yaml at the repo root): all three uses in one program.
import * as pulumi from "@pulumi/pulumi";
import {
  AddressListImportJobs,
  getAddressListImportJobsOutput,
  ImportJobsGate,
} from "pulumi-mailmanager-import-jobs";

const config = new pulumi.Config();
const addressListId = config.require("addressListId");
const endpoint = config.get("endpoint");
const gateJobId = config.require("gateJobId");

// 1. Gate: hold everything that `dependsOn` it until tonight's import has completed.
const gate = new ImportJobsGate("nightly-import-done", {
  addressListId,
  endpoint,
  jobIds: [gateJobId],
  maxFailedItems: 10,
  maxWaitTime: 120,
  minDelay: 1,
  maxDelay: 3,
});

// 2. Reference jobs: kept in state, so `preview` shows an update exactly when the jobs changed.
// Taken after the gate, so the snapshot holds the finished import.
const jobs = new AddressListImportJobs(
  "newsletter-imports",
  { addressListId, endpoint },
  { dependsOn: [gate] },
);

// 3. Export stable outputs (never an upload URL).
const completed = getAddressListImportJobsOutput(
  { addressListId, endpoint, statuses: ["COMPLETED"], sortOrder: "descending", limit: 1 },
  { dependsOn: [gate] },
);
export const importJobs = jobs.importJobs;
export const counts = jobs.counts;
export const totals = jobs.totals;
export const fingerprint = jobs.fingerprint;
export const gatedJobs = gate.acceptedJobIds;
export const latestCompletedJob = completed.apply((r) => r.latest?.name ?? "none");
