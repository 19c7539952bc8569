// `npm run gen-sdks`: the Python and Go SDKs of the provider plugin, written by Pulumi's own code
// generators from the plugin's schema into sdk/python and sdk/go (committed; see docs/SDKS.md).
// `npm run gen-sdks -- --check` regenerates into a temporary directory and fails, listing the files,
// when anything differs from what is committed, so the SDKs cannot drift from the schema.
//
// `pulumi package gen-sdk` would need the Python and Go language hosts, which cannot be installed
// here, so scripts/build/gensdk (a small Go program on the generator modules the CLI is built from)
// does the generation; it is built once into the cache, outside the repository, keyed by its sources.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import {
  DESCRIPTION,
  GO_MODULE,
  PLUGIN_DOWNLOAD_URL,
  PYTHON_PACKAGE,
  REPOSITORY,
  VERSION,
} from "./packageMetadata";

const root = join(__dirname, "..", "..");
const gensdkDir = join(root, "scripts", "build", "gensdk");
const schemaFile = join(root, "provider", "plugin", "schema.json");
const sdkDir = join(root, "sdk");

/**
 * The plugin's schema (names, URLs and per-language settings included, see generateSchema.ts) plus
 * the version, which the plugin adds at run time: written into each SDK's pulumi-plugin.json and
 * package metadata, so that Pulumi runs exactly this plugin version.
 */
function sdkSpec(): Record<string, unknown> {
  return { ...JSON.parse(readFileSync(schemaFile, "utf8")), version: VERSION };
}

/**
 * The pulumi Go SDK version the generators come from (scripts/build/gensdk/go.mod): the Go SDK's
 * requirement.
 */
function pulumiGoSdkVersion(): string {
  const gomod = readFileSync(join(gensdkDir, "go.mod"), "utf8");
  const match = /^\s*github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)/m.exec(gomod);
  if (!match) throw new Error("scripts/build/gensdk/go.mod does not require github.com/pulumi/pulumi/sdk/v3");
  return match[1];
}

/** Builds scripts/build/gensdk once per source change into the cache; returns the executable. */
function gensdkBinary(): string {
  const hash = createHash("sha256");
  for (const file of ["go.mod", "go.sum", "main.go"]) hash.update(readFileSync(join(gensdkDir, file)));
  const cache =
    process.env.GENSDK_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-mailmanager-import-jobs", "gensdk");
  const binary = join(cache, hash.digest("hex").slice(0, 16), "gensdk");
  if (!existsSync(binary)) {
    console.error(`gen-sdks: building scripts/build/gensdk into ${dirname(binary)} (cold: a few minutes)`);
    mkdirSync(dirname(binary), { recursive: true });
    execFileSync("go", ["build", "-trimpath", "-o", binary, "."], {
      cwd: gensdkDir,
      env: { ...process.env, GOFLAGS: "-mod=mod", CGO_ENABLED: "0" },
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  return binary;
}

/** The Python distribution's README (pyproject.toml names it; PyPI shows it). */
function pythonReadme(): string {
  return `# ${PYTHON_PACKAGE}

${DESCRIPTION}

The Python SDK of the \`mailmanager-import-jobs\` Pulumi provider plugin, generated from its schema.

\`\`\`sh
pip install ${PYTHON_PACKAGE}==${VERSION}
\`\`\`

The plugin itself (\`pulumi-resource-mailmanager-import-jobs\` ${VERSION}, a self-contained executable)
needs no separate step: the package names its download location (\`${PLUGIN_DOWNLOAD_URL}\`), so
on the first \`pulumi preview\` or \`pulumi up\` the engine downloads it from ${REPOSITORY}/releases.

Documentation: ${REPOSITORY}#readme
`;
}

/** Generates both SDKs into `out` (python/, go/), complete with their package files. */
function generate(out: string): void {
  const spec = join(out, "schema.json");
  writeFileSync(spec, JSON.stringify(sdkSpec(), null, 2));
  execFileSync(gensdkBinary(), [spec, out], { stdio: ["ignore", "inherit", "inherit"] });
  rmSync(spec);
  writeFileSync(join(out, "python", "README.md"), pythonReadme());
  // The Go SDK is its own module, so that `go get` fetches only it; go.sum comes from `go mod tidy`.
  writeFileSync(
    join(out, "go", "go.mod"),
    `module ${GO_MODULE}\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 ${pulumiGoSdkVersion()}\n`,
  );
  execFileSync("go", ["mod", "tidy"], {
    cwd: join(out, "go"),
    env: { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Relative paths of every file below `dir`, sorted. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Files that differ between the two trees (added, removed or changed), as `sdk/...` paths. */
function differences(expected: string, actual: string): string[] {
  const want = files(expected);
  const have = files(actual);
  const all = [...new Set([...want, ...have])].sort();
  return all.filter((file) => {
    const a = join(expected, file);
    const b = join(actual, file);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
}

function main(): void {
  const check = process.argv.includes("--check");
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), "pmij-gen-sdks-"));
  try {
    generate(out);
    if (check) {
      const changed = differences(out, sdkDir);
      if (changed.length > 0) {
        console.error(
          `gen-sdks --check: the committed SDKs differ from what the schema generates:\n` +
            changed.map((file) => `  sdk/${file}`).join("\n") +
            `\nRun \`npm run gen-sdks\` and commit sdk/.`,
        );
        process.exit(1);
      }
      console.log(
        `gen-sdks --check: sdk/ is up to date (${files(out).length} files, ${Date.now() - started} ms)`,
      );
      return;
    }
    rmSync(sdkDir, { recursive: true, force: true });
    cpSync(out, sdkDir, { recursive: true });
    console.log(`gen-sdks: wrote ${files(sdkDir).length} files into sdk/ in ${Date.now() - started} ms`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main();
