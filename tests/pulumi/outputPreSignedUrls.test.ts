import * as pulumi from "@pulumi/pulumi";
import { getAddressListImportJobsOutput } from "../../provider";
import { manyJobs, seedList, useEmulator } from "../support/emulatorFixture";
import { settle, useEchoMocks } from "../support/outputHelpers";

void useEchoMocks();

const emulator = useEmulator();
let list: string;

beforeAll(async () => {
  list = seedList(emulator, manyJobs(3, "urls")).addressListId;
});

describe(`${getAddressListImportJobsOutput.name} with includePreSignedUrls`, () => {
  it("returns the pre-signed URLs inside a secret result", async () => {
    const result = await settle(
      getAddressListImportJobsOutput({
        addressListId: list,
        endpoint: emulator.url,
        includePreSignedUrls: true,
      }),
    );
    expect(result).toMatchObject({ known: true, secret: true });
    expect(Object.keys(result.value?.preSignedUrls ?? {})).toStrictEqual(result.value?.jobIds);
  });

  it("also when the flag itself is an Output", async () => {
    const result = await settle(
      getAddressListImportJobsOutput({
        addressListId: list,
        endpoint: emulator.url,
        includePreSignedUrls: pulumi.output(true),
      }),
    );
    expect(result).toMatchObject({ known: true, secret: true });
  });

  it("returns a plain result without URLs when the flag is false", async () => {
    const result = await settle(
      getAddressListImportJobsOutput({
        addressListId: list,
        endpoint: emulator.url,
        includePreSignedUrls: false,
      }),
    );
    expect(result).toMatchObject({ known: true, secret: false });
    expect(result.value && "preSignedUrls" in result.value).toBe(false);
  });
});
