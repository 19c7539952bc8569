// The TypeScript program the Python example is compared with: the same lookup through the package's
// data function, with the outputs of examples/python that depend only on the list's jobs.
import * as pulumi from "@pulumi/pulumi";
import { getAddressListImportJobsOutput } from "pulumi-mailmanager-import-jobs";

const config = new pulumi.Config();
const imports = getAddressListImportJobsOutput({
  addressListId: config.require("addressListId"),
  endpoint: config.require("endpoint"),
  region: config.require("region"),
});

export const jobIds = imports.jobIds;
export const counts = imports.counts;
export const latest = imports.latest;
export const fingerprint = imports.fingerprint;
export const importJobs = imports.importJobs;
