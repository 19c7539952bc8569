// examples/gate-deployment as it runs on a real AWS account, under mocks with the real @pulumi/aws and
// @pulumi/aws-native types (their provider plugins cannot run offline; the emulator path of the same
// example runs with the real CLI in tests/e2e/gate.e2e.test.ts): the address list made with aws-native,
// the gate on its imports, and a Mail Manager traffic policy that filters on the list only once the gate
// has opened.
import * as pulumi from "@pulumi/pulumi";
import { IMPORT_JOBS_GATE_TYPE } from "../../provider";
import { mockUrn, startMockProgram, type MockProgram } from "./mockProgram";

const LIST_ARN = "arn:aws:ses:eu-west-1:123456789012:mailmanager-address-list/al-made-here";

let program: MockProgram;

beforeAll(async () => {
  program = await startMockProgram((args) => {
    if (args.type === "aws-native:ses:MailManagerAddressList") {
      return { ...args.inputs, addressListId: "al-made-here", addressListArn: LIST_ARN };
    }
    if (args.type === IMPORT_JOBS_GATE_TYPE) {
      return { ...args.inputs, acceptedJobIds: ["job-1"], totals: { importedItems: 3, failedItems: 0 } };
    }
    return args.inputs;
  });
  pulumi.runtime.setConfig("aws:region", "eu-west-1");
  // The example reads its settings from the stack config of its project ("project" under mocks).
  require("../../examples/gate-deployment/index");
});

describe("examples/gate-deployment on an AWS account", () => {
  it("gates the traffic policy on the imports of the aws-native address list", async () => {
    const list = await program.settled("newsletter-recipients");
    const gate = await program.settled("newsletter-imports-done");
    const policy = await program.settled("newsletter-recipients-only");

    expect(list.type).toBe("aws-native:ses:MailManagerAddressList");
    expect(list.inputs).toEqual({ addressListName: "newsletter-recipients" });

    expect(gate.type).toBe(IMPORT_JOBS_GATE_TYPE);
    expect(gate.inputs).toMatchObject({
      addressListId: "al-made-here",
      select: "latest",
      region: "eu-west-1",
    });
    expect(gate.dependencies).toContain(
      mockUrn("aws-native:ses:MailManagerAddressList", "newsletter-recipients"),
    );

    expect(policy.type).toBe("aws:mailmanager/trafficPolicy:TrafficPolicy");
    expect(policy.dependencies).toContain(mockUrn(IMPORT_JOBS_GATE_TYPE, "newsletter-imports-done"));
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
  });
});
