// Bad arguments of importAddresses fail with an InvalidArgumentError that names the field, the value
// and what is allowed, before any request or upload; the file's content never appears in a message.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  importAddresses,
  isInvalidArgumentError,
  validateImportAddressesArgs,
  type ImportAddressesArgs,
  type InvalidArgumentError,
} from "../../provider/client";
import { defaultJobName } from "../../provider/importer/defaultJobName";
import { inferImportFormat } from "../../provider/importer/inferImportFormat";
import { useImporterFixture } from "./importFixture";

const fixture = useImporterFixture();

/** An address that must never appear in a message. */
const SECRET = "private.person@example.com";

/** What `importAddresses(args)` rejected with; fails the test when it resolves. */
async function rejection(args: Record<string, unknown>): Promise<InvalidArgumentError> {
  try {
    await importAddresses(args as unknown as ImportAddressesArgs);
  } catch (error) {
    return error as InvalidArgumentError;
  }
  throw new Error("Expected importAddresses to reject.");
}

describe("importAddresses rejects bad arguments before any request", () => {
  let listId: string;
  let base: Record<string, unknown>;
  beforeAll(() => {
    listId = fixture.newList();
    writeFileSync(join(fixture.dir, "empty.csv"), "");
    writeFileSync(join(fixture.dir, "list.txt"), `address\n${SECRET}\n`);
    mkdirSync(join(fixture.dir, "folder.csv"));
  });
  beforeEach(() => {
    base = { ...fixture.args(listId) };
    fixture.emulator.resetCalls();
  });
  afterEach(() => {
    expect(fixture.emulator.calls()).toBe(0);
    expect(fixture.emulator.uploads()).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      "a missing file, by its path",
      { file: "./nowhere/subscribers.csv" },
      "file",
      /"\.\/nowhere\/subscribers\.csv": there is no such file/,
    ],
    ["a directory", { file: "<dir>/folder.csv" }, "file", /folder\.csv": it is a directory/],
    ["an empty file", { file: "<dir>/empty.csv" }, "file", /empty\.csv": it is empty/],
    [
      "both file and content",
      { file: "a.csv", content: "x", format: "CSV" },
      "content",
      /either `file` or `content`, got both/,
    ],
    [
      "neither file nor content",
      {},
      "file",
      /`file` \(a path such as "\.\/addresses\.csv"\) or `content`.*got neither/,
    ],
    [
      "content without format",
      { content: `address\n${SECRET}\n` },
      "format",
      /`format` \("CSV" or "JSON"\) next to `content`/,
    ],
    [
      "a file name that tells no format",
      { file: "<dir>/list.txt" },
      "format",
      /ends neither in \.csv nor in \.json/,
    ],
    [
      "a format that is not CSV or JSON",
      { content: "x", format: "XML" },
      "format",
      /one of "CSV" or "JSON", got "XML"/,
    ],
    [
      "a job name with a space",
      { content: "x", format: "CSV", name: "march list" },
      "name",
      /`name` to be 1 to 255 letters, digits, `_`, `\.` or `-`.*got "march list"/,
    ],
    [
      "a job name of 256 characters",
      { content: "x", format: "CSV", name: "n".repeat(256) },
      "name",
      /`name` to be 1 to 255/,
    ],
    [
      "an empty clientToken",
      { content: "x", format: "CSV", clientToken: "" },
      "clientToken",
      /1 to 128 characters/,
    ],
    [
      "a clientToken of 129 characters",
      { content: "x", format: "CSV", clientToken: "t".repeat(129) },
      "clientToken",
      /1 to 128 characters/,
    ],
    [
      "a malformed jobId",
      { content: "x", format: "CSV", jobId: "job_1" },
      "jobId",
      /import job id \(1 to 255 letters, digits or hyphens\), got "job_1"/,
    ],
    [
      "a clientToken next to jobId",
      { content: "x", format: "CSV", jobId: "job-1", clientToken: "t" },
      "clientToken",
      /no `clientToken` next to `jobId`/,
    ],
    [
      "content that is no string or bytes",
      { content: 42, format: "CSV" },
      "content",
      /non-empty string or Buffer, got a number/,
    ],
    ["empty content", { content: "", format: "CSV" }, "content", /got an empty one/],
    [
      "wait that is not a boolean",
      { content: "x", format: "CSV", wait: "yes" },
      "wait",
      /`wait` to be true or false/,
    ],
    [
      "the waiter's policy: maxWaitTime 0",
      { content: "x", format: "CSV", maxWaitTime: 0 },
      "maxWaitTime",
      /`maxWaitTime` to be a number of seconds from 0\.1/,
    ],
    [
      "the waiter's policy: maxFailedItems -1",
      { content: "x", format: "CSV", maxFailedItems: -1 },
      "maxFailedItems",
      /integer of at least 0/,
    ],
    [
      "a bad addressListId",
      { addressListId: "al 1", content: "x", format: "CSV" },
      "addressListId",
      /`addressListId` to be 1 to 255 letters/,
    ],
    [
      "a misspelt argument",
      { fiel: "a.csv", content: "x", format: "CSV" },
      "fiel",
      /Unknown argument `fiel` \(did you mean `file`\?\)/,
    ],
  ])("%s", async (_label, extra, property, reason) => {
    const args = { ...base, ...extra };
    if (typeof args.file === "string") args.file = args.file.replace("<dir>", fixture.dir);
    const error = await rejection(args);
    expect(isInvalidArgumentError(error)).toBe(true);
    expect(error.failures.map((f) => f.property)).toContain(property);
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain(SECRET);
  });

  it("rejects an aborted signal's import before any request, naming no job", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection({
      ...base,
      content: "address\n",
      format: "CSV",
      abortSignal: controller.signal,
    });
    expect(error).toMatchObject({ name: "AddressImportAbortedError", step: "create" });
    expect(error.message).toContain("No import job was created.");
  });
});

describe("validateImportAddressesArgs", () => {
  it("returns failures as data, and rejects what a surface does not take with its reason", () => {
    expect(validateImportAddressesArgs({ addressListId: "al-1", file: "a.csv" })).toEqual([]);
    const failures = validateImportAddressesArgs(
      { addressListId: "al-1", file: "a.csv", onUpload: () => undefined },
      { onUpload: "`onUpload` is not an input of the resource: a resource input cannot be a function." },
    );
    expect(failures).toEqual([
      {
        property: "onUpload",
        reason: "`onUpload` is not an input of the resource: a resource input cannot be a function.",
      },
    ]);
  });
});

describe("the defaults taken from the file name", () => {
  it.each([
    ["./exports/march.csv", "march", "CSV"],
    ["/data/Subscribers 2025 (final).JSON", "Subscribers-2025-final", "JSON"],
    ["/data/€€€.csv", "import", "CSV"],
    ["/data/list.v2.txt", "list.v2", undefined],
  ])("%s: job name %s, format %s", (file, name, format) => {
    expect(defaultJobName(file)).toBe(name);
    expect(inferImportFormat(file)).toBe(format);
  });

  it("cuts a long name to the 255 characters a job name may have", () => {
    expect(defaultJobName(`${"a".repeat(300)}.csv`)).toBe("a".repeat(255));
  });
});
