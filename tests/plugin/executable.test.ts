// The self-contained plugin executable of this platform, as `npm run build:plugin` ships it: the
// tarball holds it alone at its root, executable; it runs with no `node` anywhere on PATH, ignores
// NODE_OPTIONS meant for the user's Node programs, and answers the engine's first questions with the
// package's version and the committed schema.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pluginInfo } from "../../scripts/build/pluginInfo";
import { buildPluginTarball, PLUGIN_NAME, PLUGIN_VERSION } from "./pluginCli";

const REPO = join(__dirname, "..", "..");
const committedSchema = JSON.parse(readFileSync(join(REPO, "provider", "plugin", "schema.json"), "utf8"));

jest.setTimeout(120_000);

describe("the plugin executable", () => {
  let tarball: string;
  let unpacked: string;

  beforeAll(() => {
    tarball = buildPluginTarball();
    // A copy: another suite may rebuild dist/plugin while this one runs.
    unpacked = mkdtempSync(join(tmpdir(), "pmij-executable-"));
    execFileSync("tar", ["-xzf", tarball, "-C", unpacked]);
  });

  it("is the tarball's only entry, at its root, mode 0755, and checksums.txt has the tarball's SHA-256", () => {
    const listing = execFileSync("tar", ["-tvzf", tarball], { encoding: "utf8" }).trim().split("\n");
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatch(new RegExp(`^-rwxr-xr-x .* pulumi-resource-${PLUGIN_NAME}$`));
    const sha = createHash("sha256").update(readFileSync(tarball)).digest("hex");
    const checksums = readFileSync(join(dirname(tarball), "checksums.txt"), "utf8");
    expect(checksums).toContain(`${sha}  ${basename(tarball)}\n`);
  });

  it("serves with no node on PATH and a NODE_OPTIONS that would break node, with the package's version and schema", async () => {
    const emptyPath = mkdtempSync(join(tmpdir(), "pmij-no-node-"));
    const info = await pluginInfo(join(unpacked, `pulumi-resource-${PLUGIN_NAME}`), {
      PATH: emptyPath,
      HOME: process.env.HOME,
      NODE_OPTIONS: "--require /nonexistent/preload.js",
    });
    expect(info.version).toBe(PLUGIN_VERSION);
    expect(info.schema).toEqual({ ...committedSchema, version: PLUGIN_VERSION });
  });
});
