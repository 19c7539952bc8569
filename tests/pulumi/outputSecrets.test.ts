import * as pulumi from "@pulumi/pulumi";
import { getAddressListImportJobsOutput } from "../../provider";
import { manyJobs, seedList, useEmulator } from "../support/emulatorFixture";
import { settle, useEchoMocks } from "../support/outputHelpers";

void useEchoMocks();

const emulator = useEmulator();
let list: string;

beforeAll(async () => {
  list = seedList(emulator, manyJobs(4, "secret")).addressListId;
});

describe(`${getAddressListImportJobsOutput.name} and secrets`, () => {
  it("returns a plain result for plain inputs", async () => {
    const result = await settle(
      getAddressListImportJobsOutput({ addressListId: list, endpoint: emulator.url }),
    );
    expect(result).toMatchObject({ known: true, secret: false });
    expect(result.value?.counts.total).toBe(4);
  });

  it("keeps the result secret when an input is secret", async () => {
    const result = await settle(
      getAddressListImportJobsOutput({ addressListId: pulumi.secret(list), endpoint: emulator.url }),
    );
    expect(result).toMatchObject({ known: true, secret: true });
    expect(result.value?.addressListId).toBe(list);
    const nested = await settle(
      getAddressListImportJobsOutput({
        addressListId: list,
        endpoint: emulator.url,
        statuses: [pulumi.secret("CREATED" as const)],
      }),
    );
    expect(nested).toMatchObject({ known: true, secret: true });
    expect(nested.value?.counts.total).toBe(1);
  });
});
