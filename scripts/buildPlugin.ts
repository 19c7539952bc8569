// `npm run build:plugin`: the provider plugin for every Pulumi language (see docs/PLUGIN.md).
//
// 1. provider/plugin/schema.json, generated from the TypeScript definitions (generateSchema.ts);
// 2. one esbuild bundle of provider/plugin/main.ts: a JavaScript executable that needs only `node`;
// 3. dist/plugin/pulumi-resource-mailmanager-import-jobs-v<version>-<os>-<arch>.tar.gz for each
//    platform the Pulumi CLI runs on with a POSIX shell (the bundle is the same for all of them),
//    installable with `pulumi plugin install resource mailmanager-import-jobs <version> --file <tarball>`.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { generateSchema } from "../provider/plugin/generateSchema";
import { PACKAGE_NAME } from "../provider/plugin/tokens";

const root = join(__dirname, "..");
const version: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
const executable = `pulumi-resource-${PACKAGE_NAME}`;
const platforms = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"];
const out = join(root, "dist", "plugin");
const binDir = join(out, "bin");

const started = Date.now();
const schemaFile = join(root, "provider", "plugin", "schema.json");
const schemaText = `${JSON.stringify(generateSchema(), null, 2)}\n`;
// Rewritten only when it changed: a test may be reading it while another suite builds the plugin.
if (!existsSync(schemaFile) || readFileSync(schemaFile, "utf8") !== schemaText) {
  writeFileSync(schemaFile, schemaText);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(binDir, { recursive: true });
const bundle = join(binDir, executable);
const result = buildSync({
  entryPoints: [join(root, "provider", "plugin", "main.ts")],
  outfile: bundle,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Whitespace and dead branches only: names stay, so that stack traces in `pulumi up` stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  // engineLog.ts takes the bundled grpc-js instead of resolving one beside @pulumi/pulumi.
  define: { "process.env.MAILMANAGER_IMPORT_JOBS_BUNDLED": '"true"' },
});
if (result.errors.length > 0 || result.warnings.length > 0) {
  throw new Error(`esbuild: ${result.errors.length} errors, ${result.warnings.length} warnings`);
}
chmodSync(bundle, 0o755);

for (const platform of platforms) {
  const tarball = join(out, `${executable}-v${version}-${platform}.tar.gz`);
  execFileSync("tar", ["-czf", tarball, "-C", binDir, executable]);
}
const kb = (file: string) => `${Math.round(statSync(file).size / 1024)} KB`;
console.log(
  `build:plugin: ${executable} v${version}: bundle ${kb(bundle)}, schema ${kb(schemaFile)}, ` +
    `${platforms.length} tarballs (${kb(join(out, `${executable}-v${version}-linux-amd64.tar.gz`))} each) ` +
    `in dist/plugin, ${Date.now() - started} ms`,
);
