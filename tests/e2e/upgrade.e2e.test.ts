// End to end with the real Pulumi CLI: a stack deployed with this release keeps working after the
// package is upgraded to a release whose internal files all moved (tests/support/nextRelease.ts).
// Pulumi runs the provider text stored in state for refresh and destroy; that text requires only the
// public entry `pulumi-mailmanager-import-jobs/dynamic-provider`, so it runs the installed release.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { seedList, startTestEmulator, T0 } from "../support/emulatorFixture";
import { packageTarball } from "../support/builtPackage";
import { makeNextRelease, packRelease, RELEASE_0_1_0 } from "../support/nextRelease";
import { storedProviderText } from "../dynamic/storedProviderText";
import { addProgram, createConsumer, PulumiStack } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";

const PROGRAM = join(__dirname, "programs", "upgrade");

jest.setTimeout(600_000);

const REPO = join(__dirname, "..", "..");

/** Installs a tarball into the consumer directory, replacing the installed release. */
function install(consumer: string, tarball: string): void {
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball],
    {
      cwd: consumer,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

/** Every `__provider` text in an exported state. */
function storedProviderTexts(state: string): string[] {
  const texts = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "__provider" && typeof inner === "string") texts.add(inner);
        else visit(inner);
      }
    }
  };
  visit(JSON.parse(state));
  return [...texts].sort();
}

describeE2e("upgrading the package under a deployed stack", ["pulumi"], () => {
  let emulator: Emulator;
  let consumer: string;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const { addressListId } = seedList(emulator, [
      { jobId: "up-1", name: "january", status: "COMPLETED", createdTimestamp: T0, importedItemsCount: 3 },
    ]);
    consumer = createConsumer();
    stack = new PulumiStack(addProgram(consumer, PROGRAM, "upgrade"), "upgrade", {
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    });
    await stack.init({ addressListId, endpoint: emulator.url, "aws:region": emulator.region });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it("refreshes, previews without changes, updates and destroys with a release whose internal files all moved", async () => {
    expect((await stack.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
    const before = storedProviderTexts(await stack.exportState());
    expect(before).toHaveLength(2);

    const next = makeNextRelease(packageTarball());
    expect(Object.keys(next.moved)).toContain("dist/provider/pulumi/importJobsGateProvider.js");
    install(consumer, next.tarball);
    const installed = join(consumer, "node_modules", "pulumi-mailmanager-import-jobs");
    for (const [old, now] of Object.entries(next.moved)) {
      expect(existsSync(join(installed, old))).toBe(false);
      expect(existsSync(join(installed, now))).toBe(true);
    }

    const codes: Record<string, number> = {};
    for (const [name, args] of [
      ["refresh", ["refresh", "--yes", "--skip-preview"]],
      ["preview", ["preview", "--expect-no-changes", "--diff"]],
      ["up", ["up", "--yes", "--skip-preview"]],
    ] as const) {
      const result = await stack.run([...args]);
      codes[name] = result.code;
      if (result.code !== 0)
        throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
    }
    // The next release stores the same text: no `~ __provider` churn, and old stacks stay as they are.
    expect(storedProviderTexts(await stack.exportState())).toEqual(before);
    codes.destroy = (await stack.run(["destroy", "--yes", "--skip-preview"])).code;
    expect(codes).toEqual({ refresh: 0, preview: 0, up: 0, destroy: 0 });
  });

  it("refreshes and destroys a stack deployed with 0.1.0, and updates it once so that its state stores the forwarder", async () => {
    const previous = packRelease(REPO, RELEASE_0_1_0);
    if (!previous) throw new Error(`commit ${RELEASE_0_1_0} (release 0.1.0) is not in this clone's history`);
    const { addressListId } = seedList(emulator, [
      {
        jobId: "mig-1",
        name: "february",
        status: "COMPLETED",
        createdTimestamp: T0,
        importedItemsCount: 2,
      },
    ]);
    const old = createConsumer();
    install(old, previous);
    const migrating = new PulumiStack(addProgram(old, PROGRAM, "upgrade"), "migrate", {
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    });
    const unmigrated = new PulumiStack(migrating.programDir, "destroy-unmigrated", {
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    });
    for (const stack of [migrating, unmigrated]) {
      await stack.init({ addressListId, endpoint: emulator.url, "aws:region": emulator.region });
      expect((await stack.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
    }
    const legacy = storedProviderTexts(await migrating.exportState());
    expect(legacy.every((text) => text.includes("pulumi-mailmanager-import-jobs/dist/provider/"))).toBe(true);

    install(old, packageTarball());
    // Before any `up`, Pulumi runs the stored 0.1.0 text: destroy and refresh must work with it.
    const destroyed = await unmigrated.run(["destroy", "--yes", "--skip-preview"]);
    if (destroyed.code !== 0) throw new Error(`destroy of a 0.1.0 stack failed:\n${destroyed.output}`);
    const refreshed = await migrating.run(["refresh", "--yes", "--skip-preview"]);
    if (refreshed.code !== 0) throw new Error(`refresh of a 0.1.0 stack failed:\n${refreshed.output}`);
    const preview = await migrating.run(["preview", "--diff"]);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/2 to update/);
    expect((await migrating.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
    expect(storedProviderTexts(await migrating.exportState())).toEqual(
      [storedProviderText("AddressListImportJobs"), storedProviderText("ImportJobsGate")].sort(),
    );
    expect((await migrating.run(["preview", "--expect-no-changes"])).code).toBe(0);
    expect((await migrating.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
  });
});
