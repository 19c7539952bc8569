import type { Emulator } from "../../emulator";
import {
  AccessDeniedError,
  AddressListNotFoundError,
  getAddressListImportJobs,
  ImportJobFailedError,
  isAccessDeniedError,
  isAddressListNotFoundError,
  isCredentialsError,
  isImportJobFailedError,
  isImportJobsError,
  isInvalidArgumentError,
  isPaginationError,
  isServiceError,
  isThrottledError,
  isWaitTimeoutError,
  ServiceError,
  ThrottledError,
  WaitTimeoutError,
  type ImportJob,
} from "../../provider";
import { RETRY_DELAY_ENV } from "../../provider/core/createClient";
import { manyJobs, seedList, startTestEmulator } from "../support/emulatorFixture";

const LIST = "ListAddressListImportJobs";

let emulator: Emulator;
let list: string;

beforeAll(async () => {
  // Retries back off 1 ms, 2 ms, 4 ms… instead of the SDK's 1 s throttling base.
  process.env[RETRY_DELAY_ENV] = "1";
  emulator = await startTestEmulator();
  list = seedList(emulator, manyJobs(12, "err")).addressListId;
});

afterAll(async () => {
  delete process.env[RETRY_DELAY_ENV];
  await emulator.close();
});

afterEach(() => {
  emulator.setFaults({});
  emulator.setDeny([]);
});

function lookup(args: Record<string, unknown> = {}) {
  return getAddressListImportJobs({
    addressListId: list,
    endpoint: emulator.url,
    cache: false,
    ...args,
  }).catch((e: unknown) => e);
}

describe("service errors", () => {
  it("maps an unknown address list to AddressListNotFoundError naming the list and region", async () => {
    emulator.resetCalls();
    const error = await lookup({ addressListId: "al-does-not-exist", region: "eu-central-1" });
    expect(error).toBeInstanceOf(AddressListNotFoundError);
    expect(error).toMatchObject({
      name: "AddressListNotFoundError",
      addressListId: "al-does-not-exist",
      region: "eu-central-1",
    });
    expect((error as Error).message).toMatch(
      /^\[AddressListNotFoundError\] Address list `al-does-not-exist` was not found in region eu-central-1\. .*list-address-lists --region eu-central-1/,
    );
    expect(emulator.calls(LIST)).toBe(1);
  });

  it("maps AccessDeniedException to AccessDeniedError naming the IAM action, list and region", async () => {
    emulator.setDeny([{ operation: LIST }]);
    emulator.resetCalls();
    const error = await lookup();
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error).toMatchObject({
      action: "ses:ListAddressListImportJobs",
      addressListId: list,
      region: "us-east-1",
    });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^\\[AccessDeniedError\\] Access denied .*\`${list}\` in region us-east-1.*Allow the IAM action \`ses:ListAddressListImportJobs\``,
      ),
    );
    expect(emulator.calls(LIST)).toBe(1);
  });

  it("retries throttling and succeeds within maxAttempts", async () => {
    emulator.setFaults({ throttleNext: 2 });
    emulator.resetCalls();
    const result = await lookup({ maxAttempts: 3 });
    expect(result).toMatchObject({ counts: { total: 12 } });
    expect(emulator.calls(LIST)).toBe(3);
  });

  it("gives ThrottledError after maxAttempts throttled requests, saying how to raise it", async () => {
    emulator.setFaults({ throttleNext: 1000 });
    emulator.resetCalls();
    const started = Date.now();
    const error = await lookup({ maxAttempts: 4 });
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ attempts: 4, addressListId: list, region: "us-east-1" });
    expect((error as Error).message).toMatch(
      /^\[ThrottledError\] .* after 4 attempts\. Raise `maxAttempts` \(e\.g\. to 8\)/,
    );
    expect(emulator.calls(LIST)).toBe(4);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("retries 8 times by default", async () => {
    emulator.setFaults({ throttleNext: 1000 });
    emulator.resetCalls();
    const error = await lookup();
    expect(isThrottledError(error)).toBe(true);
    expect(emulator.calls(LIST)).toBe(8);
  });

  it("retries a 5xx and reports the attempts when they run out", async () => {
    emulator.setFaults({
      failNext: Array.from({ length: 3 }, () => ({ status: 500, type: "InternalServerError" })),
    });
    emulator.resetCalls();
    const error = await lookup({ maxAttempts: 3 });
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).message).toMatch(
      /^\[ServiceError\] .*InternalServerError.*HTTP 500 after 3 attempts; raise `maxAttempts`/,
    );
    expect(emulator.calls(LIST)).toBe(3);
  });

  it("does not cache a failed lookup", async () => {
    emulator.setFaults({ failNext: [{ status: 403, type: "AccessDeniedException", message: "nope" }] });
    const args = { addressListId: list, endpoint: emulator.url, pageSize: 5 };
    await expect(getAddressListImportJobs(args)).rejects.toThrow(AccessDeniedError);
    emulator.resetCalls();
    await expect(getAddressListImportJobs(args)).resolves.toMatchObject({ counts: { total: 12 } });
    expect(emulator.calls(LIST)).toBe(3);
  });
});

describe("error guards", () => {
  const job: ImportJob = {
    jobId: "job-1",
    name: "march",
    status: "FAILED",
    addressListId: "al-1",
    createdTimestamp: "2024-05-01T00:00:00.000Z",
    failedItemsCount: 3,
    error: "bad header",
  };
  const errors = [
    new AddressListNotFoundError({ addressListId: "al-1", region: "us-east-1" }),
    new AccessDeniedError({
      addressListId: "al-1",
      region: "us-east-1",
      action: "ses:ListAddressListImportJobs",
    }),
    new ThrottledError({ addressListId: "al-1", region: "us-east-1", attempts: 8 }),
    new ImportJobFailedError({ addressListId: "al-1", jobs: [job] }),
    new WaitTimeoutError({ addressListId: "al-1", jobs: [{ ...job, status: "CREATED" }], maxWaitTime: 600 }),
  ];
  const guards = [
    isAddressListNotFoundError,
    isAccessDeniedError,
    isThrottledError,
    isImportJobFailedError,
    isWaitTimeoutError,
  ];

  it("recognise each error, and only it, by name", () => {
    errors.forEach((error, i) => {
      guards.forEach((guard, j) => expect(guard(error)).toBe(i === j));
      expect(isImportJobsError(error)).toBe(true);
      expect(isInvalidArgumentError(error)).toBe(false);
      expect(isPaginationError(error)).toBe(false);
      expect(isServiceError(error)).toBe(false);
    });
  });

  it("recognise an error whose message alone crossed a process boundary", () => {
    errors.forEach((error, i) => {
      // What a dynamic provider's failure looks like in the program: only the message, maybe prefixed.
      const remote = new Error(`creating urn:pulumi:dev::demo::x: ${error.message}`);
      guards.forEach((guard, j) => expect(guard(remote)).toBe(i === j));
      // A string is not an error, whatever it says.
      guards.forEach((guard) => expect(guard(error.message)).toBe(false));
      expect(isImportJobsError(remote)).toBe(true);
    });
    expect(isImportJobsError(new Error("ThrottlingException"))).toBe(false);
    expect(isImportJobsError(undefined)).toBe(false);
  });

  it("carry the offending jobs and describe them in the message", () => {
    const [, , , failed, timeout] = errors as [
      unknown,
      unknown,
      unknown,
      ImportJobFailedError,
      WaitTimeoutError,
    ];
    expect(failed.jobs).toStrictEqual([job]);
    expect(failed.message).toMatch(
      /^\[ImportJobFailedError\] 1 import job of address list `al-1` .*job-1 \(march\): FAILED, "bad header", imported 0, failed 3/,
    );
    expect(timeout.jobs).toHaveLength(1);
    expect(timeout.maxWaitTime).toBe(600);
    expect(timeout.message).toMatch(/^\[WaitTimeoutError\] .*within 600 s.*never started/);
  });

  describe("credentials the service does not accept", () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    afterEach(() => {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    });

    it.each([
      [
        "a wrong secret key",
        { secret: "not-the-secret" },
        "InvalidSignatureException",
        "the secret key does not belong",
      ],
      [
        "an unknown access key",
        { id: "AKIDUNKNOWN" },
        "UnrecognizedClientException",
        "aws sso login --profile",
      ],
    ])("%s gives a CredentialsError naming the fix, after one request", async (_, keys, name, fix) => {
      if ("id" in keys) process.env.AWS_ACCESS_KEY_ID = keys.id;
      if ("secret" in keys) process.env.AWS_SECRET_ACCESS_KEY = keys.secret;
      emulator.resetCalls();
      const error = await lookup();
      expect(isCredentialsError(error)).toBe(true);
      expect((error as Error).message).toContain(`(${name})`);
      expect((error as Error).message).toContain(fix);
      expect(emulator.calls(LIST)).toBe(1);
    });

    it("an expired session token gives a CredentialsError that says to refresh it", async () => {
      emulator.setFaults({
        failNext: [
          {
            status: 400,
            type: "ExpiredTokenException",
            message: "The security token included in the request is expired",
          },
        ],
      });
      const error = await lookup();
      expect(isCredentialsError(error)).toBe(true);
      expect((error as Error).message).toContain("the session token has expired");
    });
  });
});
