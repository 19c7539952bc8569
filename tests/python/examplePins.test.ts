// examples/python and examples/python-import pin the SDK by version; the SDK's version is the package's
// (npm run gen-sdks), so a release that bumps package.json must bump the examples too, or users copying
// them get the old SDK.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
const read = (file: string) => readFileSync(join(REPO, file), "utf8");

it.each(["examples/python", "examples/python-import"])(
  "%s/requirements.txt pins the SDK version that gen-sdks writes (package.json's)",
  (example) => {
    const version = JSON.parse(read("package.json")).version as string;
    expect(read(`${example}/requirements.txt`)).toMatch(
      new RegExp(`^pulumi_mailmanager_import_jobs==${version.replace(/\./g, "\\.")}$`, "m"),
    );
    expect(read("sdk/python/pyproject.toml")).toContain(`version = "${version}"`);
  },
);

it.each(["examples/yaml", "examples/yaml-import"])(
  "%s's package declaration names package.json's version and the schema's pluginDownloadURL",
  (example) => {
    const version = JSON.parse(read("package.json")).version as string;
    const schema = JSON.parse(read("provider/plugin/schema.json"));
    const declaration = read(`${example}/sdks/mailmanager-import-jobs.yaml`);
    expect(declaration).toMatch(/^packageDeclarationVersion: 1$/m);
    expect(declaration).toMatch(/^name: mailmanager-import-jobs$/m);
    expect(declaration).toMatch(new RegExp(`^version: ${version.replace(/\./g, "\\.")}$`, "m"));
    expect(declaration).toContain(`\ndownloadUrl: ${schema.pluginDownloadURL}\n`);
  },
);
