import * as pulumi from "@pulumi/pulumi";
import type { Emulator } from "../../emulator";
import { getAddressListImportJobsOutput } from "../../provider";
import { manyJobs, seedList, startTestEmulator } from "../support/emulatorFixture";
import { MockedResource, rejection, settle } from "../support/outputHelpers";

// A dry run (`pulumi preview`): resources named "pending-*" are still to be created, so their id and
// outputs are unknown; "existing-*" ones already exist and have a known id and addressListId.
let list = "";
pulumi.runtime.setMocks(
  {
    newResource: (args) =>
      args.name.startsWith("pending")
        ? { id: "", state: {} }
        : { id: `${args.name}-id`, state: { addressListId: list } },
    call: () => {
      throw new Error("getAddressListImportJobsOutput must not go through an engine invoke");
    },
  },
  "project",
  "stack",
  true,
);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  list = seedList(emulator, manyJobs(7, "preview")).addressListId;
});

afterAll(() => emulator.close());

describe(`${getAddressListImportJobsOutput.name} in preview`, () => {
  it("returns an unknown result and makes no request while addressListId is unknown", async () => {
    const pending = new MockedResource("pending-list");
    emulator.resetCalls();
    const result = await settle(
      getAddressListImportJobsOutput({ addressListId: pending.addressListId, endpoint: emulator.url }),
    );
    expect(result.known).toBe(false);
    expect(emulator.calls()).toBe(0);
  });

  it("returns an unknown result and makes no request while a dependsOn resource is unknown", async () => {
    const pending = new MockedResource("pending-gate");
    emulator.resetCalls();
    const output = getAddressListImportJobsOutput(
      { addressListId: list, endpoint: emulator.url },
      { dependsOn: [pending] },
    );
    const result = await settle(output);
    expect(result.known).toBe(false);
    expect(emulator.calls()).toBe(0);
    const single = await settle(
      getAddressListImportJobsOutput({ addressListId: list, endpoint: emulator.url }, { dependsOn: pending }),
    );
    expect(single.known).toBe(false);
    expect(emulator.calls()).toBe(0);
  });

  it("keeps a secret unknown result secret when includePreSignedUrls is set", async () => {
    const pending = new MockedResource("pending-secret");
    const result = await settle(
      getAddressListImportJobsOutput({
        addressListId: pending.addressListId,
        endpoint: emulator.url,
        includePreSignedUrls: true,
      }),
    );
    expect(result).toMatchObject({ known: false, secret: true });
  });

  it("reads known data in preview once the id and the dependencies are known", async () => {
    const existing = new MockedResource("existing-list");
    emulator.resetCalls();
    const result = await settle(
      getAddressListImportJobsOutput(
        { addressListId: existing.addressListId, endpoint: emulator.url, cache: false },
        { dependsOn: [existing] },
      ),
    );
    expect(result.known).toBe(true);
    expect(result.value?.counts.total).toBe(7);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(1);
  });

  it("fails at once on a plain bad argument, even while a dependsOn resource is unknown", async () => {
    const pending = new MockedResource("pending-for-bad-args");
    emulator.resetCalls();
    const output = getAddressListImportJobsOutput(
      {
        addressListId: list,
        endpoint: emulator.url,
        pageSize: 0,
        statuses: pulumi.output(["DONE" as never]),
      },
      { dependsOn: [pending] },
    );
    const error = await rejection(output);
    // Only the plain argument is judged now; the Output one (`statuses`) once it is known.
    expect((error as Error).message).toBe(
      "[InvalidArgumentError] Expected `pageSize` to be an integer from 1 to 50, got 0.",
    );
    // What the Pulumi runtime prints: the message alone (the RunError marker), and no stack to format.
    expect((error as { __pulumiRunError?: boolean }).__pulumiRunError).toBe(true);
    expect((error as Error).stack).toBe(`InvalidArgumentError: ${(error as Error).message}`);
    expect(emulator.calls()).toBe(0);
  });
});
