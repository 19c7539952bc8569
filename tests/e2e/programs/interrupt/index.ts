import * as pulumi from "@pulumi/pulumi";
import { AddressListImport, ImportJobsGate } from "pulumi-mailmanager-import-jobs";

const config = new pulumi.Config();
const addressListId = config.require("addressListId");
const endpoint = config.require("endpoint");
// A short schedule, so that the next `up` sees a finished job at once; a long patience, so that only
// the cancellation (never the deadline) can end an interrupted wait within the test.
const policy = { minDelay: 1, maxDelay: 2, maxWaitTime: 600 };

// `gate` waits for the jobs `jobIds`; `import` creates, uploads, starts and waits for its own job.
export const jobIds =
  config.require("resource") === "gate"
    ? new ImportJobsGate("gate", {
        addressListId,
        endpoint,
        jobIds: config.requireObject<string[]>("jobIds"),
        ...policy,
      }).acceptedJobIds
    : new AddressListImport("import", {
        addressListId,
        endpoint,
        content: config.require("content"),
        format: "CSV",
        ...policy,
      }).jobId.apply((jobId) => [jobId]);
