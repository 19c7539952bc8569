import { join } from "node:path";
import * as ts from "typescript";
import {
  ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN,
  IMPORT_JOBS_GATE_TOKEN,
  ADDRESS_LIST_IMPORT_TOKEN,
  PACKAGE_NAME,
  typeToken,
} from "../../provider/plugin/tokens";
import { SECRET_RESULT_KEYS } from "../../provider/core/lookupTypes";
import {
  GITHUB_OWNER,
  GO_IMPORT,
  HOMEPAGE,
  LOGO_URL,
  PLUGIN_DOWNLOAD_URL,
  PYTHON_PACKAGE,
  REPOSITORY,
} from "./packageMetadata";

/**
 * Generates the plugin's Pulumi package schema from the TypeScript definitions named in
 * provider/plugin/schemaTypes.ts, with the TypeScript compiler: every property, whether it is
 * required, its type and its description (the doc comment, plus its `@default`) come from the types
 * the TypeScript front end uses. Run by `npm run build:plugin`, which writes
 * provider/plugin/schema.json; a test regenerates it and compares. Build code, outside provider/: the
 * plugin bundle embeds schema.json and never loads the compiler (a dev dependency).
 */

/** A property's schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/). */
export interface PropertySpec {
  type?: string;
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  deprecationMessage?: string;
  secret?: boolean;
}

/** An object's properties and the names of those that are always present. */
interface ObjectSpec {
  properties: Record<string, PropertySpec>;
  required: string[];
}

const PROVIDER = join(__dirname, "..", "..", "provider");
const SOURCE = join(PROVIDER, "plugin", "schemaTypes.ts");
const PACKAGE_SOURCES = {
  getAddressListImportJobs: join(PROVIDER, "pulumi", "getAddressListImportJobs.ts"),
  AddressListImportJobs: join(PROVIDER, "pulumi", "AddressListImportJobs.ts"),
  ImportJobsGate: join(PROVIDER, "pulumi", "ImportJobsGate.ts"),
  AddressListImport: join(PROVIDER, "pulumi", "AddressListImport.ts"),
};

/** Numbers that are durations in seconds, where fractions are allowed; every other number is a count. */
const FRACTIONAL = new Set(["maxWaitTime", "minDelay", "maxDelay"]);

/**
 * The TypeScript front end reads region and profile from `aws:*` stack config; the plugin reads them
 * from its own provider configuration (which the engine fills from `mailmanager-import-jobs:*` stack
 * config or an explicit provider resource). The rest of each description holds for both.
 */
const PLUGIN_WORDING: readonly [RegExp, string][] = [
  [/`aws:(region|profile)` stack config/g, `the provider's \`$1\` (\`${PACKAGE_NAME}:$1\` config)`],
  [/Default: the SDK's, which honours/g, "Default: the provider's `endpoint`, then the SDK's, which honours"],
];

/** Doc text of a declaration, `{@link x}` shown as `x`, and its `@default` as a sentence. */
function docOf(node: ts.Node, checker: ts.TypeChecker, firstSentence = false): string {
  const symbol = (node as { symbol?: ts.Symbol }).symbol;
  const parts = symbol ? symbol.getDocumentationComment(checker) : [];
  let text = parts
    .map((part) =>
      part.kind === "link" || part.kind === "linkName"
        ? part.text.replace(/^\{@link\s*|\}$/g, "")
        : part.text,
    )
    .join("")
    .replace(/\{@link\s+([^}]+)\}/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  if (firstSentence) {
    text = text.replace(/^(.*?\.)\s.*$/, "$1");
  }
  const defaultTag = ts.getJSDocTags(node).find((tag) => tag.tagName.text === "default");
  const defaultText = defaultTag ? ts.getTextOfJSDocComment(defaultTag.comment) : undefined;
  const full = defaultText ? `${text} Default: ${defaultText.replace(/\s+/g, " ").trim()}.` : text;
  return PLUGIN_WORDING.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    full,
  );
}

/** The values of a string-literal union, as a lookup key. */
const unionKey = (type: ts.UnionType): string =>
  JSON.stringify(type.types.map((t) => (t as ts.StringLiteralType).value).sort());

class SchemaBuilder {
  readonly types: Record<string, unknown> = {};
  private readonly program: ts.Program;
  readonly checker: ts.TypeChecker;

  constructor() {
    this.program = ts.createProgram([SOURCE, ...Object.values(PACKAGE_SOURCES)], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      noEmit: true,
      skipLibCheck: true,
    });
    this.checker = this.program.getTypeChecker();
  }

  /** The type of an exported alias of schemaTypes.ts. */
  aliasType(name: string): ts.Type {
    const file = this.program.getSourceFile(SOURCE);
    const alias = file?.statements.find(
      (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name,
    );
    if (!alias) throw new Error(`schemaTypes.ts has no type ${name}`);
    return this.checker.getTypeAtLocation(alias.name);
  }

  /** The doc text of an exported declaration of a package module (function or class). */
  exportedDoc(file: string, name: string, firstSentence: boolean): string {
    const source = this.program.getSourceFile(file);
    const declaration = source?.statements.find(
      (s) => (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name,
    );
    if (!declaration) throw new Error(`${file} declares no ${name}`);
    return docOf(declaration, this.checker, firstSentence);
  }

  /** Properties and required names of an object type; for a property declared twice, the last wins. */
  objectSpec(type: ts.Type, secrets = new Set<string>()): ObjectSpec {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const symbol of this.checker.getPropertiesOfType(type)) {
      const declarations = symbol.declarations ?? [];
      const declaration = declarations[declarations.length - 1];
      if (!declaration) throw new Error(`property ${symbol.name} has no declaration`);
      const propertyType = this.checker.getTypeOfSymbol(symbol);
      const description = docOf(declaration, this.checker);
      if (description === "") throw new Error(`property ${symbol.name} has no doc comment`);
      const deprecated = ts.getJSDocTags(declaration).find((tag) => tag.tagName.text === "deprecated");
      const deprecationMessage = deprecated
        ? ts.getTextOfJSDocComment(deprecated.comment)?.trim()
        : undefined;
      properties[symbol.name] = {
        ...this.typeSpec(this.checker.getNonNullableType(propertyType), symbol.name),
        description,
        ...(deprecationMessage ? { deprecationMessage } : {}),
        ...(secrets.has(symbol.name) ? { secret: true } : {}),
      };
      if ((symbol.flags & ts.SymbolFlags.Optional) === 0) {
        required.push(symbol.name);
      }
    }
    return { properties, required };
  }

  /** The schema type of a TypeScript type; named string unions and interfaces become schema types. */
  typeSpec(type: ts.Type, name: string): PropertySpec {
    const checker = this.checker;
    if (type.flags & ts.TypeFlags.String) return { type: "string" };
    if (type.flags & ts.TypeFlags.Number) return { type: FRACTIONAL.has(name) ? "number" : "integer" };
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: "boolean" };
    if (type.isUnion() && type.types.every((t) => t.isStringLiteral())) {
      return { $ref: this.enumType(type) };
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: "array", items: this.typeSpec(element, name) };
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index && checker.getPropertiesOfType(type).length === 0) {
      return { type: "object", additionalProperties: this.typeSpec(index.type, name) };
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (type.flags & ts.TypeFlags.Object && symbol && symbol.name !== "__type") {
      return { $ref: this.objectType(type, symbol) };
    }
    throw new Error(`no schema type for ${name}: ${checker.typeToString(type)}`);
  }

  private ref(name: string): string {
    return `#/types/${typeToken(name)}`;
  }

  /**
   * The named string unions of the package (`ImportJobStatus`, `SortOrder`, ...) by their values: an
   * array's element type has lost its alias name by the time the compiler hands it over.
   */
  private namedUnions(): Map<string, ts.TypeAliasDeclaration> {
    const byValues = new Map<string, ts.TypeAliasDeclaration>();
    for (const file of this.program.getSourceFiles()) {
      if (file.isDeclarationFile) continue;
      for (const statement of file.statements) {
        if (!ts.isTypeAliasDeclaration(statement)) continue;
        const type = this.checker.getTypeAtLocation(statement.name);
        if (type.isUnion() && type.types.every((t) => t.isStringLiteral())) {
          byValues.set(unionKey(type), statement);
        }
      }
    }
    return byValues;
  }

  private enumType(type: ts.UnionType): string {
    const alias = this.namedUnions().get(unionKey(type));
    if (!alias) throw new Error(`unnamed string union ${this.checker.typeToString(type)}`);
    const name = alias.name.text;
    if (!this.types[typeToken(name)]) {
      this.types[typeToken(name)] = {
        type: "string",
        description: docOf(alias, this.checker),
        enum: type.types.map((t) => ({ value: (t as ts.StringLiteralType).value })),
      };
    }
    return this.ref(name);
  }

  private objectType(type: ts.Type, symbol: ts.Symbol): string {
    const key = typeToken(symbol.name);
    if (!this.types[key]) {
      this.types[key] = {}; // reserve: a type that refers to itself ends here
      this.types[key] = {
        type: "object",
        description: docOf(symbol.declarations![0], this.checker),
        ...this.objectSpec(type),
      };
    }
    return this.ref(symbol.name);
  }
}

/** Input properties of a resource or the provider: `properties` and `required` renamed as the schema has them. */
function inputs(spec: ObjectSpec): {
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
} {
  return { inputProperties: spec.properties, requiredInputs: spec.required };
}

/**
 * The package schema, without `version` (the plugin adds its own at run time, so that a version bump
 * does not change schema.json).
 *
 * @example
 * writeFileSync("schema.json", JSON.stringify(generateSchema(), null, 2) + "\n");
 */
export function generateSchema(): Record<string, unknown> {
  const b = new SchemaBuilder();
  const config = b.objectSpec(b.aliasType("SchemaProviderConfig"));
  const jobsInputs = b.objectSpec(b.aliasType("SchemaJobsInputs"));
  const gateInputs = b.objectSpec(b.aliasType("SchemaGateInputs"));
  // The file's text: a secret, so that state holds it only encrypted.
  const importInputs = b.objectSpec(b.aliasType("SchemaImportInputs"), new Set(["content"]));
  const secrets = new Set<string>(SECRET_RESULT_KEYS);
  // The provider's own settings have no provider to fall back on: the environment and the SDK decide.
  const providerDefaults: Record<string, string> = {
    region: "AWS_REGION / AWS_DEFAULT_REGION, then the profile's region",
    profile: "AWS_PROFILE, then the SDK's default chain",
    endpoint: "AWS_ENDPOINT_URL_MAILMANAGER, then AWS_ENDPOINT_URL, then the SDK's",
  };
  const providerProperties = Object.fromEntries(
    Object.entries(config.properties).map(([key, spec]) => [
      key,
      {
        ...spec,
        description:
          `${(spec.description ?? "").replace(/ Default: .*$/, "")} Used by every function call and resource ` +
          `of this provider that does not set \`${key}\` itself. Default: ${providerDefaults[key]}.`,
      },
    ]),
  );
  return {
    name: PACKAGE_NAME,
    displayName: "Mail Manager import jobs",
    description:
      "See, gate on, export and run AWS SES Mail Manager address-list import jobs: every page of " +
      "ListAddressListImportJobs as one stable, sorted result, a gate that waits for imports, and a " +
      "resource that imports a file into an address list.",
    // The registry files a package under its `category/` and `kind/` keywords.
    keywords: ["pulumi", "aws", "ses", "mailmanager", "category/cloud", "kind/native"],
    license: "Apache-2.0",
    publisher: GITHUB_OWNER,
    homepage: HOMEPAGE,
    repository: REPOSITORY,
    logoUrl: LOGO_URL,
    // Programs whose SDK or package declaration names this URL get the plugin installed by the engine.
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    // respectSchemaVersion: the SDKs ask the engine for the plugin of their own version (the schema's
    // version is added by the plugin at run time and by gen-sdks).
    language: {
      python: { packageName: PYTHON_PACKAGE, respectSchemaVersion: true, pyproject: { enabled: true } },
      go: { importBasePath: GO_IMPORT, respectSchemaVersion: true },
    },
    config: { variables: providerProperties },
    provider: {
      description:
        "Where the address lists are: region, profile and endpoint for every lookup of this provider.",
      inputProperties: providerProperties,
      properties: providerProperties,
    },
    functions: {
      [GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN]: {
        description: b.exportedDoc(
          PACKAGE_SOURCES.getAddressListImportJobs,
          "getAddressListImportJobs",
          true,
        ),
        inputs: b.objectSpec(b.aliasType("SchemaFunctionInputs")),
        outputs: b.objectSpec(b.aliasType("SchemaFunctionOutputs"), secrets),
      },
    },
    resources: {
      [ADDRESS_LIST_IMPORT_JOBS_TOKEN]: {
        description: b.exportedDoc(PACKAGE_SOURCES.AddressListImportJobs, "AddressListImportJobs", false),
        ...inputs(jobsInputs),
        ...b.objectSpec(b.aliasType("SchemaJobsOutputs"), secrets),
      },
      [IMPORT_JOBS_GATE_TOKEN]: {
        description: b.exportedDoc(PACKAGE_SOURCES.ImportJobsGate, "ImportJobsGate", false),
        ...inputs(gateInputs),
        ...b.objectSpec(b.aliasType("SchemaGateOutputs")),
      },
      [ADDRESS_LIST_IMPORT_TOKEN]: {
        description: b.exportedDoc(PACKAGE_SOURCES.AddressListImport, "AddressListImport", false),
        ...inputs(importInputs),
        ...b.objectSpec(b.aliasType("SchemaImportOutputs")),
      },
    },
    types: Object.fromEntries(Object.entries(b.types).sort(([a], [c]) => a.localeCompare(c))),
  };
}
