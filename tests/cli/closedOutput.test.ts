// A reader that stops reading (`mailmanager-import-jobs list --output json | head -n 1`) ends the bin
// quietly, as SIGPIPE ends `ls`: exit 141, nothing on stderr, no stack. For every output format of
// `list` (about 1 MB of JSON for 3,000 jobs, far more than a pipe holds), and for the progress lines of
// `wait` and `import` on a closed stderr.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { manyJobs, seedList, startTestEmulator } from "../support/emulatorFixture";
import { BIN, binEnv, ensureBuilt, startBin, type BinResult, type RunningBin } from "./runBin";

/** A seeded PROCESSING job finishes this long after it was seeded, and a started import job too. */
const PROCESSING_MS = 1_000;

const dir = mkdtempSync(join(tmpdir(), "mm-closed-output-"));

let emulator: Emulator;
let bigList: string;

beforeAll(async () => {
  ensureBuilt();
  emulator = await startTestEmulator({ processingMs: PROCESSING_MS });
  ({ addressListId: bigList } = seedList(emulator, manyJobs(3_000)));
});

afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Closes the reading end of the child's `stream` once the first bytes arrive, as `head -c 1` would. */
function closeAfterFirstChunk(bin: RunningBin, stream: "stdout" | "stderr"): Promise<BinResult> {
  const pipe = bin.child[stream];
  pipe?.once("data", () => pipe.destroy());
  return bin.done;
}

const list = (...extra: string[]) => [
  "list",
  "--address-list-id",
  bigList,
  "--endpoint",
  emulator.url,
  ...extra,
];

describe("a closed stdout", () => {
  it.each(["json", "csv", "table"])(
    "list --output %s into a reader that closes after the first chunk: exit 141, empty stderr",
    async (format) => {
      const { code, signal, stderr } = await closeAfterFirstChunk(
        startBin(list("--output", format)),
        "stdout",
      );
      expect({ code, signal, stderr }).toEqual({ code: 141, signal: null, stderr: "" });
    },
  );

  it("list --output json | head -n 1 in a shell: head gets its line, the bin exits 141 without a word", async () => {
    const script = `"$0" "$@" | head -n 1; echo "exit \${PIPESTATUS[0]}" >&2`;
    const child = spawn("bash", ["-c", script, process.execPath, BIN, ...list("--output", "json")], {
      env: binEnv(),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => child.on("close", resolve));
    expect({ stdout, stderr }).toEqual({ stdout: "{\n", stderr: "exit 141\n" });
  });
});

describe("a closed stderr", () => {
  it("wait: the progress line after the reader left ends the bin quietly (141)", async () => {
    const { addressListId } = seedList(emulator, [
      { jobId: "job-p", name: "p", status: "PROCESSING", importedItemsCount: 1, failedItemsCount: 0 },
    ]);
    const bin = startBin([
      "wait",
      "--address-list-id",
      addressListId,
      "--endpoint",
      emulator.url,
      "--min-delay",
      "0.2",
      "--max-delay",
      "0.2",
    ]);
    const { code, signal } = await closeAfterFirstChunk(bin, "stderr");
    expect({ code, signal }).toEqual({ code: 141, signal: null });
  });

  it("import: the upload's next progress line after the reader left ends the bin quietly (141)", async () => {
    const file = join(dir, "members.csv");
    writeFileSync(file, "address\nann@example.com\n");
    const { addressListId } = seedList(emulator, []);
    const bin = startBin([
      "import",
      "--address-list-id",
      addressListId,
      "--endpoint",
      emulator.url,
      "--file",
      file,
    ]);
    const { code, signal, stdout } = await closeAfterFirstChunk(bin, "stderr");
    expect({ code, signal, stdout }).toEqual({ code: 141, signal: null, stdout: "" });
  });
});
