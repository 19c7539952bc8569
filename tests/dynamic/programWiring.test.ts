// A program under `pulumi.runtime.setMocks`: what the resources register (types, inputs, options)
// and how other resources wait for the gate. The providers are serialised here as in `pulumi up`,
// but not run (the gRPC suites run them).
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ContactList } from "@pulumi/aws/sesv2/contactList";
import {
  ADDRESS_LIST_IMPORT_JOBS_TYPE,
  AddressListImportJobs,
  IMPORT_JOBS_GATE_TYPE,
  ImportJobsGate,
} from "../../provider";
import { settle } from "../support/outputHelpers";
import { startMockProgram, type MockProgram } from "./mockProgram";

let program: MockProgram;

beforeAll(async () => {
  // A gate that opened: outputs as the provider would return them.
  program = await startMockProgram((args) =>
    args.type === IMPORT_JOBS_GATE_TYPE
      ? {
          ...args.inputs,
          acceptedJobIds: ["job-1"],
          totals: { importedItems: 3, failedItems: 0 },
        }
      : args.inputs,
  );
});

/** Waits until every given resource is registered (and has an id), then returns its registration. */
async function registered(...resources: pulumi.CustomResource[]) {
  await settle(pulumi.all(resources.map((r) => r.id)));
  return program.registered(...resources);
}

describe("a program that gates an AWS resource on the import jobs", () => {
  it("registers the gate with its type, resolved settings and URN, and makes the resource depend on it", async () => {
    pulumi.runtime.setConfig("aws:region", "eu-central-1");
    try {
      const gate = new ImportJobsGate("imports-done", {
        addressListId: "al-123456789abc",
        select: "latest",
        maxWaitTime: 900,
        minImportedItems: 1,
      });
      const contacts = new ContactList(
        "newsletter",
        { contactListName: "newsletter" },
        { dependsOn: [gate] },
      );
      const [gateReg, contactsReg] = await registered(gate, contacts);

      expect(gateReg.type).toBe("pulumi-nodejs:dynamic/mailmanager:ImportJobsGate");
      const { __provider, ...inputs } = gateReg.inputs;
      expect(typeof __provider).toBe("string");
      expect(inputs).toEqual({
        addressListId: "al-123456789abc",
        select: "latest",
        maxWaitTime: 900,
        minImportedItems: 1,
        // From the `aws:region` stack config, ahead of AWS_REGION in the environment.
        region: "eu-central-1",
        progressUrn:
          "urn:pulumi:stack::project::pulumi-nodejs:dynamic/mailmanager:ImportJobsGate::imports-done",
      });
      expect(contactsReg.type).toBe("aws:sesv2/contactList:ContactList");
      expect(contactsReg.dependencies).toEqual([await settle(gate.urn).then((s) => s.value)]);
      expect((await settle(gate.acceptedJobIds)).value).toEqual(["job-1"]);
      expect((await settle(gate.totals.importedItems)).value).toBe(3);
    } finally {
      pulumi.runtime.setConfig("aws:region", "");
    }
  });

  it("computes the gate's URN under a component parent as the engine does", async () => {
    const parent = new pulumi.ComponentResource("acme:imports:Pipeline", "pipeline");
    const gate = new ImportJobsGate("child-gate", { addressListId: "al-1", region: "us-west-2" }, { parent });
    await registered(gate);
    const urn = (await settle(gate.urn)).value;
    expect(urn).toBe(
      "urn:pulumi:stack::project::acme:imports:Pipeline$pulumi-nodejs:dynamic/mailmanager:ImportJobsGate::child-gate",
    );
    expect(program.byName("child-gate").inputs.progressUrn).toBe(urn);
  });

  it("takes region and profile from an aws.Provider in opts.provider, as the function does, and leaves the provider out", async () => {
    const paris = new aws.Provider("paris", { region: "eu-west-3", profile: "ops" });
    const jobs = new AddressListImportJobs("jobs-in-paris", { addressListId: "al-1" }, { provider: paris });
    const gate = new ImportJobsGate(
      "gate-in-paris",
      { addressListId: "al-1", profile: "own" },
      { provider: paris },
    );
    const [jobsReg, gateReg] = await registered(jobs, gate);
    expect(jobsReg.inputs).toMatchObject({ region: "eu-west-3", profile: "ops" });
    // An argument wins over the provider's setting.
    expect(gateReg.inputs).toMatchObject({ region: "eu-west-3", profile: "own" });
    // The engine runs both with the dynamic provider, never with the AWS one.
    expect([jobsReg.provider, gateReg.provider]).toEqual(["", ""]);
  });

  it("registers AddressListImportJobs with the pre-signed URLs as an additional secret output", async () => {
    const jobs = new AddressListImportJobs("imports", {
      addressListId: "al-123456789abc",
      includePreSignedUrls: true,
      statuses: ["CREATED"],
      endpoint: "http://127.0.0.1:4566",
      profile: "ops",
    });
    const [reg] = await registered(jobs);
    expect(reg.type).toBe(ADDRESS_LIST_IMPORT_JOBS_TYPE);
    expect(reg.additionalSecretOutputs).toEqual(["preSignedUrls"]);
    const { __provider, ...inputs } = reg.inputs;
    expect(typeof __provider).toBe("string");
    expect(inputs).toEqual({
      addressListId: "al-123456789abc",
      includePreSignedUrls: true,
      statuses: ["CREATED"],
      endpoint: "http://127.0.0.1:4566",
      profile: "ops",
      region: process.env.AWS_REGION,
    });
    // Typed outputs exist (declared, not initialised as class fields) and resolve from the state.
    expect((await settle(jobs.addressListId)).value).toBe("al-123456789abc");
    // The engine, not the SDK, marks `preSignedUrls` secret from the option above; the property exists.
    expect(pulumi.Output.isInstance(jobs.preSignedUrls)).toBe(true);
  });
});
