// End to end with the real Pulumi CLI: examples/import-and-gate (AddressListImport, then the policy
// that dependsOn it) installed from the tarball, against the emulator — one job per content of the
// file, a rejected file, no address in state, and `pulumi up` killed at three points of the import.
import { join } from "node:path";
import { addProgram, createConsumer, PulumiStack } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";
import {
  ImportEmulator,
  IMPORT_RESOURCE,
  itFillsAList,
  type ImportStackFactory,
} from "../support/importScenarios";

const EXAMPLE = join(__dirname, "..", "..", "examples", "import-and-gate");

jest.setTimeout(600_000);

// Type checking of the examples is `npm run typecheck`'s job; here it would only add @pulumi/aws's
// type-check time to every command.
const TRANSPILE_ONLY = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

describeE2e("AddressListImport with the Pulumi CLI (TypeScript)", ["pulumi"], () => {
  let jobs: ImportEmulator;
  let consumer: string;

  /** A stack of its own copy of the example, on the emulator's list `addressListId`, polling fast. */
  const newStack: ImportStackFactory = async (name, addressListId) => {
    const programDir = addProgram(consumer, EXAMPLE, name);
    const stack = new PulumiStack(programDir, name, TRANSPILE_ONLY);
    await stack.init({
      addressListId,
      endpoint: jobs.emulator.url,
      "aws:region": jobs.emulator.region,
      minDelay: "0.5",
      maxDelay: "1",
      maxWaitTime: "60",
    });
    return { stack, membersFile: join(programDir, "members.csv") };
  };

  beforeAll(async () => {
    jobs = await ImportEmulator.start();
    consumer = createConsumer({
      extraDependencies: { "@pulumi/aws": "7.48.0", "@pulumi/aws-native": "1.79.0" },
    });
  });

  afterAll(async () => {
    await jobs?.close();
  });

  itFillsAList(() => jobs, newStack);

  it("the policy's stand-in is created only after the import completed", async () => {
    const addressListId = jobs.newList("ordering");
    const { stack } = await newStack("ordering", addressListId);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const state = JSON.parse(await stack.exportState());
    const of = (suffix: string) =>
      state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith(suffix));
    const imported = of(`AddressListImport::${IMPORT_RESOURCE}`);
    const standIn = of("PolicyStandIn::newsletter-recipients-only");
    expect(standIn.dependencies).toContain(imported.urn);
    const job = await jobs.onlyJob(addressListId);
    expect(imported.outputs.jobId).toBe(job.JobId);
    expect(Date.parse(standIn.outputs.createdAt)).toBeGreaterThanOrEqual(job.CompletedTimestamp!.getTime());
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });
});
