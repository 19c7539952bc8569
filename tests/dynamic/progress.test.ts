// How the gate's progress reaches `pulumi up`: the engine address among the host's arguments, the
// engine log client (against a fake engine), and the throttled one-line messages.
import type { ImportJob } from "../../provider";
import { createEngineLog, engineAddress } from "../../provider/pulumi/engineLog";
import { describeProgress, reportProgress } from "../../provider/waiter/reportProgress";
import type { WaitProgress } from "../../provider/waiter/waitForImportJobs";
import { startFakeEngine } from "./providerHost";

const job = (jobId: string, status: ImportJob["status"], counts: Partial<ImportJob> = {}): ImportJob => ({
  jobId,
  name: jobId,
  status,
  addressListId: "al-1",
  createdTimestamp: "2024-05-01T00:00:00.000Z",
  ...counts,
});

const progress = (state: WaitProgress["state"], jobs: ImportJob[], elapsedSeconds = 0): WaitProgress => ({
  addressListId: "al-1",
  region: "us-east-1",
  poll: 1,
  elapsedSeconds,
  maxWaitTime: 600,
  state,
  jobs,
  reason: state === "FAILURE" ? "did not meet the policy (FAILED)" : "",
});

describe(engineAddress.name, () => {
  it.each([
    [["node", "dynamic-provider", "127.0.0.1:51234"], "127.0.0.1:51234"],
    [
      [
        "node",
        "dynamic-provider",
        "--logtostderr",
        "-v=9",
        "--tracing",
        "http://127.0.0.1:9411",
        "localhost:7",
      ],
      "localhost:7",
    ],
    [["node", "dynamic-provider", "0"], undefined],
    [["node", "dynamic-provider"], undefined],
  ])("finds the engine in %j", (argv, expected) => {
    expect(engineAddress(argv)).toBe(expected);
  });
});

describe(createEngineLog.name, () => {
  it("sends each message, in order, with the resource's URN", async () => {
    const engine = await startFakeEngine();
    try {
      const log = createEngineLog("urn:pulumi:s::p::t::gate", engine.address);
      log.info("first", true);
      log.info("second");
      await log.close();
      expect(engine.logs).toEqual([
        { severity: 1, message: "first", urn: "urn:pulumi:s::p::t::gate", ephemeral: true },
        { severity: 1, message: "second", urn: "urn:pulumi:s::p::t::gate", ephemeral: false },
      ]);
    } finally {
      await engine.close();
    }
  });

  it("is silent without an engine address", async () => {
    const log = createEngineLog("urn:x", undefined);
    log.info("nobody listens");
    await expect(log.close()).resolves.toBeUndefined();
  });
});

describe(describeProgress.name, () => {
  it("lists up to three jobs, then counts per status", () => {
    expect(
      describeProgress(progress("RETRY", [job("j-1", "PROCESSING", { importedItemsCount: 3 })], 35.4)),
    ).toBe(
      "waiting for 1 import job of address list al-1: j-1 PROCESSING (imported 3, failed 0) (35s of 600s)",
    );
    const many = ["CREATED", "PROCESSING", "PROCESSING", "COMPLETED"] as const;
    expect(
      describeProgress(
        progress(
          "RETRY",
          many.map((s, i) => job(`j-${i}`, s)),
        ),
      ),
    ).toBe(
      "waiting for 4 import jobs of address list al-1: 1 CREATED, 2 PROCESSING, 1 COMPLETED (0s of 600s)",
    );
    expect(describeProgress(progress("RETRY", []))).toBe(
      "waiting for an import job of address list al-1 to match the selection (0s of 600s)",
    );
    expect(describeProgress(progress("FAILURE", [job("j-1", "FAILED", { error: "bad file" })]))).toBe(
      'import jobs of address list al-1 did not meet the policy (FAILED): j-1 FAILED "bad file"',
    );
  });
});

describe(reportProgress.name, () => {
  it("sends a message when a status or count changes, else a heartbeat every 10 s", () => {
    let now = 0;
    const sent: [string, boolean | undefined][] = [];
    const report = reportProgress(
      { info: (message, ephemeral) => sent.push([message, ephemeral]) },
      { now: () => now },
    );
    const running = [job("j-1", "PROCESSING")];
    report(progress("RETRY", running, 0));
    now = 5_000;
    report(progress("RETRY", running, 5));
    now = 9_000;
    report(progress("RETRY", [job("j-1", "PROCESSING", { importedItemsCount: 1 })], 9));
    now = 15_000;
    report(progress("RETRY", [job("j-1", "PROCESSING", { importedItemsCount: 1 })], 15));
    now = 19_500;
    report(progress("RETRY", [job("j-1", "PROCESSING", { importedItemsCount: 1 })], 19.5));
    now = 20_000;
    report(progress("SUCCESS", [job("j-1", "COMPLETED", { importedItemsCount: 2 })], 20));
    expect(sent).toEqual([
      ["waiting for 1 import job of address list al-1: j-1 PROCESSING (0s of 600s)", true],
      [
        "waiting for 1 import job of address list al-1: j-1 PROCESSING (imported 1, failed 0) (9s of 600s)",
        true,
      ],
      [
        "waiting for 1 import job of address list al-1: j-1 PROCESSING (imported 1, failed 0) (20s of 600s)",
        true,
      ],
      ["1 import job of address list al-1 finished: j-1 COMPLETED (imported 2, failed 0)", false],
    ]);
  });
});
