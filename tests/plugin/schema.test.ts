// The plugin's schema against the TypeScript front end: schema.json is what generateSchema makes from
// the TypeScript definitions today, and its properties are exactly the arguments and results the
// core validates and produces, each with a description.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildImportJobsResult } from "../../provider/buildImportJobsResult";
import { generateSchema } from "../../provider/plugin/generateSchema";
import {
  ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  IMPORT_JOBS_GATE_TOKEN,
} from "../../provider/plugin/tokens";
import { ARGUMENT_NAMES } from "../../provider/validateArgs";
import { waitArgumentNames } from "../../provider/validateWaitForImportJobsArgs";

interface Property {
  type?: string;
  $ref?: string;
  description?: string;
  secret?: boolean;
  items?: Property;
  additionalProperties?: Property;
}
interface ObjectSpec {
  properties: Record<string, Property>;
  required?: string[];
}
interface Schema {
  name: string;
  config: { variables: Record<string, Property> };
  provider: { inputProperties: Record<string, Property> };
  functions: Record<string, { description: string; inputs: ObjectSpec; outputs: ObjectSpec }>;
  resources: Record<
    string,
    { description: string; inputProperties: Record<string, Property>; requiredInputs: string[] } & ObjectSpec
  >;
  types: Record<string, { description: string } & Partial<ObjectSpec>>;
}

const committed: Schema = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "provider", "plugin", "schema.json"), "utf8"),
);

jest.setTimeout(60_000);

describe("the plugin's schema", () => {
  it("is what the TypeScript definitions generate (run `npm run build:plugin` after changing them)", () => {
    expect(generateSchema()).toEqual(committed);
  });

  it("declares the package, the function, both resources and the provider settings", () => {
    expect(committed.name).toBe("mailmanager-import-jobs");
    expect(Object.keys(committed.functions)).toEqual([GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN]);
    expect(Object.keys(committed.resources)).toEqual([
      ADDRESS_LIST_IMPORT_JOBS_TOKEN,
      IMPORT_JOBS_GATE_TOKEN,
    ]);
    expect(Object.keys(committed.config.variables)).toEqual(["region", "profile", "endpoint"]);
    expect(Object.keys(committed.provider.inputProperties)).toEqual(["region", "profile", "endpoint"]);
  });

  it("takes exactly the arguments the core validates", () => {
    const fn = committed.functions[GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN];
    expect(Object.keys(fn.inputs.properties).sort()).toEqual([...ARGUMENT_NAMES].sort());
    expect(fn.inputs.required).toEqual(["addressListId"]);
    const jobs = committed.resources[ADDRESS_LIST_IMPORT_JOBS_TOKEN];
    expect(Object.keys(jobs.inputProperties).sort()).toEqual(
      ARGUMENT_NAMES.filter((n) => n !== "cache").sort(),
    );
    const gate = committed.resources[IMPORT_JOBS_GATE_TOKEN];
    expect(Object.keys(gate.inputProperties).sort()).toEqual([...waitArgumentNames("ImportJobsGate")].sort());
    expect(gate.requiredInputs).toEqual(["addressListId"]);
  });

  it("returns exactly what the core's result builder produces, the URLs as a secret", () => {
    const result = buildImportJobsResult(
      [
        {
          JobId: "job-1",
          Name: "nightly",
          Status: "COMPLETED",
          AddressListId: "al-1",
          CreatedTimestamp: new Date("2024-05-01T00:00:00Z"),
          PreSignedUrl: "https://example.com/upload",
          ImportDataFormat: { ImportDataType: "CSV" },
        },
      ],
      { addressListId: "al-1", region: "eu-west-1", includePreSignedUrls: true },
    );
    const outputs = committed.functions[GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN].outputs;
    expect(Object.keys(outputs.properties).sort()).toEqual(Object.keys(result).sort());
    expect(outputs.properties.preSignedUrls.secret).toBe(true);
    const importJob = committed.types["mailmanager-import-jobs:index:ImportJob"];
    expect(Object.keys(importJob.properties ?? {})).toEqual(
      expect.arrayContaining(Object.keys(result.importJobs[0])),
    );
    // The resource echoes its inputs, then the same result.
    const jobs = committed.resources[ADDRESS_LIST_IMPORT_JOBS_TOKEN];
    expect(Object.keys(jobs.properties)).toEqual(
      expect.arrayContaining([...Object.keys(jobs.inputProperties), ...Object.keys(result)]),
    );
    expect(jobs.properties.preSignedUrls.secret).toBe(true);
  });

  it("describes every property, of every function, resource, type and setting", () => {
    const undocumented: string[] = [];
    const visit = (where: string, properties: Record<string, Property> = {}) => {
      for (const [name, property] of Object.entries(properties)) {
        if (!property.description || property.description.trim().length < 8)
          undocumented.push(`${where}.${name}`);
      }
    };
    visit("config", committed.config.variables);
    visit("provider", committed.provider.inputProperties);
    for (const [token, fn] of Object.entries(committed.functions)) {
      visit(`${token}.inputs`, fn.inputs.properties);
      visit(`${token}.outputs`, fn.outputs.properties);
      if (!fn.description) undocumented.push(token);
    }
    for (const [token, resource] of Object.entries(committed.resources)) {
      visit(`${token}.inputs`, resource.inputProperties);
      visit(`${token}.outputs`, resource.properties);
      if (!resource.description) undocumented.push(token);
    }
    for (const [token, type] of Object.entries(committed.types)) {
      visit(token, type.properties);
      if (!type.description) undocumented.push(token);
    }
    expect(undocumented).toEqual([]);
  });
});
