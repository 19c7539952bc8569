import type { Emulator } from "../../emulator";
import {
  ADDRESS_LIST_IMPORT_JOBS_TYPE,
  getAddressListImportJobs,
  IMPORT_JOBS_GATE_TYPE,
  isInvalidArgumentError,
  waitForImportJobs,
  type ArgumentFailure,
  type InvalidArgumentError,
} from "../../provider";
import { addressListImportJobsProvider } from "../../provider/pulumi/addressListImportJobsProvider";
import { importJobsGateProvider } from "../../provider/pulumi/importJobsGateProvider";
import {
  REPO_ROOT,
  serializeProvider,
  startProviderHost,
  urnOf,
  type ProviderHost,
} from "../dynamic/providerHost";
import { startTestEmulator } from "../support/emulatorFixture";
import { bounded, printSummary } from "./support";

/**
 * Part 2 of the hardening issue: a table of bad inputs across the three surfaces — the data function,
 * the `AddressListImportJobs` resource and the `ImportJobsGate` (and its function form,
 * `waitForImportJobs`). Each is rejected with a message that names the field, shows the value and says
 * what is allowed, and no request reaches the emulator. For the resources that is a `check` failure,
 * in-process and through the real provider host; a `create` given the same inputs (as if `check` had
 * been skipped) fails too, still without a request.
 */

type Surface = "function" | "resource" | "gate";

interface BadInput {
  readonly surface: Surface;
  /** What the row is about. */
  readonly about: string;
  /** Arguments on top of the surface's valid base (a key set to `undefined` is left out). */
  readonly args: Readonly<Record<string, unknown>>;
  /** The failure's `property`. */
  readonly field: string;
  /** How the message names the field. @default `field` in backticks */
  readonly named?: string;
  /** The value as the message shows it. */
  readonly shown: string;
  /** What the message says is allowed. */
  readonly allowed: RegExp;
  /**
   * A key that is not one of the resource's inputs: `check` rejects it, and `create` (which the engine
   * never calls after a failed `check`) reads only its inputs, so it is not asked to reject it too.
   */
  readonly notAnInput?: true;
}

const LIST = "al-bad-inputs";
const ID = /1 to 255 letters, digits or hyphens \(\^\[a-zA-Z0-9-\]\+\$\)/;
const PAGE_SIZE = /an integer from 1 to 50/;
const STATUS = /one of "CREATED", "PROCESSING", "COMPLETED", "FAILED" or "STOPPED"/;
const ISO = /an ISO-8601 date or date-time with a time zone, such as "2024-05-01" or "2024-05-01T12:00:00Z"/;
const REGION = /an AWS region name such as "us-east-1"/;
const ENDPOINT = /an http or https URL such as "http:\/\/127\.0\.0\.1:4566"/;
const DURATION = /a number of seconds from 0\.1 to 2147483/;
const long = (text: string) => `${JSON.stringify(text).slice(0, 77)}...`;

/** Valid arguments that the rows spoil one field at a time. */
function base(surface: Surface, emulator: Emulator): Record<string, unknown> {
  const where = { addressListId: LIST, region: emulator.region, endpoint: emulator.url };
  return surface === "function" ? { ...where, cache: false } : where;
}

// One row per line: a table reads better than prettier's one-field-per-line objects.
// prettier-ignore
const ROWS: readonly BadInput[] = [
  // The data function: every argument, by type, range, pattern, size and encoding.
  { surface: "function", about: "missing list", args: { addressListId: undefined }, field: "addressListId", shown: "got undefined", allowed: ID },
  { surface: "function", about: "empty list id", args: { addressListId: "" }, field: "addressListId", shown: 'got ""', allowed: ID },
  { surface: "function", about: "space in list id", args: { addressListId: "al 1" }, field: "addressListId", shown: '"al 1"', allowed: ID },
  { surface: "function", about: "list id of 256 characters", args: { addressListId: "a".repeat(256) }, field: "addressListId", shown: long("a".repeat(256)), allowed: ID },
  { surface: "function", about: "unicode list id", args: { addressListId: "ålist" }, field: "addressListId", shown: '"ålist"', allowed: ID },
  { surface: "function", about: "number as list id", args: { addressListId: 123 }, field: "addressListId", shown: "got 123", allowed: ID },
  { surface: "function", about: "newline in list id", args: { addressListId: "al-1\n" }, field: "addressListId", shown: '"al-1\\n"', allowed: ID },
  { surface: "function", about: "pageSize 0", args: { pageSize: 0 }, field: "pageSize", shown: "got 0", allowed: PAGE_SIZE },
  { surface: "function", about: "pageSize 51", args: { pageSize: 51 }, field: "pageSize", shown: "got 51", allowed: PAGE_SIZE },
  { surface: "function", about: "fractional pageSize", args: { pageSize: 2.5 }, field: "pageSize", shown: "got 2.5", allowed: PAGE_SIZE },
  { surface: "function", about: "pageSize as text", args: { pageSize: "10" }, field: "pageSize", shown: 'got "10"', allowed: PAGE_SIZE },
  { surface: "function", about: "pageSize NaN", args: { pageSize: NaN }, field: "pageSize", shown: "got NaN", allowed: PAGE_SIZE },
  { surface: "function", about: "pageSize null", args: { pageSize: null }, field: "pageSize", shown: "got null", allowed: PAGE_SIZE },
  { surface: "function", about: "unknown status", args: { statuses: ["DONE"] }, field: "statuses", named: "`statuses[0]`", shown: '"DONE"', allowed: STATUS },
  { surface: "function", about: "no status", args: { statuses: [] }, field: "statuses", shown: "got []", allowed: /a non-empty array of CREATED, PROCESSING, COMPLETED, FAILED, STOPPED/ },
  { surface: "function", about: "status not in an array", args: { statuses: "COMPLETED" }, field: "statuses", shown: '"COMPLETED"', allowed: /a non-empty array/ },
  { surface: "function", about: "unknown data type", args: { importDataType: "XML" }, field: "importDataType", shown: '"XML"', allowed: /one of "CSV" or "JSON"/ },
  { surface: "function", about: "upper-case sort order", args: { sortOrder: "ASC" }, field: "sortOrder", shown: '"ASC"', allowed: /one of "ascending" or "descending"/ },
  { surface: "function", about: "limit 0", args: { limit: 0 }, field: "limit", shown: "got 0", allowed: /an integer of at least 1/ },
  { surface: "function", about: "negative limit", args: { limit: -1 }, field: "limit", shown: "got -1", allowed: /an integer of at least 1/ },
  { surface: "function", about: "invalid regex", args: { nameRegex: "(" }, field: "nameRegex", shown: '"("', allowed: /a valid JavaScript regular expression/ },
  { surface: "function", about: "date in words", args: { createdAfter: "yesterday" }, field: "createdAfter", shown: '"yesterday"', allowed: ISO },
  { surface: "function", about: "date-time without a zone", args: { createdAfter: "2024-05-01T00:00:00" }, field: "createdAfter", shown: '"2024-05-01T00:00:00"', allowed: ISO },
  { surface: "function", about: "day that does not exist", args: { createdBefore: "2024-02-30" }, field: "createdBefore", shown: '"2024-02-30"', allowed: /not a day of the calendar/ },
  { surface: "function", about: "window inverted", args: { createdAfter: "2024-06-01", createdBefore: "2024-05-01" }, field: "createdAfter", shown: '"2024-06-01"', allowed: /no later than `createdBefore` \("2024-05-01"\)/ },
  { surface: "function", about: "region in words", args: { region: "US East 1" }, field: "region", shown: '"US East 1"', allowed: REGION },
  { surface: "function", about: "empty region", args: { region: "" }, field: "region", shown: 'got ""', allowed: REGION },
  { surface: "function", about: "region of 100 000 letters", args: { region: "x".repeat(100_000) }, field: "region", shown: long("x".repeat(100_000)), allowed: REGION },
  { surface: "function", about: "ftp endpoint", args: { endpoint: "ftp://x" }, field: "endpoint", shown: '"ftp://x"', allowed: ENDPOINT },
  { surface: "function", about: "endpoint not a URL", args: { endpoint: "not a url" }, field: "endpoint", shown: '"not a url"', allowed: ENDPOINT },
  { surface: "function", about: "blank profile", args: { profile: "   " }, field: "profile", shown: '"   "', allowed: /a non-empty string such as "default"/ },
  { surface: "function", about: "flag as text", args: { includePreSignedUrls: "yes" }, field: "includePreSignedUrls", shown: '"yes"', allowed: /true or false/ },
  { surface: "function", about: "maxAttempts 0", args: { maxAttempts: 0 }, field: "maxAttempts", shown: "got 0", allowed: /an integer from 1 to 100/ },
  { surface: "function", about: "maxAttempts 101", args: { maxAttempts: 101 }, field: "maxAttempts", shown: "got 101", allowed: /an integer from 1 to 100/ },
  { surface: "function", about: "cache as text", args: { cache: "no" }, field: "cache", shown: '"no"', allowed: /true or false/ },
  { surface: "function", about: "misspelt argument", args: { pagesize: 10 }, field: "pagesize", shown: "`pagesize`", allowed: /did you mean `pageSize`\?.*Allowed arguments: addressListId, region/ },

  // The resource: its `check` (and `create`) with the data function's rules and its own.
  { surface: "resource", about: "empty list id", args: { addressListId: "" }, field: "addressListId", shown: 'got ""', allowed: ID },
  { surface: "resource", about: "unicode list id", args: { addressListId: "日本語" }, field: "addressListId", shown: '"日本語"', allowed: ID },
  { surface: "resource", about: "pageSize 100", args: { pageSize: 100 }, field: "pageSize", shown: "got 100", allowed: PAGE_SIZE },
  { surface: "resource", about: "negative pageSize", args: { pageSize: -5 }, field: "pageSize", shown: "got -5", allowed: PAGE_SIZE },
  { surface: "resource", about: "unknown second status", args: { statuses: ["COMPLETED", "PENDING"] }, field: "statuses", named: "`statuses[1]`", shown: '"PENDING"', allowed: STATUS },
  { surface: "resource", about: "capitalised region", args: { region: "Moon-1" }, field: "region", shown: '"Moon-1"', allowed: REGION },
  { surface: "resource", about: "fractional limit", args: { limit: 1.5 }, field: "limit", shown: "got 1.5", allowed: /an integer of at least 1/ },
  { surface: "resource", about: "flag as number", args: { includePreSignedUrls: 1 }, field: "includePreSignedUrls", shown: "got 1", allowed: /true or false/ },
  { surface: "resource", about: "month 13", args: { createdBefore: "2024-13-45" }, field: "createdBefore", shown: '"2024-13-45"', allowed: ISO },
  { surface: "resource", about: "negative maxAttempts", args: { maxAttempts: -3 }, field: "maxAttempts", shown: "got -3", allowed: /an integer from 1 to 100/ },
  { surface: "resource", about: "empty endpoint", args: { endpoint: "" }, field: "endpoint", shown: 'got ""', allowed: ENDPOINT },
  { surface: "resource", about: "invalid regex", args: { nameRegex: "[" }, field: "nameRegex", shown: '"["', allowed: /a valid JavaScript regular expression/ },
  { surface: "resource", about: "random sort order", args: { sortOrder: "random" }, field: "sortOrder", shown: '"random"', allowed: /one of "ascending" or "descending"/ },
  { surface: "resource", about: "lower-case data type", args: { importDataType: "csv" }, field: "importDataType", shown: '"csv"', allowed: /one of "CSV" or "JSON"/ },
  { surface: "resource", about: "the function's cache option", args: { cache: true }, field: "cache", shown: "`cache`", allowed: /is not an argument of AddressListImportJobs/, notAnInput: true },

  // The gate: timing, selection, policy, conflicts, and the lookup arguments it shares.
  { surface: "gate", about: "negative maxWaitTime", args: { maxWaitTime: -1 }, field: "maxWaitTime", shown: "got -1", allowed: DURATION },
  { surface: "gate", about: "maxWaitTime 0", args: { maxWaitTime: 0 }, field: "maxWaitTime", shown: "got 0", allowed: DURATION },
  { surface: "gate", about: "maxWaitTime as text", args: { maxWaitTime: "600" }, field: "maxWaitTime", shown: 'got "600"', allowed: DURATION },
  { surface: "gate", about: "minDelay 0", args: { minDelay: 0 }, field: "minDelay", shown: "got 0", allowed: DURATION },
  { surface: "gate", about: "negative maxDelay", args: { maxDelay: -30 }, field: "maxDelay", shown: "got -30", allowed: DURATION },
  { surface: "gate", about: "maxDelay beyond a timer", args: { maxDelay: 1e12 }, field: "maxDelay", shown: "got 1000000000000", allowed: DURATION },
  { surface: "gate", about: "delays inverted", args: { minDelay: 60, maxDelay: 10 }, field: "minDelay", shown: "(60)", allowed: /at most `maxDelay` \(10\)/ },
  { surface: "gate", about: "wait shorter than the first delay", args: { maxWaitTime: 1, minDelay: 5 }, field: "maxWaitTime", shown: "(1)", allowed: /at least `minDelay` \(5\)/ },
  { surface: "gate", about: "minDelay above the default maxDelay", args: { minDelay: 40 }, field: "minDelay", shown: "(40)", allowed: /at most `maxDelay` \(30, the default\)/ },
  { surface: "gate", about: "unknown selection", args: { select: "first" }, field: "select", shown: '"first"', allowed: /"all" or "latest"/ },
  { surface: "gate", about: "no job ids", args: { jobIds: [] }, field: "jobIds", shown: "got []", allowed: /a non-empty array of import job ids/ },
  { surface: "gate", about: "space in a job id", args: { jobIds: ["job 1"] }, field: "jobIds", named: "`jobIds[0]`", shown: '"job 1"', allowed: /1 to 255 letters, digits or hyphens/ },
  { surface: "gate", about: "job id not in an array", args: { jobIds: "j-1" }, field: "jobIds", shown: '"j-1"', allowed: /a non-empty array of import job ids/ },
  { surface: "gate", about: "jobIds and select", args: { jobIds: ["j-1"], select: "all" }, field: "select", shown: "`jobIds`", allowed: /either `jobIds` or `select`, got both/ },
  { surface: "gate", about: "jobIds and a filter", args: { jobIds: ["j-1"], statuses: ["COMPLETED"] }, field: "statuses", shown: "`statuses`", allowed: /no `statuses` next to `jobIds`.*use `select` instead of `jobIds`/ },
  { surface: "gate", about: "negative maxFailedItems", args: { maxFailedItems: -1 }, field: "maxFailedItems", shown: "got -1", allowed: /an integer of at least 0/ },
  { surface: "gate", about: "fractional minImportedItems", args: { minImportedItems: 2.5 }, field: "minImportedItems", shown: "got 2.5", allowed: /an integer of at least 0/ },
  { surface: "gate", about: "flag as text", args: { allowStopped: "true" }, field: "allowStopped", shown: 'got "true"', allowed: /true or false/ },
  { surface: "gate", about: "unknown status", args: { select: "all", statuses: ["RUNNING"] }, field: "statuses", named: "`statuses[0]`", shown: '"RUNNING"', allowed: STATUS },
  { surface: "gate", about: "the function's URL option", args: { includePreSignedUrls: true }, field: "includePreSignedUrls", shown: "`includePreSignedUrls`", allowed: /not an argument of (waitForImportJobs|ImportJobsGate)/, notAnInput: true },
  { surface: "gate", about: "the function's cache option", args: { cache: true }, field: "cache", shown: "`cache`", allowed: /not an argument of (waitForImportJobs|ImportJobsGate)/, notAnInput: true },
  { surface: "gate", about: "unicode list id", args: { addressListId: "ålist" }, field: "addressListId", shown: '"ålist"', allowed: ID },
  { surface: "gate", about: "pageSize 0", args: { pageSize: 0 }, field: "pageSize", shown: "got 0", allowed: PAGE_SIZE },
  { surface: "gate", about: "misspelt option", args: { maxWaitTim: 60 }, field: "maxWaitTim", shown: "`maxWaitTim`", allowed: /did you mean `maxWaitTime`\?/, notAnInput: true },
];

let emulator: Emulator;
let host: ProviderHost;
const serialised: Partial<Record<Surface, string>> = {};
const checked = { function: 0, resource: 0, gate: 0 };
let paths = 0;
let requests = 0;

beforeAll(async () => {
  emulator = await startTestEmulator();
  [host, serialised.resource, serialised.gate] = await Promise.all([
    startProviderHost({ cwd: REPO_ROOT }),
    serializeProvider(addressListImportJobsProvider),
    serializeProvider(importJobsGateProvider),
  ]);
  await host.configure();
}, 60_000);

afterAll(async () => {
  await host?.close();
  await emulator?.close();
  const total = checked.function + checked.resource + checked.gate;
  printSummary(
    `bad inputs: ${ROWS.length} cases (${ROWS.filter((r) => r.surface === "function").length} function, ` +
      `${ROWS.filter((r) => r.surface === "resource").length} resource, ${ROWS.filter((r) => r.surface === "gate").length} gate), ` +
      `${total} rejected naming the field, the value and what is allowed, over ${paths} paths ` +
      "(the function; check in-process and in the provider host; create in both; waitForImportJobs), " +
      `${requests} requests reached the emulator`,
  );
});

/** Asserts `failures` hold the row's failure, worded as promised. */
function expectRejected(failures: readonly ArgumentFailure[], row: BadInput): void {
  const failure = failures.find((f) => f.property === row.field);
  expect({ about: row.about, failure }).toEqual({ about: row.about, failure: expect.anything() });
  expect(failure!.reason).toContain(row.named ?? `\`${row.field}\``);
  expect(failure!.reason).toContain(row.shown);
  expect(failure!.reason).toMatch(row.allowed);
}

/** Asserts `error` is an InvalidArgumentError (also when only its message survived) carrying the row's failure. */
function expectInvalidArgument(error: unknown, row: BadInput): void {
  expect(isInvalidArgumentError(error)).toBe(true);
  const failures = (error as InvalidArgumentError).failures;
  if (failures !== undefined) {
    expectRejected(failures, row);
  }
  const message = (error as Error).message ?? String(error);
  expect(message).toContain(row.named ?? `\`${row.field}\``);
  expect(message).toContain(row.shown);
  expect(message).toMatch(row.allowed);
}

/** The spoilt arguments of a row. */
function argsOf(row: BadInput): Record<string, unknown> {
  const args: Record<string, unknown> = { ...base(row.surface, emulator), ...row.args };
  for (const key of Object.keys(args)) {
    if (args[key] === undefined) delete args[key];
  }
  return args;
}

/** Runs `work`, a rejection expected, and counts the requests it let through. */
async function rejected(work: () => Promise<unknown>): Promise<unknown> {
  emulator.resetCalls();
  const outcome = await bounded(work, 10_000);
  const calls = emulator.calls();
  requests += calls;
  paths += 1;
  expect(outcome.kind).toBe("error");
  expect(calls).toBe(0);
  return (outcome as { error: unknown }).error;
}

const rowsOf = (surface: Surface) =>
  ROWS.filter((row) => row.surface === surface).map((row) => [row.about, row] as const);

describe("bad inputs", () => {
  it("has at least 40 cases across the function, the resource and the gate", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(rowsOf("resource").length).toBeGreaterThanOrEqual(10);
    expect(rowsOf("gate").length).toBeGreaterThanOrEqual(10);
  });

  describe(getAddressListImportJobs.name, () => {
    it.each(rowsOf("function"))("rejects %s before any request", async (_about, row) => {
      const error = await rejected(() => getAddressListImportJobs(argsOf(row) as never));
      expectInvalidArgument(error, row);
      checked.function += 1;
    });
  });

  describe("AddressListImportJobs", () => {
    const urn = urnOf(ADDRESS_LIST_IMPORT_JOBS_TYPE, "bad");
    it.each(rowsOf("resource"))(
      "fails check on %s, in-process and in the provider host",
      async (_about, row) => {
        const news = { __provider: serialised.resource, ...argsOf(row) };
        const local = await addressListImportJobsProvider.check!({}, news);
        expectRejected(local.failures ?? [], row);
        const remote = await host.check(urn, {}, news);
        expect(remote.failures).toEqual(local.failures);
        paths += 2;
        // Had the engine gone on, create would refuse the same inputs without a request.
        if (!row.notAnInput) {
          expectInvalidArgument(await rejected(() => addressListImportJobsProvider.create(news)), row);
          expectInvalidArgument(await rejected(() => host.create(urn, news)), row);
        }
        checked.resource += 1;
      },
    );
  });

  describe("ImportJobsGate and waitForImportJobs", () => {
    const urn = urnOf(IMPORT_JOBS_GATE_TYPE, "bad");
    it.each(rowsOf("gate"))("fails check on %s, in-process and in the provider host", async (_about, row) => {
      const news = { __provider: serialised.gate, ...argsOf(row), progressUrn: urn };
      const local = await importJobsGateProvider.check!({}, news);
      expectRejected(local.failures ?? [], row);
      const remote = await host.check(urn, {}, news);
      expect(remote.failures).toEqual(local.failures);
      paths += 2;
      if (!row.notAnInput) {
        expectInvalidArgument(await rejected(() => importJobsGateProvider.create(news)), row);
        expectInvalidArgument(await rejected(() => host.create(urn, news)), row);
      }
      expectInvalidArgument(await rejected(() => waitForImportJobs(argsOf(row) as never)), row);
      checked.gate += 1;
    });
  });
});
