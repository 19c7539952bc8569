import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { ImportJobsGate } from "pulumi-mailmanager-import-jobs";
import { ReleaseMarker } from "./releaseMarker";

const config = new pulumi.Config();
// Leave unset for a real AWS account; set it to the emulator's URL to run offline.
const endpoint = config.get("endpoint");
// The import jobs this release needs; without them, the newest job of the list.
const jobIds = config.getObject<string[]>("jobIds");

// The address list whose addresses arrive through import jobs: an existing one given by id, or one
// made here with aws-native (CloudFormation's AWS::SES::MailManagerAddressList; @pulumi/aws has no
// address-list resource). Offline, the id of a list in the emulator.
const existingListId = endpoint === undefined ? config.get("addressListId") : config.require("addressListId");
const list =
  existingListId === undefined
    ? new awsnative.ses.MailManagerAddressList("newsletter-recipients", {
        addressListName: "newsletter-recipients",
      })
    : undefined;
const addressListId = list?.addressListId ?? pulumi.output(existingListId as string);

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
  const addressListArn =
    list?.addressListArn ??
    pulumi.interpolate`arn:aws:ses:${aws.getRegionOutput().region}:${aws.getCallerIdentityOutput().accountId}:mailmanager-address-list/${addressListId}`;
  // Accept mail only for the list's addresses, and only once its imports have completed: a policy
  // that checked a half-imported list would turn real recipients away.
  new aws.mailmanager.TrafficPolicy(
    "newsletter-recipients-only",
    {
      name: "newsletter-recipients-only",
      defaultAction: "DENY",
      policyStatements: [
        {
          action: "ALLOW",
          conditions: [
            {
              booleanExpression: {
                operator: "IS_TRUE",
                evaluate: { isInAddressList: { attribute: "RECIPIENT", addressLists: [addressListArn] } },
              },
            },
          ],
        },
      ],
    },
    { dependsOn: [gate] },
  );
} else {
  // Against the emulator there is no account to create the policy in: a marker stands in for it.
  new ReleaseMarker("newsletter-release", { gatedJobs: gate.acceptedJobIds }, { dependsOn: [gate] });
}

export const gatedJobIds = gate.acceptedJobIds;
export const gatedJobs = gate.importJobs;
export const importedItems = gate.totals.importedItems;
