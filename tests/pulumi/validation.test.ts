import {
  getAddressListImportJobs,
  InvalidArgumentError,
  isInvalidArgumentError,
  type GetAddressListImportJobsArgs,
} from "../../provider";
import { validateArgs } from "../../provider/core/validateArgs";
import { manyJobs, seedList, useEmulator } from "../support/emulatorFixture";

const emulator = useEmulator();
let list: string;

beforeAll(async () => {
  list = seedList(emulator, manyJobs(3, "valid")).addressListId;
});

/** [what is wrong, the bad arguments (merged over a valid lookup), the field, text the message must contain]. */
const BAD_INPUTS: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["pageSize 0", { pageSize: 0 }, "pageSize", /Expected `pageSize` to be an integer from 1 to 50, got 0\./],
  ["pageSize 51", { pageSize: 51 }, "pageSize", /`pageSize` to be an integer from 1 to 50, got 51\./],
  ["pageSize 2.5", { pageSize: 2.5 }, "pageSize", /`pageSize` to be an integer from 1 to 50, got 2\.5\./],
  [
    "pageSize as text",
    { pageSize: "10" },
    "pageSize",
    /`pageSize` to be an integer from 1 to 50, got "10"\./,
  ],
  [
    "empty addressListId",
    { addressListId: "" },
    "addressListId",
    /`addressListId` to be 1 to 255 letters, digits or hyphens .*got ""\./,
  ],
  [
    "addressListId with a space",
    { addressListId: "al 1" },
    "addressListId",
    /`addressListId` .*\^\[a-zA-Z0-9-\]\+\$.*got "al 1"\./,
  ],
  [
    "addressListId of 256 characters",
    { addressListId: "a".repeat(256) },
    "addressListId",
    /`addressListId` to be 1 to 255 .*got "aaaa/,
  ],
  [
    "missing addressListId",
    { addressListId: undefined },
    "addressListId",
    /`addressListId` .*got undefined\./,
  ],
  [
    "nameRegex that does not compile",
    { nameRegex: "(unclosed" },
    "nameRegex",
    /`nameRegex` to be a valid JavaScript regular expression, got "\(unclosed" \(.*Unterminated group/,
  ],
  [
    "createdAfter after createdBefore",
    { createdAfter: "2024-06-01T00:00:00Z", createdBefore: "2024-05-01T00:00:00Z" },
    "createdAfter",
    /`createdAfter` \("2024-06-01T00:00:00Z"\) to be no later than `createdBefore` \("2024-05-01T00:00:00Z"\)/,
  ],
  [
    "unparseable createdAfter",
    { createdAfter: "yesterday" },
    "createdAfter",
    /`createdAfter` to be an ISO-8601 date or date-time with a time zone, such as "2024-05-01" or "2024-05-01T12:00:00Z", got "yesterday"\./,
  ],
  [
    "impossible createdBefore",
    { createdBefore: "2024-13-45" },
    "createdBefore",
    /`createdBefore` to be an ISO-8601 .*got "2024-13-45"\./,
  ],
  [
    "createdBefore without a time zone",
    { createdBefore: "2024-05-01T12:00:00" },
    "createdBefore",
    /with a time zone.*got "2024-05-01T12:00:00"\./,
  ],
  [
    "unknown status",
    { statuses: ["DONE"] },
    "statuses",
    /`statuses\[0\]` to be one of "CREATED", "PROCESSING", "COMPLETED", "FAILED" or "STOPPED", got "DONE"\./,
  ],
  [
    "lower-case status",
    { statuses: ["COMPLETED", "failed"] },
    "statuses",
    /`statuses\[1\]` to be one of .*got "failed"\./,
  ],
  [
    "empty statuses",
    { statuses: [] },
    "statuses",
    /`statuses` to be a non-empty array of CREATED, .*\(leave it out for all\), got \[\]\./,
  ],
  ["null statuses", { statuses: null }, "statuses", /`statuses` to be a non-empty array .*got null\./],
  [
    "statuses not an array",
    { statuses: "FAILED" },
    "statuses",
    /`statuses` to be a non-empty array .*got "FAILED"\./,
  ],
  [
    "unknown importDataType",
    { importDataType: "XML" },
    "importDataType",
    /`importDataType` to be one of "CSV" or "JSON", got "XML"\./,
  ],
  [
    "unknown sortOrder",
    { sortOrder: "newest" },
    "sortOrder",
    /`sortOrder` to be one of "ascending" or "descending", got "newest"\./,
  ],
  ["limit 0", { limit: 0 }, "limit", /`limit` to be an integer of at least 1, got 0\./],
  ["limit 1.5", { limit: 1.5 }, "limit", /`limit` to be an integer of at least 1, got 1\.5\./],
  [
    "maxAttempts 0",
    { maxAttempts: 0 },
    "maxAttempts",
    /`maxAttempts` to be an integer from 1 to 100, got 0\./,
  ],
  [
    "maxAttempts NaN",
    { maxAttempts: NaN },
    "maxAttempts",
    /`maxAttempts` to be an integer from 1 to 100, got NaN\./,
  ],
  [
    "includePreSignedUrls as text",
    { includePreSignedUrls: "yes" },
    "includePreSignedUrls",
    /`includePreSignedUrls` to be true or false, got "yes"\./,
  ],
  ["cache as a number", { cache: 0 }, "cache", /`cache` to be true or false, got 0\./],
  [
    "endpoint without a scheme",
    { endpoint: "localhost:4566" },
    "endpoint",
    /`endpoint` to be an http or https URL such as "http:\/\/127\.0\.0\.1:4566", got "localhost:4566"\./,
  ],
  [
    "endpoint not a URL",
    { endpoint: "not a url" },
    "endpoint",
    /`endpoint` to be an http or https URL .*got "not a url"\./,
  ],
  [
    "region with spaces",
    { region: "US East 1" },
    "region",
    /`region` to be an AWS region name such as "us-east-1", got "US East 1"\./,
  ],
  [
    "empty profile",
    { profile: "" },
    "profile",
    /`profile` to be a non-empty string such as "default", got ""\./,
  ],
  [
    "misspelt argument",
    { pagesize: 10 },
    "pagesize",
    /Unknown argument `pagesize` \(did you mean `pageSize`\?\)\. Allowed arguments: addressListId, region, /,
  ],
  ["unknown argument", { filter: "x" }, "filter", /Unknown argument `filter`\. Allowed arguments: .*cache\./],
];

describe("argument validation", () => {
  it(`covers at least 20 bad inputs (${BAD_INPUTS.length})`, () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(BAD_INPUTS)(
    "rejects %s, naming the field, the value and what is allowed, with no request",
    async (_what, bad, field, message) => {
      const args = { addressListId: list, endpoint: emulator.url, ...bad } as GetAddressListImportJobsArgs;
      emulator.resetCalls();
      const error = await getAddressListImportJobs(args).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(isInvalidArgumentError(error)).toBe(true);
      const invalid = error as InvalidArgumentError;
      expect(invalid.name).toBe("InvalidArgumentError");
      expect(invalid.message).toMatch(/^\[InvalidArgumentError\] /);
      expect(invalid.message).toMatch(message);
      expect(invalid.property).toBe(field);
      expect(invalid.failures).toStrictEqual(validateArgs(args));
      expect(emulator.calls()).toBe(0);
    },
  );

  it("rejects arguments that are not an object", async () => {
    await expect(getAddressListImportJobs(null as unknown as GetAddressListImportJobsArgs)).rejects.toThrow(
      "[InvalidArgumentError] Expected the arguments to be an object, got null.",
    );
  });

  it("reports every failure at once, in argument order", () => {
    expect(validateArgs({ addressListId: "al-1", pageSize: 0, sortOrder: "up", typo: 1 })).toStrictEqual([
      { property: "pageSize", reason: "Expected `pageSize` to be an integer from 1 to 50, got 0." },
      {
        property: "sortOrder",
        reason: 'Expected `sortOrder` to be one of "ascending" or "descending", got "up".',
      },
      { property: "typo", reason: expect.stringMatching(/^Unknown argument `typo`\./) },
    ]);
  });

  it("accepts every argument at its edges", () => {
    expect(
      validateArgs({
        addressListId: "a".repeat(255),
        region: "us-gov-west-1",
        profile: "prod",
        endpoint: "https://mail-manager.eu-west-1.amazonaws.com",
        pageSize: 1,
        statuses: ["CREATED", "PROCESSING", "COMPLETED", "FAILED", "STOPPED"],
        importDataType: "JSON",
        nameRegex: "^(march|april)-\\d+$",
        createdAfter: "2024-05-01",
        createdBefore: "2024-05-01T00:00:00.000+00:00",
        sortOrder: "descending",
        limit: 1,
        includePreSignedUrls: false,
        maxAttempts: 1,
        cache: false,
      }),
    ).toStrictEqual([]);
    expect(validateArgs({ addressListId: "al-1", pageSize: 50, region: undefined })).toStrictEqual([]);
  });
});
