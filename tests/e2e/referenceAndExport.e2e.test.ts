// End to end with the real Pulumi CLI: the package installed from its `npm pack` tarball into a fresh
// program directory, the emulator over HTTP, a local file backend with passphrase secrets.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import { startEmulator, type Emulator } from "../../emulator";
import { addProgram, createConsumer, PulumiStack, type RunResult } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";

const EXAMPLES = join(__dirname, "..", "..", "examples");

jest.setTimeout(300_000);

/** Every file under a directory, read as text: the local backend's state, history and backups. */
function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? readTree(path) : readFileSync(path, "utf8")))
    .join("\n");
}

/** Steps other than "same" in `pulumi preview --json`. */
function changedSteps(preview: RunResult): Array<{ op: string; urn: string }> {
  const plan = JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> };
  return (plan.steps ?? []).filter((s) => s.op !== "same");
}

const HOUR = 3_600_000;

describeE2e("Pulumi CLI end to end", ["pulumi"], () => {
  let emulator: Emulator;
  let client: MailManagerClient;
  let consumer: string;
  let addressListId: string;
  let expectedOrder: string[];
  let expectedLatestCompleted: string;
  let failedCount: number;

  beforeAll(async () => {
    emulator = await startEmulator({ listOrder: "shuffled", processingMs: 500 });
    client = new MailManagerClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
    });
    // 73 jobs: two pages at the maximum page size, and ties on createdTimestamp broken by jobId.
    const base = Date.UTC(2026, 10, 1);
    const jobs = Array.from({ length: 73 }, (_, i) => ({
      name: `import-${String(i).padStart(2, "0")}`,
      status: (i % 10 === 3 ? "FAILED" : "COMPLETED") as "FAILED" | "COMPLETED",
      createdTimestamp: base + Math.floor(i / 3) * HOUR,
      startTimestamp: base + Math.floor(i / 3) * HOUR + 1000,
      completedTimestamp: base + Math.floor(i / 3) * HOUR + 60_000,
      importedItemsCount: i % 10 === 3 ? 0 : 10 + i,
      failedItemsCount: i % 10 === 3 ? 0 : i % 2,
      ...(i % 10 === 3 ? { error: "The file has no 'address' header line." } : {}),
    }));
    failedCount = jobs.filter((j) => j.status === "FAILED").length;
    const seeded = emulator.seed({ addressLists: [{ name: "e2e-newsletter", jobs }] });
    addressListId = seeded.addressListIds[0];
    const sorted = seeded.jobIds[0]
      .map((jobId, i) => ({ jobId, created: jobs[i].createdTimestamp, status: jobs[i].status }))
      .sort((a, b) => a.created - b.created || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0));
    expectedOrder = sorted.map((j) => j.jobId);
    expectedLatestCompleted = sorted.filter((j) => j.status === "COMPLETED").at(-1)!.jobId;
    consumer = createConsumer();
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  describe("reference jobs (examples/reference-jobs)", () => {
    let stack: PulumiStack;

    beforeAll(async () => {
      stack = new PulumiStack(addProgram(consumer, join(EXAMPLES, "reference-jobs"), "reference-jobs"));
      await stack.init({ addressListId, endpoint: emulator.url });
    });

    it("`up` puts every job, sorted, and the summaries in the stack outputs", async () => {
      await stack.ok(["up", "--yes", "--skip-preview"]);
      const outputs = await stack.outputs();
      expect(outputs.jobIds).toEqual(expectedOrder);
      expect(outputs.jobCounts).toEqual({
        total: 73,
        CREATED: 0,
        PROCESSING: 0,
        COMPLETED: 73 - failedCount,
        FAILED: failedCount,
        STOPPED: 0,
      });
      expect(outputs.allCompleted).toBe(false);
      expect(outputs.importedItems).toBe(
        Array.from({ length: 73 }, (_, i) => (i % 10 === 3 ? 0 : 10 + i)).reduce((a, b) => a + b, 0),
      );
      // Seeded jobs are CSV: the newest completed CSV job is the last completed one in creation order.
      expect(outputs.latestCompletedCsvJobId).toBe(expectedLatestCompleted);
    });

    it("a second `preview --expect-no-changes` passes although every upload URL was re-signed", async () => {
      // The emulator re-signs the pre-signed URL on every response that carries one.
      const a = await client.send(new GetAddressListImportJobCommand({ JobId: expectedOrder[0] }));
      const b = await client.send(new GetAddressListImportJobCommand({ JobId: expectedOrder[0] }));
      expect(a.PreSignedUrl).not.toEqual(b.PreSignedUrl);
      const preview = await stack.run(["preview", "--expect-no-changes"]);
      expect(preview.code).toBe(0);
    });

    it("a new job makes `preview` show exactly one update, on AddressListImportJobs", async () => {
      await client.send(
        new CreateAddressListImportJobCommand({
          AddressListId: addressListId,
          Name: "appeared-later",
          ImportDataFormat: { ImportDataType: "JSON" },
        }),
      );
      const preview = await stack.ok(["preview", "--json"]);
      const steps = changedSteps(preview);
      expect(steps).toHaveLength(1);
      expect(steps[0].op).toBe("update");
      expect(steps[0].urn).toMatch(
        /::pulumi-nodejs:dynamic\/mailmanager:AddressListImportJobs::newsletter-imports$/,
      );
    });

    it("`destroy` removes every resource", async () => {
      await stack.ok(["destroy", "--yes", "--skip-preview"]);
      const state = JSON.parse(await stack.exportState());
      expect(state.deployment.resources ?? []).toEqual([]);
    });
  });

  describe("export stack outputs (examples/export-outputs)", () => {
    let stack: PulumiStack;
    let pendingJobId: string;

    beforeAll(async () => {
      const created = await client.send(
        new CreateAddressListImportJobCommand({
          AddressListId: addressListId,
          Name: "waiting-for-its-file",
          ImportDataFormat: { ImportDataType: "CSV" },
        }),
      );
      pendingJobId = created.JobId!;
      stack = new PulumiStack(addProgram(consumer, join(EXAMPLES, "export-outputs"), "export-outputs"));
      await stack.init({ addressListId, endpoint: emulator.url });
      await stack.ok(["up", "--yes", "--skip-preview"]);
    });

    it("exports a summary of the sorted jobs", async () => {
      const outputs = await stack.outputs();
      const summary = outputs.importSummary as Record<string, unknown>;
      expect(summary.total).toBe((outputs.importJobs as unknown[]).length);
      expect(summary.failedOrStopped).toBe(failedCount);
      expect(summary.latestJobId).toBe(pendingJobId);
      expect((outputs.importJobs as Array<{ jobId: string }>).slice(0, 73).map((j) => j.jobId)).toEqual(
        expectedOrder,
      );
      expect(JSON.stringify(outputs.importJobs)).not.toMatch(/upload|PreSigned|preSigned/);
    });

    it("outputs do not churn: `preview --expect-no-changes` passes", async () => {
      const preview = await stack.run(["preview", "--expect-no-changes", "--diff"]);
      expect(preview.code).toBe(0);
    });

    it("with includePreSignedUrls, the URL never appears in plain text in state or outputs", async () => {
      const uploadPath = `/upload/${pendingJobId}`;
      // The secret is there (the check below is not vacuous)...
      const shown = await stack.ok(["stack", "output", "--json", "--show-secrets"]);
      expect(shown.stdout).toContain(uploadPath);
      // ...but only encrypted: not in `stack output`, `stack export` or any file of the backend.
      const outputs = await stack.ok(["stack", "output", "--json"]);
      expect(outputs.stdout).not.toContain(uploadPath);
      expect(JSON.parse(outputs.stdout).pendingUploadUrls).toBe("[secret]");
      expect(await stack.exportState()).not.toContain(uploadPath);
      const backendDir = stack.env.PULUMI_BACKEND_URL!.replace(/^file:\/\//, "");
      const files = readTree(backendDir);
      expect(files).toContain(pendingJobId); // the state was read...
      expect(files).not.toContain(uploadPath); // ...and holds no URL in plain text
    });
  });

  describe("an addressListId unknown at preview time (made by another resource of the program)", () => {
    it("previews and deploys", async () => {
      const stack = new PulumiStack(
        addProgram(consumer, join(__dirname, "programs", "unknown-list-id"), "unknown-list-id"),
      );
      await stack.init({ endpoint: emulator.url });
      const preview = await stack.run(["preview"]);
      expect(preview.code).toBe(0);
      await stack.ok(["up", "--yes", "--skip-preview"]);
      const outputs = await stack.outputs();
      expect(outputs.addressListId).toMatch(/^[a-zA-Z0-9-]+$/);
      expect(outputs.totalViaFunction).toBe(0);
      expect(outputs.totalViaResource).toBe(0);
      await stack.ok(["destroy", "--yes", "--skip-preview"]);
    });
  });
});
