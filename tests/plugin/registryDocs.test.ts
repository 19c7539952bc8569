// The Pulumi registry's pages of the package (docs/registry/) against what they describe: the front
// matter the registry needs, the schema's configuration keys, functions and resources, the install
// commands of each language's package, and the version and download URL of the YAML declaration.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
const read = (...path: string[]) => readFileSync(join(REPO, ...path), "utf8");
const schema = JSON.parse(read("provider", "plugin", "schema.json"));
const version = JSON.parse(read("package.json")).version as string;
const goModule = /^module (\S+)$/m.exec(read("sdk", "go", "go.mod"))?.[1];
const index = read("docs", "registry", "_index.md");
const installation = read("docs", "registry", "installation-configuration.md");

/** The front matter's `key: value` lines. */
function frontMatter(page: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(page)?.[1] ?? "";
  return Object.fromEntries(
    block
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

/** The text of the `## <title>` section of a page. */
function section(page: string, title: string): string {
  return new RegExp(`^## ${title}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, "m").exec(page)?.[1] ?? "";
}

describe("docs/registry", () => {
  it.each([
    ["_index.md", index],
    ["installation-configuration.md", installation],
  ])("%s has the front matter the registry reads: title, meta_desc, layout: package", (_, page) => {
    const matter = frontMatter(page);
    expect(Object.keys(matter)).toEqual(["title", "meta_desc", "layout"]);
    expect(matter.layout).toBe("package");
    expect(matter.title.length).toBeGreaterThan(5);
    expect(matter.meta_desc.length).toBeGreaterThan(40);
  });

  it("documents exactly the schema's provider configuration, in its order", () => {
    const keys = [
      ...section(installation, "Configuration").matchAll(/^\| `mailmanager-import-jobs:(\w+)` \|/gm),
    ].map((m) => m[1]);
    expect(keys).toEqual(Object.keys(schema.config.variables));
  });

  it("installs each language's package, and the YAML declaration names this version and the schema's download URL", () => {
    const install = section(installation, "Installation");
    expect(install).toContain("npm install pulumi-mailmanager-import-jobs @pulumi/pulumi");
    expect(install).toContain(`pip install ${schema.language.python.packageName}\n`);
    expect(install).toContain(`go get ${goModule}\n`);
    expect(install).toContain(`\n  version: ${version}\n  downloadUrl: ${schema.pluginDownloadURL}\n`);
    expect(install).toContain(`--server ${schema.pluginDownloadURL}`);
  });

  it("shows an example in every language and names every function and resource of the schema", () => {
    expect(index).toContain('{{< chooser language "typescript,python,go,yaml" >}}');
    for (const language of ["typescript", "python", "go", "yaml"]) {
      expect(index).toContain(`{{% choosable language ${language} %}}`);
    }
    const tokens = [...index.matchAll(/^\| `(mailmanager-import-jobs:index:\w+)` \|/gm)].map((m) => m[1]);
    expect(tokens.sort()).toEqual(
      [...Object.keys(schema.functions), ...Object.keys(schema.resources)].sort(),
    );
  });
});
