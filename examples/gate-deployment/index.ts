import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ImportJobsGate } from "pulumi-mailmanager-import-jobs";
import { ReleaseMarker } from "./releaseMarker";

const config = new pulumi.Config();
const addressListId = config.require("addressListId");
// Leave unset for a real AWS account; set it to the emulator's URL to run offline.
const endpoint = config.get("endpoint");
// The import jobs this release needs; without them, the newest job of the list.
const jobIds = config.getObject<string[]>("jobIds");

// Waits (polling with backoff, at most 15 minutes) until the jobs have COMPLETED. A FAILED or
// STOPPED job, or the timeout, fails `pulumi up` with each job's id, name, status and error text.
const gate = new ImportJobsGate("newsletter-imports-done", {
  addressListId,
  endpoint,
  ...(jobIds ? { jobIds } : { select: "latest" }),
  maxFailedItems: config.getNumber("maxFailedItems"),
  maxWaitTime: config.getNumber("maxWaitTime") ?? 900,
  minDelay: config.getNumber("minDelay") ?? 5,
  maxDelay: config.getNumber("maxDelay") ?? 30,
});

if (endpoint === undefined) {
  // On a real account: tell the mailer which imports the list holds, only once they are done.
  new aws.ssm.Parameter(
    "newsletter-list-imports",
    { type: aws.ssm.ParameterType.StringList, value: gate.acceptedJobIds.apply((ids) => ids.join(",")) },
    { dependsOn: [gate] },
  );
} else {
  new ReleaseMarker("newsletter-release", { gatedJobs: gate.acceptedJobIds }, { dependsOn: [gate] });
}

export const acceptedJobIds = gate.acceptedJobIds;
export const acceptedJobs = gate.acceptedJobs;
export const importedItems = gate.totals.importedItems;
