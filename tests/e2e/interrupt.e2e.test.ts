// End to end with the real Pulumi CLI: one SIGINT (or SIGTERM) to `pulumi up` while a dynamic
// ImportJobsGate or AddressListImport waits for a PROCESSING job stops the update within seconds with
// one line, leaving no pending operation and no lock, and the next `up` succeeds with no manual step.
// A crash (SIGKILL) does leave a lock and a pending CREATE: pinned here with the exact steps Pulumi
// demands. The table of docs/MAINTAINING.md ("Interruption") comes from this suite's log lines.
import { join } from "node:path";
import { addProgram, createConsumer, PulumiStack } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";
import {
  expectCrashNeedsCancel,
  expectGateResumes,
  expectImportResumes,
  HeldJobsEmulator,
  IMPORT_CONTENT,
} from "../support/interruption";

const PROGRAM = join(__dirname, "programs", "interrupt");
// Type checking is the other suites' job; here it would only delay the program's start.
const TRANSPILE_ONLY = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

jest.setTimeout(300_000);

describeE2e("Interrupting `pulumi up` of a TypeScript program (dynamic provider)", ["pulumi"], () => {
  let jobs: HeldJobsEmulator;
  let programDir: string;
  let stacks = 0;

  beforeAll(async () => {
    jobs = await HeldJobsEmulator.start();
    programDir = addProgram(createConsumer(), PROGRAM, "interrupt");
  });

  afterAll(async () => {
    await jobs?.close();
  });

  /** A fresh stack of the program, on a backend of its own. */
  async function newStack(config: Record<string, string>): Promise<PulumiStack> {
    stacks += 1;
    const stack = new PulumiStack(programDir, `interrupt-${stacks}`, TRANSPILE_ONLY);
    await stack.init({ endpoint: jobs.emulator.url, ...config });
    return stack;
  }

  /** A stack whose gate waits for one PROCESSING job. */
  async function gateStack(): Promise<{ stack: PulumiStack; addressListId: string; jobId: string }> {
    const addressListId = jobs.newList(`gate-${stacks + 1}`);
    const jobId = await jobs.processingJob(addressListId, "nightly");
    const stack = await newStack({ resource: "gate", addressListId });
    await stack.ok(["config", "set", "--path", "jobIds[0]", jobId]);
    return { stack, addressListId, jobId };
  }

  it.each([
    ["SIGINT", "process"],
    ["SIGINT", "group"],
    ["SIGTERM", "process"],
  ] as const)(
    "gate: %s to the pulumi %s stops `up` within seconds; the next `up` succeeds",
    async (signal, to) => {
      const { stack, addressListId, jobId } = await gateStack();
      await expectGateResumes(jobs, stack, {
        row: `TypeScript ImportJobsGate, ${signal} to the ${to}`,
        signal,
        to,
        addressListId,
        jobId,
        resource: /ImportJobsGate gate/,
        output: "jobIds",
      });
    },
  );

  it.each([["process"], ["group"]] as const)(
    "AddressListImport: SIGINT to the pulumi %s stops `up` within seconds; the next `up` finds the same job and succeeds",
    async (to) => {
      const addressListId = jobs.newList(`import-${to}`);
      const stack = await newStack({ resource: "import", addressListId, content: IMPORT_CONTENT });
      await expectImportResumes(jobs, stack, {
        row: `TypeScript AddressListImport, SIGINT to the ${to}`,
        signal: "SIGINT",
        to,
        addressListId,
        resource: /AddressListImport import/,
      });
    },
  );

  it("gate: after a crash (SIGKILL) the next `up` needs `pulumi cancel`; the pending CREATE then stays until `refresh --clear-pending-creates`", async () => {
    const { stack, jobId } = await gateStack();
    await expectCrashNeedsCancel(stack, {
      row: "TypeScript ImportJobsGate, SIGKILL to the group and every process below it",
      urnEnd: ":ImportJobsGate::gate",
      finish: () => jobs.finish(jobId),
    });
    expect((await stack.outputs()).jobIds).toEqual([jobId]);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });
});
