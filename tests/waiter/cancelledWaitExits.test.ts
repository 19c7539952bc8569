// A program whose wait was cancelled exits when its work is done: the delay between polls (up to
// `maxDelay`) must not keep Node.js running after `waitForImportJobs` rejected. Run as its own process,
// against the built package, as a user's script would be.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureBuilt } from "../support/builtPackage";

const DIST = join(__dirname, "..", "..", "dist");

const SCRIPT = `
const { waitForImportJobs } = require(${JSON.stringify(join(DIST, "provider", "client.js"))});
const { startEmulator } = require(${JSON.stringify(join(DIST, "emulator", "index.js"))});
(async () => {
  const emulator = await startEmulator({ processingMs: 600000 });
  const { addressListIds, jobIds } = emulator.seed({
    addressLists: [{ name: "members", jobs: [{ name: "import", status: "PROCESSING" }] }],
  });
  const error = await waitForImportJobs({
    addressListId: addressListIds[0],
    endpoint: emulator.url,
    jobIds: jobIds[0],
    minDelay: 60,
    maxDelay: 60,
    abortSignal: AbortSignal.timeout(300),
  }).catch((e) => e);
  await emulator.close();
  process.stdout.write(error.name + "\\n");
})();
`;

describe("a cancelled wait", () => {
  beforeAll(() => ensureBuilt());

  it("lets its process exit at once, not after the rest of the delay", () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ["-e", SCRIPT], {
      encoding: "utf8",
      timeout: 30_000,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_REGION: "us-east-1",
      },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("WaitAbortedError");
    // Before, the process stayed up for the 60 s delay (killed here at 30 s).
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 40_000);
});
