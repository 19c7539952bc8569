// The provider text Pulumi stores in every stack's state for our dynamic resources. Old stacks run
// that stored text for refresh and destroy with whatever package version is installed, so it may
// require nothing but the public entry `pulumi-mailmanager-import-jobs/dynamic-provider`, and it must
// stay byte-identical across releases that keep the contract (docs/MAINTAINING.md, "The state contract").
// The golden files in golden/ are the texts as serialised from the built package in a consumer
// install (tests/dynamic/consumerInstall.test.ts checks those too).
import * as pulumi from "@pulumi/pulumi";
import { AddressListImport, AddressListImportJobs, ImportJobsGate } from "../../provider";
import { addressListImportJobsProvider } from "../../provider/pulumi/addressListImportJobsProvider";
import { diffByInputs } from "../../provider/pulumi/dynamicInputs";
import { dispatch } from "../../provider/pulumi/dynamicProvider";
import {
  DYNAMIC_PROVIDER_ENTRY,
  forwardingProvider,
  isLegacyProviderText,
} from "../../provider/pulumi/forwardingProvider";
import { importJobsGateProvider } from "../../provider/pulumi/importJobsGateProvider";
import { addressListImportProvider } from "../../provider/pulumi/addressListImportProvider";
import { ENTRY, KINDS, requiredModules, storedProviderText } from "./storedProviderText";

/** The texts the resource classes hand to the engine, captured under mocks (which serialise as `up` does). */
async function serialisedByResources(): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        texts[args.type.split(":").pop() as string] = args.inputs.__provider;
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
  const jobs = new AddressListImportJobs("jobs", { addressListId: "al-1", region: "us-east-1" });
  const gate = new ImportJobsGate("gate", { addressListId: "al-1", region: "us-east-1" });
  const fill = new AddressListImport("fill", {
    addressListId: "al-1",
    region: "us-east-1",
    file: "members.csv",
  });
  await new Promise((resolve) => pulumi.all([jobs.id, gate.id, fill.id]).apply(resolve));
  return texts;
}

describe("the provider text stored in state", () => {
  let texts: Record<string, string>;
  beforeAll(async () => {
    texts = await serialisedByResources();
  });

  it.each(KINDS)("of %s requires only the public entry", (kind) => {
    expect(requiredModules(texts[kind])).toEqual([ENTRY]);
    expect(DYNAMIC_PROVIDER_ENTRY).toBe(ENTRY);
  });

  it.each(KINDS)("of %s is byte-identical to the text earlier releases stored", (kind) => {
    expect(texts[kind]).toBe(storedProviderText(kind));
  });

  it("names only the resource kind besides the entry: no path, credential or setting", () => {
    for (const kind of KINDS) {
      expect(texts[kind]).toContain(`kind: "${kind}"`);
      expect(texts[kind]).not.toMatch(/\/(home|root|tmp|work|Users)\//);
      expect(texts[kind]).not.toMatch(/AWS_|secret|us-east-1|al-1/i);
    }
  });

  it("is recognised as a violation when it requires an internal file", () => {
    // The check above must be able to fail: this is what the text looked like before the entry existed.
    const old =
      'var __x = require("pulumi-mailmanager-import-jobs/dist/provider/importJobsGateProvider.js");';
    expect(requiredModules(`${storedProviderText("ImportJobsGate")}\n${old}`)).not.toEqual([ENTRY]);
  });
});

describe("a stack deployed before the entry existed", () => {
  const legacy =
    'exports.handler = __f0;\nvar __x = require("pulumi-mailmanager-import-jobs/dist/provider/fetchAddressListImportJobs.js");';
  const inputs = { addressListId: "al-1", region: "us-east-1" };

  it("is recognised by its stored text", () => {
    expect(isLegacyProviderText(legacy)).toBe(true);
    for (const kind of KINDS) expect(isLegacyProviderText(storedProviderText(kind))).toBe(false);
    expect(isLegacyProviderText(undefined)).toBe(false);
    expect(isLegacyProviderText('require("@pulumi/pulumi")')).toBe(false);
  });

  it("is updated once, so that its state stores the forwarder; a current one is not", () => {
    const keys = Object.keys(inputs);
    expect(diffByInputs({ ...inputs, __provider: legacy }, inputs, keys, [])).toEqual({ changes: true });
    for (const kind of KINDS) {
      expect(
        diffByInputs({ ...inputs, __provider: storedProviderText(kind) }, inputs, keys, []),
      ).toBeUndefined();
    }
  });
});

describe(dispatch.name, () => {
  it("forwards a method of each kind to the installed provider", async () => {
    const checked = (await dispatch("AddressListImportJobs", "check", [{}, { addressListId: "al-1" }])) as {
      failures: unknown[];
    };
    expect(checked.failures).toEqual([]);
    const gateChecked = (await dispatch("ImportJobsGate", "check", [{}, { addressListId: "bad id" }])) as {
      failures: { property: string }[];
    };
    expect(gateChecked.failures.map((failure) => failure.property)).toEqual(["addressListId"]);
  });

  it("rejects an unknown kind or method with a message that says what to do", async () => {
    await expect(dispatch("Nope", "create", [{}])).rejects.toThrow(
      'has no dynamic resource "Nope" (it serves AddressListImportJobs, ImportJobsGate, AddressListImport). Install the version that deployed the stack.',
    );
    await expect(dispatch("ImportJobsGate", "explode", [])).rejects.toThrow('has no method "explode"');
  });

  it("serves every method a forwarding provider calls", () => {
    const installed = {
      AddressListImportJobs: addressListImportJobsProvider,
      ImportJobsGate: importJobsGateProvider,
      AddressListImport: addressListImportProvider,
    };
    for (const kind of KINDS) {
      const methods = Object.keys(forwardingProvider(kind));
      expect(methods).toEqual(["check", "diff", "create", "read", "update", "delete"]);
      for (const method of methods) {
        expect(typeof (installed[kind] as unknown as Record<string, unknown>)[method]).toBe("function");
      }
    }
  });
});
