// End to end with the real Pulumi CLI: examples/gate-deployment installed from the tarball (with
// @pulumi/aws, as a user's program has it), against the emulator.
import { join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import { addProgram, createConsumer, PulumiStack } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";

const EXAMPLE = join(__dirname, "..", "..", "examples", "gate-deployment");

jest.setTimeout(300_000);

const PROCESSING_MS = 6_000;
// Type checking of the examples is `npm run typecheck`'s job (and the other e2e suite's); here it
// would only add @pulumi/aws's type-check time to every command.
const TRANSPILE_ONLY = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

describeE2e("ImportJobsGate with the Pulumi CLI", ["pulumi"], () => {
  let emulator: Emulator;
  let client: MailManagerClient;
  let programDir: string;
  let addressListId: string;

  /** Creates an import job and uploads `file` to its pre-signed URL; the job stays CREATED. */
  async function createImport(name: string, file: string): Promise<string> {
    const job = await client.send(
      new CreateAddressListImportJobCommand({
        AddressListId: addressListId,
        Name: name,
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    const put = await fetch(job.PreSignedUrl!, { method: "PUT", body: file });
    expect(put.status).toBe(200);
    return job.JobId!;
  }

  function startImport(jobId: string): Promise<unknown> {
    return client.send(new StartAddressListImportJobCommand({ JobId: jobId }));
  }

  beforeAll(async () => {
    emulator = await startEmulator({ processingMs: PROCESSING_MS });
    client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    addressListId = emulator.seed({ addressLists: [{ name: "e2e-gate" }] }).addressListIds[0];
    const consumer = createConsumer({
      extraDependencies: { "@pulumi/aws": "7.48.0", "@pulumi/aws-native": "1.79.0" },
    });
    programDir = addProgram(consumer, EXAMPLE, "gate-deployment");
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  it("waits for a PROCESSING job, shows its progress, and creates the dependent resource after it", async () => {
    const stack = new PulumiStack(programDir, "waits", TRANSPILE_ONLY);
    const jobId = await createImport(
      "nightly",
      "address\nada@example.com\ngrace@example.com\nnot-an-address\n",
    );
    await stack.init({ addressListId, endpoint: emulator.url, minDelay: "1", maxDelay: "2" });
    await stack.ok(["config", "set", "--path", "jobIds[0]", jobId]);

    // The job is started only once the gate is seen waiting, so the gate really waits for it
    // however long the program takes to start.
    let started: Promise<unknown> | undefined;
    const up = await stack.run(["up", "--yes", "--skip-preview"], 180_000, (output) => {
      if (!started && /waiting for 1 import job/.test(output)) started = startImport(jobId);
    });
    await started;
    if (up.code !== 0) throw new Error(up.output);

    // Progress reached the user on the gate's row, then the final line.
    expect(up.output).toMatch(/ImportJobsGate\s+newsletter-imports-done.*waiting for 1 import job/);
    expect(up.output).toContain(`${jobId} CREATED`);
    expect(up.output).toContain(`${jobId} PROCESSING`);
    expect(up.output).toMatch(new RegExp(`finished: ${jobId} COMPLETED \\(imported 2, failed 1\\)`));

    const outputs = await stack.outputs();
    expect(outputs.gatedJobIds).toEqual([jobId]);
    expect(outputs.importedItems).toBe(2);

    // The resource that `dependsOn` the gate was created after the import completed.
    const done = await client.send(new GetAddressListImportJobCommand({ JobId: jobId }));
    expect(done.Status).toBe("COMPLETED");
    const state = JSON.parse(await stack.exportState());
    const marker = state.deployment.resources.find((r: { urn: string }) =>
      r.urn.endsWith("::newsletter-release"),
    );
    expect(Date.parse(marker.outputs.createdAt)).toBeGreaterThanOrEqual(done.CompletedTimestamp!.getTime());

    // Nothing changed since: the gate re-checks in preview and reports no change.
    expect((await stack.run(["preview", "--expect-no-changes"])).code).toBe(0);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("fails `up` with the job id and its error text when the job FAILED", async () => {
    const stack = new PulumiStack(programDir, "fails", TRANSPILE_ONLY);
    // No `address` header line: the emulator fails the job, as the service does.
    const jobId = await createImport("broken-file", "email\nada@example.com\n");
    await startImport(jobId);
    await stack.init({ addressListId, endpoint: emulator.url, minDelay: "1", maxDelay: "2" });
    await stack.ok(["config", "set", "--path", "jobIds[0]", jobId]);

    const up = await stack.run(["up", "--yes", "--skip-preview"]);

    expect(up.code).not.toBe(0);
    const failed = await client.send(new GetAddressListImportJobCommand({ JobId: jobId }));
    expect(failed.Status).toBe("FAILED");
    expect(up.output).toContain(jobId);
    expect(up.output).toContain(failed.Error!);
    expect(up.output).toContain("broken-file");
    // The resource behind the gate was never created.
    expect(up.output).not.toMatch(/ReleaseMarker\s+newsletter-release\s+created/);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });
});
