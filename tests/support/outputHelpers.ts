import * as pulumi from "@pulumi/pulumi";

/**
 * Reads an Output's state in a test. `isKnown`, `isSecret` and `promise()` are not in the public
 * typings but exist on every Output; `apply` cannot be used because it never runs on an unknown value.
 */
export async function settle<T>(
  output: pulumi.Output<T>,
): Promise<{ known: boolean; secret: boolean; value: T | undefined }> {
  const internal = output as unknown as {
    isKnown: Promise<boolean>;
    promise(withUnknowns?: boolean): Promise<T>;
  };
  const [known, secret] = await Promise.all([internal.isKnown, pulumi.isSecret(output)]);
  return { known, secret, value: known ? await internal.promise() : undefined };
}

/**
 * Mocks for a program run that is not a preview: every resource gets an id and its outputs echo its
 * inputs (as a provider's do); no engine invoke is expected. Returns setMocks' promise, which a test
 * awaits when it needs a fresh program run.
 */
export function useEchoMocks(): Promise<void> {
  return pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
    "project",
    "stack",
    false,
  );
}

/** A custom resource that only exists for the mocks: its outputs are whatever the mock returns. */
export class MockedResource extends pulumi.CustomResource {
  declare readonly addressListId: pulumi.Output<string>;

  constructor(name: string, opts?: pulumi.CustomResourceOptions) {
    super("test:index:MockedResource", name, { addressListId: undefined }, opts);
  }
}

/**
 * The error a failed Output rejects with. Every promise the Output exposes is handled here: in a test
 * an unhandled one would end the Jest worker (in a program, the Pulumi runtime reports it).
 */
export async function rejection<T>(output: pulumi.Output<T>): Promise<unknown> {
  const internal = output as unknown as {
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    promise(): Promise<T>;
  };
  internal.isKnown.catch(() => undefined);
  internal.isSecret.catch(() => undefined);
  return internal.promise().then(
    () => {
      throw new Error("Expected the Output to fail.");
    },
    (error: unknown) => error,
  );
}
