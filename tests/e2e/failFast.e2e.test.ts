// End to end with the real Pulumi CLI: a failing Output-form lookup fails `pulumi preview` with one
// line (the message and its fix), no stack trace, no rejection warnings, within seconds of the program
// starting — for a bad argument, an unknown list, rejected credentials and a closed port.
import { createServer } from "node:net";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { addProgram, createConsumer, PulumiStack } from "../support/pulumiCli";
import { describeE2e } from "../support/e2e";

const PROGRAM = join(__dirname, "programs", "fail-fast");

jest.setTimeout(300_000);

/** The bound: the preview has failed this long after the program started, at the latest. */
const FAIL_WITHIN_MS = 5_000;

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeE2e("Output-form failures with the Pulumi CLI", ["pulumi"], () => {
  let emulator: Emulator;
  let programDir: string;
  let addressListId: string;
  let stacks = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ faults: { latencyMs: 20 } });
    addressListId = emulator.seed({
      addressLists: [{ name: "e2e-fail-fast", jobs: [{ name: "done", status: "COMPLETED" }] }],
    }).addressListIds[0];
    programDir = addProgram(createConsumer(), PROGRAM, "fail-fast");
  });

  afterAll(async () => {
    await emulator?.close();
  });

  /** Runs `pulumi preview` on a fresh stack; returns its output and how long after the program started it ended. */
  async function failingPreview(
    config: Record<string, string>,
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ output: string; afterStartMs: number }> {
    stacks += 1;
    // Type checking is the other suites' job; here it would only delay the program's start.
    const stack = new PulumiStack(programDir, `fail-fast-${stacks}`, {
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      ...env,
    });
    await stack.init({ addressListId, endpoint: emulator.url, ...config });
    const result = await stack.run(["preview"]);
    const ended = Date.now();
    expect(result.code).not.toBe(0);
    const started = /program started at (\d+)/.exec(result.output);
    expect(started).not.toBeNull();
    return { output: result.output, afterStartMs: ended - Number(started![1]) };
  }

  /** What every failure must look like: the one-line message, and nothing of a crash. */
  function expectOneLine(output: string, message: string): void {
    expect(output).toContain(`error: ${message}`);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain("PromiseRejectionHandledWarning");
    expect(output).not.toContain("unhandled exception");
    expect(output).not.toContain("[cause]");
  }

  it("pageSize 0: the argument error, before any request", async () => {
    emulator.resetCalls();
    const { output, afterStartMs } = await failingPreview({ pageSize: "0" });
    expectOneLine(output, "[InvalidArgumentError] Expected `pageSize` to be an integer from 1 to 50, got 0.");
    expect(emulator.calls()).toBe(0);
    expect(afterStartMs).toBeLessThan(FAIL_WITHIN_MS);
    console.log(`pageSize 0: preview ended ${afterStartMs} ms after the program started`);
  });

  it("an unknown list: AddressListNotFoundError naming the list and how to find it", async () => {
    const { output, afterStartMs } = await failingPreview({ addressListId: "al-does-not-exist" });
    expectOneLine(output, "[AddressListNotFoundError] Address list `al-does-not-exist` was not found");
    expect(afterStartMs).toBeLessThan(FAIL_WITHIN_MS);
    console.log(`unknown list: preview ended ${afterStartMs} ms after the program started`);
  });

  it("rejected credentials: CredentialsError naming the fix", async () => {
    const { output, afterStartMs } = await failingPreview({}, { AWS_SECRET_ACCESS_KEY: "not-the-secret" });
    expectOneLine(output, "[CredentialsError] Mail Manager did not accept the credentials");
    expect(output).toContain("InvalidSignatureException");
    expect(output).toContain("AWS_SECRET_ACCESS_KEY");
    expect(afterStartMs).toBeLessThan(FAIL_WITHIN_MS);
    console.log(`bad credentials: preview ended ${afterStartMs} ms after the program started`);
  });

  it("a closed port: ServiceError saying nothing listens there", async () => {
    const port = await closedPort();
    const { output, afterStartMs } = await failingPreview({ endpoint: `http://127.0.0.1:${port}` });
    expectOneLine(output, "[ServiceError] ListAddressListImportJobs failed for address list");
    expect(output).toContain("ECONNREFUSED: nothing listens at the endpoint");
    expect(afterStartMs).toBeLessThan(FAIL_WITHIN_MS);
    console.log(`closed port: preview ended ${afterStartMs} ms after the program started`);
  });
});
