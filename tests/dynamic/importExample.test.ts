// examples/import-and-gate as it runs on a real AWS account, under mocks with the real @pulumi/aws and
// @pulumi/aws-native types (their provider plugins cannot run offline; the emulator path of the same
// example runs with the real CLI in tests/e2e/addressListImport.e2e.test.ts): the address list made
// with aws-native, the import of members.csv into it, and a Mail Manager traffic policy that filters on
// the list only once the import has completed.
import * as pulumi from "@pulumi/pulumi";
import { ADDRESS_LIST_IMPORT_TYPE } from "../../provider";
import { mockUrn, startMockProgram, type MockProgram } from "./mockProgram";

const LIST_ARN = "arn:aws:ses:eu-west-1:123456789012:mailmanager-address-list/al-made-here";

let program: MockProgram;

beforeAll(async () => {
  program = await startMockProgram((args) => {
    if (args.type === "aws-native:ses:MailManagerAddressList") {
      return { ...args.inputs, addressListId: "al-made-here", addressListArn: LIST_ARN };
    }
    if (args.type === ADDRESS_LIST_IMPORT_TYPE) {
      return { ...args.inputs, jobId: "job-1", status: "COMPLETED", importedItemsCount: 4 };
    }
    return args.inputs;
  });
  pulumi.runtime.setConfig("aws:region", "eu-west-1");
  // The example reads its settings from the stack config of its project ("project" under mocks).
  require("../../examples/import-and-gate/index");
});

describe("examples/import-and-gate on an AWS account", () => {
  it("imports members.csv into the aws-native list, and creates the traffic policy only after the import", async () => {
    const list = await program.settled("newsletter-recipients");
    const members = await program.settled("newsletter-members");
    const policy = await program.settled("newsletter-recipients-only");

    expect(list.type).toBe("aws-native:ses:MailManagerAddressList");
    expect(members.type).toBe(ADDRESS_LIST_IMPORT_TYPE);
    expect(members.inputs).toMatchObject({
      addressListId: "al-made-here",
      file: "members.csv",
      maxFailedItems: 0,
      region: "eu-west-1",
    });
    expect(members.inputs).not.toHaveProperty("endpoint");
    expect(members.dependencies).toContain(
      mockUrn("aws-native:ses:MailManagerAddressList", "newsletter-recipients"),
    );

    expect(policy.type).toBe("aws:mailmanager/trafficPolicy:TrafficPolicy");
    expect(policy.dependencies).toContain(mockUrn(ADDRESS_LIST_IMPORT_TYPE, "newsletter-members"));
    expect(policy.inputs).toMatchObject({
      defaultAction: "DENY",
      policyStatements: [
        {
          action: "ALLOW",
          conditions: [
            {
              booleanExpression: {
                operator: "IS_TRUE",
                evaluate: { isInAddressList: { attribute: "RECIPIENT", addressLists: [LIST_ARN] } },
              },
            },
          ],
        },
      ],
    });
    expect(program.registrations.map((r) => r.type)).not.toContain(
      "pulumi-nodejs:dynamic/example:PolicyStandIn",
    );
  });
});
