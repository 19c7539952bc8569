import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { AddressListImport } from "pulumi-mailmanager-import-jobs";
import { PolicyStandIn } from "./policyStandIn";

const config = new pulumi.Config();
// Leave unset for a real AWS account; set it to the emulator's URL to run offline.
const endpoint = config.get("endpoint");

// The list to fill: an existing one given by id, or one made here with aws-native (CloudFormation's
// AWS::SES::MailManagerAddressList; @pulumi/aws has no address-list resource). Offline, the id of a
// list in the emulator.
const existingListId = endpoint === undefined ? config.get("addressListId") : config.require("addressListId");
const list =
  existingListId === undefined
    ? new awsnative.ses.MailManagerAddressList("newsletter-recipients", {
        addressListName: "newsletter-recipients",
      })
    : undefined;
const addressListId = list?.addressListId ?? pulumi.output(existingListId as string);

// One import job per content of members.csv: `up` creates the job, uploads the file, starts the job
// and waits until it has COMPLETED. An unchanged file changes nothing, however often `up` runs; an
// edited file replaces the resource, which is one new job. The state keeps the file's SHA-256, never
// an address. A FAILED job, a bad address (maxFailedItems: 0) or the timeout fails `pulumi up` with
// the job's id and error.
const members = new AddressListImport("newsletter-members", {
  addressListId,
  endpoint,
  file: "members.csv", // relative to this project's directory; format CSV from the extension
  maxFailedItems: 0,
  maxWaitTime: config.getNumber("maxWaitTime") ?? 900,
  minDelay: config.getNumber("minDelay") ?? 5,
  maxDelay: config.getNumber("maxDelay") ?? 30,
});

if (endpoint === undefined) {
  const addressListArn =
    list?.addressListArn ??
    pulumi.interpolate`arn:aws:ses:${aws.getRegionOutput().region}:${aws.getCallerIdentityOutput().accountId}:mailmanager-address-list/${addressListId}`;
  // Accept mail only for the list's addresses, and only once the import has completed: a policy that
  // checked a half-filled list would turn real recipients away.
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
    { dependsOn: [members] },
  );
} else {
  // Against the emulator there is no account to create the policy in: a stand-in records when it was
  // created, after the import.
  new PolicyStandIn(
    "newsletter-recipients-only",
    { policyName: "newsletter-recipients-only" },
    { dependsOn: [members] },
  );
}

export const importJobId = members.jobId;
export const importStatus = members.status;
export const importedItems = members.importedItemsCount;
export const failedItems = members.failedItemsCount;
export const membersSha256 = members.contentSha256;
