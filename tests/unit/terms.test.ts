import {
  AddressListNotFoundError,
  CredentialsError,
  InvalidArgumentError,
  ThrottledError,
  isInvalidArgumentError,
} from "../../provider/core/errors";
import { ARGUMENT_TERMS, describeFailure, restateError, restateFailures } from "../../provider/core/terms";
import { validateArgs } from "../../provider/core/validateArgs";
import { validateWaitForImportJobsArgs } from "../../provider/waiter/validateWaitForImportJobsArgs";
import { PULUMI_TERMS } from "../../provider/pulumi/pulumiTerms";
import { PLUGIN_TERMS } from "../../provider/plugin/pluginTerms";
import { CLI_TERMS } from "../../provider/cli/flagNames";

const context = { addressListId: "al-1", region: "eu-west-1" };

describe("front-end terms", () => {
  it("the core speaks of arguments and the SDK's environment, never of a front end", () => {
    const messages = [
      new CredentialsError({
        ...context,
        fault: "no-credentials",
        serviceErrorName: "CredentialsProviderError",
      }),
      new AddressListNotFoundError(context),
      new ThrottledError({ ...context, attempts: 3 }),
    ].map((error) => error.message);
    for (const message of messages) {
      expect(message).not.toMatch(/pulumi|aws:[a-z]|mailmanager-import-jobs:|--(profile|max|endpoint)/);
    }
    expect(messages[0]).toContain("`profile` (or AWS_PROFILE)");
  });

  it.each([
    ["a Pulumi program", PULUMI_TERMS, "pulumi config set aws:profile <name>", "`maxAttempts`"],
    ["the plugin", PLUGIN_TERMS, "pulumi config set mailmanager-import-jobs:profile <name>", "`maxAttempts`"],
    ["the command line", CLI_TERMS, "--profile (or AWS_PROFILE)", "--max-attempts"],
  ])("%s rewords the same error from its own definition", (_who, terms, profileAdvice, attemptsName) => {
    const credentials = restateError(
      new CredentialsError({
        ...context,
        fault: "no-credentials",
        serviceErrorName: "CredentialsProviderError",
      }),
      terms,
    );
    expect(credentials.message).toMatch(/^\[CredentialsError\] /);
    expect(credentials.message).toContain(profileAdvice);
    const throttled = restateError(new ThrottledError({ ...context, attempts: 3 }), terms);
    expect(throttled.message).toContain(`Raise ${attemptsName}`);
  });

  it("rewords every failure of a validator, indexed arguments included", () => {
    const failures = validateArgs({ addressListId: "al-1", pageSize: 0, statuses: ["COMPLETED", "DONE"] });
    expect(failures.map((f) => f.reason)).toEqual([
      "Expected `pageSize` to be an integer from 1 to 50, got 0.",
      'Expected `statuses[1]` to be one of "CREATED", "PROCESSING", "COMPLETED", "FAILED" or "STOPPED", got "DONE".',
    ]);
    expect(failures.map((f) => describeFailure(f, CLI_TERMS))).toEqual([
      "Expected --page-size to be an integer from 1 to 50, got 0.",
      'Expected --status to be one of "CREATED", "PROCESSING", "COMPLETED", "FAILED" or "STOPPED", got "DONE".',
    ]);
    const error = restateError(new InvalidArgumentError(failures), CLI_TERMS);
    expect(error.message).toBe(
      "[InvalidArgumentError] Expected --page-size to be an integer from 1 to 50, got 0. " +
        'Expected --status to be one of "CREATED", "PROCESSING", "COMPLETED", "FAILED" or "STOPPED", got "DONE".',
    );
  });

  it("failures stay plain data, and a resource's failures carry the function's error name", () => {
    const failures = validateWaitForImportJobsArgs({ addressListId: "al-1", minDelay: 0 });
    expect(JSON.parse(JSON.stringify(failures))).toEqual([
      {
        property: "minDelay",
        reason: expect.stringMatching(/^Expected `minDelay` to be a number of seconds/),
      },
    ]);
    const restated = restateFailures(failures, PULUMI_TERMS);
    expect(restated[0].reason).toMatch(/^\[InvalidArgumentError\] Expected `minDelay`/);
    expect(isInvalidArgumentError(new Error(restated[0].reason))).toBe(true);
    expect(restateFailures(restated, PULUMI_TERMS)).toEqual(restated);
  });

  it("leaves other values as they are", () => {
    const other = new Error("boom");
    expect(restateError(other, CLI_TERMS).message).toBe("boom");
    expect(restateError(undefined, CLI_TERMS)).toBeUndefined();
    expect(ARGUMENT_TERMS.argument("region")).toBe("`region`");
  });
});
