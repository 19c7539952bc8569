// The plugin installs itself, as for a user of a release: a fresh PULUMI_HOME where it was never
// installed, automatic plugin acquisition on, and `pulumi up` of the YAML example (whose package
// declaration names the version and `pluginDownloadURL`) and of the Python example (whose SDK's
// pulumi-plugin.json names them) downloads the release tarball of this platform, unpacks it and runs
// the self-contained executable, with no `node` anywhere on PATH. The release's GitHub download is
// stood in for by a local HTTP server holding the tarball and checksums.txt that `npm run
// build:plugin` writes (`npm run release:dry-run` publishes the same files), reached through the
// CLI's PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { buildPythonSdk } from "../../scripts/build/buildPythonSdk";
import { findPulumiCliDir, PulumiStack } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";
import { buildPluginTarball, copyProgram, PLUGIN_NAME, PLUGIN_VERSION } from "./pluginCli";
import { expectSameAsTypescript, ImportJobsEmulator } from "./pluginScenarios";
import { copyPythonProgram, installWheel, pulumiVirtualenv, PYTHON_EXAMPLE } from "../python/pythonCli";

const REPO = join(__dirname, "..", "..");
const YAML_EXAMPLE = join(REPO, "examples", "yaml");
const EXECUTABLE = `pulumi-resource-${PLUGIN_NAME}`;
/** What the engine makes of the schema's pluginDownloadURL (github://api.github.com/<owner>). */
const RELEASE_SOURCE = `github://api.github.com/pulumi-mailmanager-import-jobs/pulumi-${PLUGIN_NAME}`;

jest.setTimeout(600_000);

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A directory of release assets over HTTP on 127.0.0.1, recording each request's path and status. */
async function serveRelease(dir: string): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname.slice(1));
    const file = join(dir, basename(name));
    const found = name === basename(name) && existsSync(file);
    requests.push(`${request.method} /${name} ${found ? 200 : 404}`);
    if (!found) return void response.writeHead(404).end();
    const body = readFileSync(file);
    // The CLI rejects a download whose length it was not told (GitHub always sends it).
    response.writeHead(200, { "content-type": "application/gzip", "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describeE2e("The plugin installs itself from its release", ["pulumi", "pulumi-yaml", "pulumi-python"], () => {
  let jobs: ImportJobsEmulator;
  let release: { server: Server; url: string; requests: string[] };
  let tarball: string;
  let executableSha: string;
  let cliDir: string;

  /**
   * A stack in a fresh PULUMI_HOME, automatic plugin acquisition on, the plugin's GitHub release
   * redirected to the local server, and PATH = `dirs` only.
   */
  function autoInstallStack(programDir: string, name: string, dirs: string[]): PulumiStack {
    for (const dir of dirs) expect([dir, existsSync(join(dir, "node"))]).toEqual([dir, false]);
    return new PulumiStack(programDir, name, {
      PATH: dirs.join(delimiter),
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: undefined,
      // `regexp=URL`, matched against the source URL the engine derives from pluginDownloadURL.
      PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${RELEASE_SOURCE.replace(/\./g, "\\.")}$=${release.url}`,
    });
  }

  /** The plugin the engine installed into the stack's PULUMI_HOME. */
  function installedExecutable(stack: PulumiStack): string {
    return join(
      String(stack.env.PULUMI_HOME),
      "plugins",
      `resource-${PLUGIN_NAME}-v${PLUGIN_VERSION}`,
      EXECUTABLE,
    );
  }

  const tarballRequest = () => `GET /${basename(tarball)} 200`;

  beforeAll(async () => {
    jobs = await ImportJobsEmulator.start();
    cliDir = findPulumiCliDir() as string;
    // The release folder: a copy, since another suite may rebuild dist/plugin meanwhile.
    const built = buildPluginTarball();
    const dir = mkdtempSync(join(tmpdir(), "pmij-release-"));
    tarball = join(dir, basename(built));
    copyFileSync(built, tarball);
    copyFileSync(join(dirname(built), "checksums.txt"), join(dir, "checksums.txt"));
    const unpacked = mkdtempSync(join(tmpdir(), "pmij-release-unpacked-"));
    execFileSync("tar", ["-xzf", tarball, "-C", unpacked]);
    executableSha = sha256(join(unpacked, EXECUTABLE));
    release = await serveRelease(dir);
  });

  afterAll(async () => {
    await jobs?.close();
    await new Promise((resolve) => release?.server.close(resolve));
  });

  it("the release folder's checksums.txt verifies its tarball", () => {
    const checksums = readFileSync(join(dirname(tarball), "checksums.txt"), "utf8");
    expect(checksums).toContain(`${sha256(tarball)}  ${basename(tarball)}\n`);
  });

  it("YAML: the first `up` downloads the plugin once and runs it with no node on PATH; later runs reuse it", async () => {
    const list = await jobs.referenceList("auto-yaml");
    const stack = autoInstallStack(copyProgram(YAML_EXAMPLE), "auto-yaml", [cliDir]);
    await stack.init(jobs.exampleConfig(list.addressListId));
    expect((await stack.ok(["plugin", "ls", "--json"])).stdout).not.toContain(PLUGIN_NAME);
    const before = release.requests.length;

    const firstStart = Date.now();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const firstUp = (Date.now() - firstStart) / 1000;
    expect(release.requests.slice(before)).toEqual([tarballRequest()]);
    expect(sha256(installedExecutable(stack))).toBe(executableSha);
    await expectSameAsTypescript(jobs, stack, list);

    // The same program again, the plugin now installed: no download.
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    const secondStart = Date.now();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const installedUp = (Date.now() - secondStart) / 1000;
    expect(release.requests.slice(before)).toEqual([tarballRequest()]);
    await expectSameAsTypescript(jobs, stack, list);
    console.log(
      `YAML example, pulumi up: ${firstUp.toFixed(1)} s with the plugin's download and install, ` +
        `${installedUp.toFixed(1)} s with it installed`,
    );
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("Python: the SDK's pulumi-plugin.json leads the engine to the same download; `up` gives the TypeScript function's result", async () => {
    const venv = pulumiVirtualenv();
    installWheel(venv, buildPythonSdk());
    // The Python host needs python3 and dirname; a directory holding only those, so no node is found.
    const tools = mkdtempSync(join(tmpdir(), "pmij-python-tools-"));
    const python = execFileSync(
      process.env.PYTHON ?? "python3",
      ["-c", "import sys; print(sys.executable)"],
      {
        encoding: "utf8",
      },
    ).trim();
    symlinkSync(realpathSync(python), join(tools, "python3"));
    symlinkSync(
      execFileSync("sh", ["-c", "command -v dirname"], { encoding: "utf8" }).trim(),
      join(tools, "dirname"),
    );

    const list = await jobs.referenceList("auto-python");
    const stack = autoInstallStack(copyPythonProgram(PYTHON_EXAMPLE, venv), "auto-python", [cliDir, tools]);
    await stack.init(jobs.exampleConfig(list.addressListId));
    const before = release.requests.length;
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(release.requests.slice(before)).toEqual([tarballRequest()]);
    expect(sha256(installedExecutable(stack))).toBe(executableSha);
    await expectSameAsTypescript(jobs, stack, list);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });
});
