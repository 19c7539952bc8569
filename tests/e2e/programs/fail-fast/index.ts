import * as pulumi from "@pulumi/pulumi";
import { getAddressListImportJobsOutput } from "pulumi-mailmanager-import-jobs";

// The test measures from here to the end of `pulumi preview`.
console.log(`program started at ${Date.now()}`);

const config = new pulumi.Config();
const pageSize = config.getNumber("pageSize");
const jobs = getAddressListImportJobsOutput({
  addressListId: config.require("addressListId"),
  endpoint: config.require("endpoint"),
  ...(pageSize === undefined ? {} : { pageSize }),
});

// Two stack outputs derived from the lookup: the runtime reads them only after it has failed.
export const total = jobs.counts.total;
export const latestJobId = jobs.apply((result) => result.latest?.jobId ?? "none");
