// The Pulumi-free entry really is free of Pulumi: requiring the built `./client` module (in a fresh
// Node process, so that nothing this test runner loaded counts) loads no file of @pulumi/pulumi, and
// its declarations never reach @pulumi/pulumi either (a TypeScript consumer without it still type-checks).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { REPO, ensureBuilt } from "./runBin";

const CLIENT_JS = join(REPO, "dist", "provider", "client.js");
const CLIENT_DTS = join(REPO, "dist", "provider", "client.d.ts");

beforeAll(() => ensureBuilt());

/** The files in require.cache after `node -e 'require(entry)'`, as the child reports them. */
function loadedFiles(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
}

describe("pulumi-mailmanager-import-jobs/client", () => {
  it("loads no module of @pulumi/pulumi (nor grpc or protobuf)", () => {
    const files = loadedFiles(CLIENT_JS);
    expect(files).toContain(CLIENT_JS);
    expect(files.some((file) => file.includes("@aws-sdk/client-mailmanager"))).toBe(true);
    expect(files.filter((file) => /@pulumi|@grpc|google-protobuf/.test(file))).toEqual([]);
  });

  it("the root entry, for contrast, does load @pulumi/pulumi (so the check above can fail)", () => {
    const files = loadedFiles(join(REPO, "dist", "provider", "index.js"));
    expect(files.some((file) => file.includes(`${join("node_modules", "@pulumi", "pulumi")}`))).toBe(true);
  });

  it("the bin loads no module of @pulumi/pulumi either", () => {
    const script =
      `process.argv = [process.argv[0], "bin", "--version"];` +
      `process.on("exit", () => require("fs").writeSync(2, JSON.stringify(Object.keys(require.cache))));` +
      `require(${JSON.stringify(join(REPO, "dist", "provider", "cli", "main.js"))});`;
    const { stderr } = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    const files = JSON.parse(stderr) as string[];
    expect(files.some((file) => file.endsWith(join("cli", "main.js")))).toBe(true);
    expect(files.filter((file) => /@pulumi|@grpc|google-protobuf/.test(file))).toEqual([]);
  });

  it("its declarations import nothing from @pulumi/pulumi, directly or through other declarations", () => {
    const seen = new Set<string>();
    const pending = [CLIENT_DTS];
    const offenders: string[] = [];
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const [, specifier] of text.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)) {
        if (specifier.startsWith(".")) {
          const target = resolve(dirname(file), `${specifier}.d.ts`);
          if (existsSync(target)) pending.push(target);
        } else if (/^@pulumi\/|^@grpc\/|^google-protobuf/.test(specifier)) {
          offenders.push(`${file}: ${specifier}`);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
