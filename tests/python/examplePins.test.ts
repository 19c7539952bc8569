// examples/python pins the SDK by version; the SDK's version is the package's (npm run gen-sdks), so
// a release that bumps package.json must bump the example too, or users copying it get the old SDK.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
const read = (file: string) => readFileSync(join(REPO, file), "utf8");

it("examples/python/requirements.txt pins the SDK version that gen-sdks writes (package.json's)", () => {
  const version = JSON.parse(read("package.json")).version as string;
  expect(read("examples/python/requirements.txt")).toMatch(
    new RegExp(`^pulumi_mailmanager_import_jobs==${version.replace(/\./g, "\\.")}$`, "m"),
  );
  expect(read("sdk/python/pyproject.toml")).toContain(`version = "${version}"`);
});
