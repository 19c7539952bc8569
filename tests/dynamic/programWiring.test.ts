// A program under `pulumi.runtime.setMocks`: what the resources register (types, inputs, options)
// and how other resources wait for the gate. The providers are serialised here as in `pulumi up`,
// but not run (the gRPC suites run them).
import * as pulumi from "@pulumi/pulumi";
import { ContactList } from "@pulumi/aws/sesv2/contactList";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import {
  ADDRESS_LIST_IMPORT_JOBS_TYPE,
  AddressListImportJobs,
  IMPORT_JOBS_GATE_TYPE,
  ImportJobsGate,
} from "../../provider";
import { settle } from "../provider/outputHelpers";

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  dependencies: string[];
  additionalSecretOutputs: string[];
}

const registrations: Registration[] = [];
const inputsByName = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        inputsByName.set(args.name, args.inputs);
        // A gate that opened: outputs as the provider would return them.
        const state =
          args.type === IMPORT_JOBS_GATE_TYPE
            ? { ...args.inputs, acceptedJobIds: ["job-1"], totals: { importedItems: 3, failedItems: 0 } }
            : args.inputs;
        return { id: `${args.name}-id`, state };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
  // The mock monitor's newResource does not see the options; the request does.
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: RegisterResourceRequest, callback: unknown): void;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    registrations.push({
      type: req.getType(),
      name: req.getName(),
      inputs: {},
      dependencies: req.getDependenciesList(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    });
    register(req, callback);
  };
});

/** Waits until every given resource is registered, then returns its registration with its inputs. */
async function registered(...resources: pulumi.CustomResource[]): Promise<Registration[]> {
  await settle(pulumi.all(resources.map((r) => r.id)));
  return resources.map((resource) => {
    const name = (resource as unknown as { __name: string }).__name;
    const registration = registrations.find((r) => r.name === name);
    if (!registration) throw new Error(`${name} was not registered`);
    return { ...registration, inputs: inputsByName.get(name) ?? {} };
  });
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
    expect(inputsByName.get("child-gate")?.progressUrn).toBe(urn);
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
