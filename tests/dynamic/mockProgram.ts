// A program run under `pulumi.runtime.setMocks` that records what each resource registers: its
// type, inputs, explicit dependencies and additional secret outputs. The mock monitor's
// `newResource` does not see the resource options; the registration request does.
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { settle } from "../support/outputHelpers";

export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  dependencies: string[];
  additionalSecretOutputs: string[];
  /** The provider reference the resource registered with ("" for the default provider). */
  provider: string;
}

export interface MockProgram {
  /** Every registration request so far, in order (inputs are in `registered`'s answers). */
  readonly registrations: Registration[];
  /** Waits until every given resource is registered, then returns its registration with its inputs. */
  registered(...resources: pulumi.Resource[]): Promise<Registration[]>;
  /** The registration of the resource named `name`, once registered. */
  byName(name: string): Registration;
  /**
   * Waits until the resource named `name` is registered with its inputs resolved, then returns its
   * registration: for resources a program creates out of the test's reach (an example's).
   */
  settled(name: string): Promise<Registration>;
}

/** The URN of a resource of the mock program (project "project", stack "stack"). */
export function mockUrn(type: string, name: string): string {
  return `urn:pulumi:stack::project::${type}::${name}`;
}

/**
 * Sets the mocks (a resource's state is `stateOf(args)`, its inputs by default; invokes answer
 * `call(args)`, `{}` by default) and starts recording registrations.
 */
export async function startMockProgram(
  stateOf: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> = (args) => args.inputs,
  call: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown> = () => ({}),
): Promise<MockProgram> {
  const registrations: Registration[] = [];
  const inputsByName = new Map<string, Record<string, unknown>>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        inputsByName.set(args.name, args.inputs);
        return { id: `${args.name}-id`, state: stateOf(args) };
      },
      call,
    },
    "project",
    "stack",
    false,
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: RegisterResourceRequest, callback: unknown): void;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    registrations.push({
      type: req.getType(),
      name: req.getName(),
      inputs: {},
      dependencies: req.getDependenciesList(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
      provider: req.getProvider(),
    });
    register(req, callback);
  };
  const byName = (name: string): Registration => {
    const registration = registrations.find((r) => r.name === name);
    if (!registration) throw new Error(`${name} was not registered`);
    return { ...registration, inputs: inputsByName.get(name) ?? {} };
  };
  return {
    registrations,
    byName,
    async settled(name) {
      for (let i = 0; i < 200; i++) {
        if (
          registrations.some((r) => r.name === name) &&
          Object.keys(inputsByName.get(name) ?? {}).length > 0
        ) {
          return byName(name);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`${name} was never registered`);
    },
    async registered(...resources) {
      await settle(pulumi.all(resources.map((r) => r.urn)));
      return resources.map((resource) => byName((resource as unknown as { __name: string }).__name));
    },
  };
}
