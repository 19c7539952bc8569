import * as pulumi from "@pulumi/pulumi";
import { AddressListImportJobs, ImportJobsGate } from "pulumi-mailmanager-import-jobs";

const config = new pulumi.Config();
const addressListId = config.require("addressListId");
const endpoint = config.require("endpoint");

const jobs = new AddressListImportJobs("jobs", { addressListId, endpoint });
const gate = new ImportJobsGate("imports-done", {
  addressListId,
  endpoint,
  select: "latest",
  maxWaitTime: 60,
});

export const jobIds = jobs.jobIds;
export const fingerprint = jobs.fingerprint;
export const gatedJobIds = gate.acceptedJobIds;
