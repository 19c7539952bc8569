// The plugin's schema against the TypeScript front end: schema.json is what generateSchema makes from
// the TypeScript definitions today, and its properties are exactly the arguments and results the
// core validates and produces, each with a description.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildImportJobsResult } from "../../provider/core/buildImportJobsResult";
import { generateSchema } from "../../scripts/build/generateSchema";
import {
  ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  IMPORT_JOBS_GATE_TOKEN,
  ADDRESS_LIST_IMPORT_TOKEN,
} from "../../provider/plugin/tokens";
import { ARGUMENT_NAMES } from "../../provider/core/validateArgs";
import { GATE_INPUT_KEYS } from "../../provider/pulumi/importJobsGateProvider";
import { IMPORT_INPUT_KEYS } from "../../provider/pulumi/addressListImportProvider";

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
  keywords: string[];
  logoUrl: string;
  pluginDownloadURL: string;
  repository: string;
  language: { python: { packageName: string }; go: { importBasePath: string } };
  config: { variables: Record<string, Property> };
  provider: { inputProperties: Record<string, Property> };
  functions: Record<string, { description: string; inputs: ObjectSpec; outputs: ObjectSpec }>;
  resources: Record<
    string,
    { description: string; inputProperties: Record<string, Property>; requiredInputs: string[] } & ObjectSpec
  >;
  types: Record<string, { description: string } & Partial<ObjectSpec>>;
}

const REPO = join(__dirname, "..", "..");
const committed: Schema = JSON.parse(readFileSync(join(REPO, "provider", "plugin", "schema.json"), "utf8"));
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(REPO, ...path), "utf8"));

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
      ADDRESS_LIST_IMPORT_TOKEN,
    ]);
    expect(Object.keys(committed.config.variables)).toEqual(["region", "profile", "endpoint"]);
    expect(Object.keys(committed.provider.inputProperties)).toEqual(["region", "profile", "endpoint"]);
  });

  it("says where the engine downloads the plugin, and the committed SDKs name the same place", () => {
    // The engine turns github://api.github.com/<owner> into the releases of <owner>/pulumi-<name>.
    const owner = /^github:\/\/api\.github\.com\/([^/]+)$/.exec(committed.pluginDownloadURL)?.[1];
    expect(`https://github.com/${owner}/pulumi-${committed.name}`).toBe(committed.repository);
    const repository = String(readJson("package.json").repository.url);
    expect(repository).toContain(committed.repository.replace(/^https:\/\//, ""));
    for (const sdk of [
      ["sdk", "python", "pulumi_mailmanager_import_jobs", "pulumi-plugin.json"],
      ["sdk", "go", "mailmanagerimportjobs", "pulumi-plugin.json"],
    ]) {
      expect([sdk.join("/"), readJson(...sdk).server]).toEqual([sdk.join("/"), committed.pluginDownloadURL]);
    }
    expect(committed.language.python.packageName).toBe("pulumi_mailmanager_import_jobs");
    const goModule = /^module (\S+)$/m.exec(readFileSync(join(REPO, "sdk", "go", "go.mod"), "utf8"))?.[1];
    expect(committed.language.go.importBasePath).toBe(`${goModule}/mailmanagerimportjobs`);
    expect(committed.keywords).toEqual(expect.arrayContaining(["category/cloud", "kind/native"]));
    // The logo is served from the default branch: the file must be in the repository.
    expect(committed.logoUrl).toMatch(/\/main\/docs\/logo\.svg$/);
    expect(existsSync(join(REPO, "docs", "logo.svg"))).toBe(true);
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
    expect(Object.keys(gate.inputProperties).sort()).toEqual([...GATE_INPUT_KEYS].sort());
    expect(gate.requiredInputs).toEqual(["addressListId"]);
    const fill = committed.resources[ADDRESS_LIST_IMPORT_TOKEN];
    expect(Object.keys(fill.inputProperties).sort()).toEqual([...IMPORT_INPUT_KEYS].sort());
    expect(fill.requiredInputs).toEqual(["addressListId"]);
  });

  it("keeps an import's content secret and never returns it", () => {
    const fill = committed.resources[ADDRESS_LIST_IMPORT_TOKEN];
    expect(fill.inputProperties.content.secret).toBe(true);
    expect(Object.keys(fill.properties)).not.toContain("content");
    expect(Object.keys(fill.properties)).toEqual(
      expect.arrayContaining(["jobId", "status", "contentSha256"]),
    );
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
