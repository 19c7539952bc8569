// `npm run release:dry-run [-- --tag v<version>]`: writes dist/release/ with exactly what a release
// publishes, and checks it; .github/workflows/release.yml publishes that folder as it is.
//
//   pulumi-mailmanager-import-jobs-<version>.tgz          npm (`npm pack`)
//   pulumi-resource-mailmanager-import-jobs-v<version>-<platform>.tar.gz   the plugin, five platforms
//   pulumi_mailmanager_import_jobs-<version>-py3-none-any.whl, ...-<version>.tar.gz   PyPI (wheel, sdist)
//   go-sdk-tag.txt                                          the tag of the Go SDK module (sdk/go/v<version>)
//   checksums.txt                                           SHA-256 of every file above, `sha256sum -c` format
//
// Checks, all reported together: one version everywhere (package.json, the npm tarball, the plugin's
// GetPluginInfo and schema, the blob in every platform's executable, the wheel's and sdist's metadata
// and pulumi-plugin.json, the Go SDK, the examples' pins, the CHANGELOG, the tag given); `twine check`
// of the wheel and sdist; each plugin tarball's layout (one executable at the root, mode 0755), its
// binary's format and CPU, the darwin signatures, its size; the checksums.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { buildPlugin, PLUGIN_OUT, sha256 } from "./buildPlugin";
import { verifyAdhocSignature } from "./machoAdhocSign";
import { hostPlatform, PLATFORMS, type Platform } from "./nodeBinaries";
import { GO_MODULE, GO_TAG, PLUGIN_DOWNLOAD_URL, PYTHON_PACKAGE, ROOT, VERSION } from "./packageMetadata";
import { executableName } from "./pluginExecutables";
import { pluginInfo } from "./pluginInfo";

const RELEASE = join(ROOT, "dist", "release");
/** A download the engine makes on a user's first `up`: kept small enough to be unremarkable. */
const MAX_TARBALL_MB = 60;
const SEA_FUSE_FLIPPED = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1";

/** The binary format and CPU each platform's executable must have (ELF e_machine, Mach-O cputype, PE machine). */
const FORMATS: Record<Platform, { describe: string; matches: (file: Buffer) => boolean }> = {
  "linux-amd64": {
    describe: "ELF x86-64",
    matches: (f) => f.readUInt32BE(0) === 0x7f454c46 && f.readUInt16LE(18) === 0x3e,
  },
  "linux-arm64": {
    describe: "ELF AArch64",
    matches: (f) => f.readUInt32BE(0) === 0x7f454c46 && f.readUInt16LE(18) === 0xb7,
  },
  "darwin-amd64": {
    describe: "Mach-O x86_64",
    matches: (f) => f.readUInt32LE(0) === 0xfeedfacf && f.readUInt32LE(4) === 0x01000007,
  },
  "darwin-arm64": {
    describe: "Mach-O arm64",
    matches: (f) => f.readUInt32LE(0) === 0xfeedfacf && f.readUInt32LE(4) === 0x0100000c,
  },
  "windows-amd64": {
    describe: "PE x86-64",
    matches: (f) =>
      f.toString("latin1", 0, 2) === "MZ" && f.readUInt16LE(f.readUInt32LE(0x3c) + 4) === 0x8664,
  },
};

const problems: string[] = [];
function check(what: string, ok: boolean, detail = ""): void {
  if (!ok) problems.push(detail ? `${what}: ${detail}` : what);
}
/** Expects `actual` to be the release's version. */
function sameVersion(where: string, actual: string | undefined): void {
  check(`version in ${where}`, actual === VERSION, `${JSON.stringify(actual)}, expected "${VERSION}"`);
}

function run(command: string, args: string[], cwd = ROOT): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

/** A member of a zip archive (the wheel), read with Python's zipfile. */
function zipMember(python: string, archive: string, member: string): string {
  return run(python, [
    "-c",
    "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
    archive,
    member,
  ]);
}

function buildAll(tag: string | undefined): { tools: string } {
  if (tag !== undefined)
    check("the tag", tag === `v${VERSION}`, `${tag} does not name package.json's version ${VERSION}`);
  rmSync(RELEASE, { recursive: true, force: true });
  mkdirSync(RELEASE, { recursive: true });

  console.error(`release:dry-run: the plugin for ${PLATFORMS.join(", ")}`);
  for (const tarball of buildPlugin(PLATFORMS).values())
    copyFileSync(tarball, join(RELEASE, basename(tarball)));

  console.error("release:dry-run: the npm package");
  run("npm", ["run", "--silent", "build"]);
  run("npm", ["pack", "--silent", "--pack-destination", RELEASE]);

  console.error("release:dry-run: the Python SDK's wheel and sdist");
  const tools = run(join(ROOT, "scripts", "env", "ensure-release-tools"), []).trim();
  const source = mkdtempSync(join(tmpdir(), "pmij-release-python-"));
  try {
    // A copy, so that build/ and *.egg-info never land in the committed sdk/python.
    cpSync(join(ROOT, "sdk", "python"), source, { recursive: true });
    run(join(tools, "python"), ["-m", "build", "--sdist", "--wheel", "--outdir", RELEASE, source]);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }

  writeFileSync(join(RELEASE, "go-sdk-tag.txt"), `${GO_TAG}\n`);
  const assets = readdirSync(RELEASE).sort();
  writeFileSync(
    join(RELEASE, "checksums.txt"),
    assets.map((f) => `${sha256(join(RELEASE, f))}  ${f}\n`).join(""),
  );
  return { tools };
}

async function checkPluginTarballs(): Promise<void> {
  const blob = readFileSync(join(PLUGIN_OUT, "sea", "sea-prep.blob"));
  for (const platform of PLATFORMS) {
    const tarball = join(RELEASE, `pulumi-resource-mailmanager-import-jobs-v${VERSION}-${platform}.tar.gz`);
    const name = executableName(platform);
    const mb = statSync(tarball).size / 1e6;
    check(`${basename(tarball)} size`, mb <= MAX_TARBALL_MB, `${mb.toFixed(1)} MB > ${MAX_TARBALL_MB} MB`);
    const entries = run("tar", ["-tvzf", tarball]).trim().split("\n");
    check(
      `${basename(tarball)} layout`,
      entries.length === 1 && entries[0].startsWith("-rwxr-xr-x") && entries[0].endsWith(` ${name}`),
      `expected only ${name}, mode -rwxr-xr-x, at the root; found:\n    ${entries.join("\n    ")}`,
    );
    const dir = mkdtempSync(join(tmpdir(), `pmij-release-${platform}-`));
    try {
      run("tar", ["-xzf", tarball, "-C", dir]);
      const executable = join(dir, name);
      const file = readFileSync(executable);
      check(
        `${platform} executable`,
        FORMATS[platform].matches(file),
        `is not ${FORMATS[platform].describe}`,
      );
      check(
        `${platform} executable`,
        file.includes(SEA_FUSE_FLIPPED),
        "has no injected application (SEA fuse not flipped)",
      );
      // The same blob, hence the same bundle and version, in every platform's executable.
      check(`${platform} executable`, file.includes(blob), "does not hold this build's plugin bundle");
      if (platform.startsWith("darwin-")) {
        for (const problem of verifyAdhocSignature(executable))
          problems.push(`${platform} signature: ${problem}`);
      }
      if (platform === hostPlatform()) {
        // As the engine runs it, with no node reachable.
        const info = await pluginInfo(executable, { PATH: dir, HOME: process.env.HOME });
        sameVersion(`${platform} executable's GetPluginInfo`, info.version);
        sameVersion(`${platform} executable's schema`, info.schemaVersion);
        check(
          `${platform} executable's schema`,
          info.schema.pluginDownloadURL === PLUGIN_DOWNLOAD_URL,
          "names another pluginDownloadURL",
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function checkPackages(tools: string): void {
  const npmTarball = join(RELEASE, `pulumi-mailmanager-import-jobs-${VERSION}.tgz`);
  sameVersion(
    "the npm tarball",
    JSON.parse(run("tar", ["-xzOf", npmTarball, "package/package.json"])).version,
  );

  const python = join(tools, "python");
  const wheel = join(RELEASE, `${PYTHON_PACKAGE}-${VERSION}-py3-none-any.whl`);
  const sdist = join(RELEASE, `${PYTHON_PACKAGE}-${VERSION}.tar.gz`);
  const metadata = zipMember(python, wheel, `${PYTHON_PACKAGE}-${VERSION}.dist-info/METADATA`);
  sameVersion("the wheel's METADATA", /^Version: (\S+)$/m.exec(metadata)?.[1]);
  const plugin = JSON.parse(zipMember(python, wheel, `${PYTHON_PACKAGE}/pulumi-plugin.json`));
  sameVersion("the wheel's pulumi-plugin.json", plugin.version);
  check("the wheel's pulumi-plugin.json server", plugin.server === PLUGIN_DOWNLOAD_URL, `${plugin.server}`);
  const pkgInfo = run("tar", ["-xzOf", sdist, `${PYTHON_PACKAGE}-${VERSION}/PKG-INFO`]);
  sameVersion("the sdist's PKG-INFO", /^Version: (\S+)$/m.exec(pkgInfo)?.[1]);
  try {
    execFileSync(python, ["-m", "twine", "check", "--strict", wheel, sdist], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    problems.push(`twine check:\n${stdout ?? ""}${stderr ?? ""}`);
  }

  const goMod = readFileSync(join(ROOT, "sdk", "go", "go.mod"), "utf8");
  check("sdk/go/go.mod module", goMod.startsWith(`module ${GO_MODULE}\n`), `is not ${GO_MODULE}`);
  const goPlugin = JSON.parse(
    readFileSync(join(ROOT, "sdk", "go", "mailmanagerimportjobs", "pulumi-plugin.json"), "utf8"),
  );
  sameVersion("sdk/go's pulumi-plugin.json", goPlugin.version);
  check("sdk/go's pulumi-plugin.json server", goPlugin.server === PLUGIN_DOWNLOAD_URL, `${goPlugin.server}`);
  check("go-sdk-tag.txt", readFileSync(join(RELEASE, "go-sdk-tag.txt"), "utf8") === `sdk/go/v${VERSION}\n`);

  const declaration = readFileSync(
    join(ROOT, "examples", "yaml", "sdks", "mailmanager-import-jobs.yaml"),
    "utf8",
  );
  sameVersion("examples/yaml/sdks/mailmanager-import-jobs.yaml", /^version: (\S+)$/m.exec(declaration)?.[1]);
  const requirements = readFileSync(join(ROOT, "examples", "python", "requirements.txt"), "utf8");
  sameVersion(
    "examples/python/requirements.txt",
    new RegExp(`^${PYTHON_PACKAGE}==(\\S+)$`, "m").exec(requirements)?.[1],
  );
  const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
  check("CHANGELOG.md", changelog.includes(`## [${VERSION}]`), `has no "## [${VERSION}]" section`);
}

function checkChecksums(): void {
  const lines = readFileSync(join(RELEASE, "checksums.txt"), "utf8").trim().split("\n");
  const listed = lines.map((line) => line.split("  ")[1]).sort();
  const present = readdirSync(RELEASE)
    .filter((f) => f !== "checksums.txt")
    .sort();
  check(
    "checksums.txt",
    JSON.stringify(listed) === JSON.stringify(present),
    `lists ${listed.join(", ")}; the folder holds ${present.join(", ")}`,
  );
  for (const line of lines) {
    const [sum, file] = line.split("  ");
    check(`checksum of ${file}`, sha256(join(RELEASE, file)) === sum);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const tagIndex = process.argv.indexOf("--tag");
  const tag = tagIndex > 0 ? process.argv[tagIndex + 1] : undefined;
  const { tools } = buildAll(tag);
  await checkPluginTarballs();
  checkPackages(tools);
  checkChecksums();

  console.log(`dist/release (v${VERSION}):`);
  for (const file of readdirSync(RELEASE).sort()) {
    const bytes = statSync(join(RELEASE, file)).size;
    const size = bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
    console.log(`  ${size.padStart(9)}  ${file}`);
  }
  if (problems.length > 0) {
    console.error(`release:dry-run: ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log(`release:dry-run: every check passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
