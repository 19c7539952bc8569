import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/aws/provider";
import { getAddressListImportJobs, getAddressListImportJobsOutput } from "../../provider";
import { manyJobs, seedList, useEmulator } from "../support/emulatorFixture";
import { MockedResource, settle, useEchoMocks } from "../support/outputHelpers";

void useEchoMocks();

const emulator = useEmulator();
let list: string;

beforeAll(async () => {
  list = seedList(emulator, manyJobs(5, "settings")).addressListId;
});

async function region(output: pulumi.Output<{ region: string }>): Promise<string | undefined> {
  return (await settle(output)).value?.region;
}

describe("client settings from the Pulumi program", () => {
  it("uses the region of an aws.Provider passed as opts.provider", async () => {
    const provider = new Provider("west", { region: "eu-west-2" });
    const args = { addressListId: list, endpoint: emulator.url };
    expect(await region(getAddressListImportJobsOutput(args, { provider }))).toBe("eu-west-2");
    expect((await getAddressListImportJobs(args, { provider })).region).toBe("eu-west-2");
  });

  it("uses the provider inherited from opts.parent", async () => {
    const provider = new Provider("south", { region: "sa-east-1" });
    const parent = new MockedResource("parent", { provider });
    expect(
      await region(
        getAddressListImportJobsOutput({ addressListId: list, endpoint: emulator.url }, { parent }),
      ),
    ).toBe("sa-east-1");
  });

  it("prefers the region argument over the provider", async () => {
    const provider = new Provider("north", { region: "eu-north-1" });
    const args = { addressListId: list, endpoint: emulator.url, region: "ca-central-1" };
    expect(await region(getAddressListImportJobsOutput(args, { provider }))).toBe("ca-central-1");
  });

  it("falls back to the aws:region stack config, then AWS_REGION", async () => {
    const args = { addressListId: list, endpoint: emulator.url };
    expect(await region(getAddressListImportJobsOutput(args))).toBe(process.env.AWS_REGION);
    pulumi.runtime.setConfig("aws:region", "ap-south-1");
    try {
      expect(await region(getAddressListImportJobsOutput(args))).toBe("ap-south-1");
      expect((await getAddressListImportJobs(args)).region).toBe("ap-south-1");
    } finally {
      pulumi.runtime.setConfig("aws:region", "");
    }
  });

  it("uses the aws:profile stack config, and an aws.Provider's profile, for credentials and region", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-profile-"));
    writeFileSync(join(dir, "config"), "[profile a]\nregion = eu-west-3\n[profile b]\nregion = us-west-2\n");
    writeFileSync(
      join(dir, "credentials"),
      "[a]\naws_access_key_id = test\naws_secret_access_key = test\n[b]\naws_access_key_id = test\naws_secret_access_key = test\n",
    );
    const saved = Object.fromEntries(
      [
        "AWS_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
      ].map((key) => [key, process.env[key]]),
    );
    try {
      delete process.env.AWS_REGION;
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      process.env.AWS_CONFIG_FILE = join(dir, "config");
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
      pulumi.runtime.setConfig("aws:profile", "a");
      const args = { addressListId: list, endpoint: emulator.url };
      expect(await region(getAddressListImportJobsOutput(args))).toBe("eu-west-3");
      const provider = new Provider("profiled", { profile: "b" });
      expect(await region(getAddressListImportJobsOutput(args, { provider }))).toBe("us-west-2");
    } finally {
      pulumi.runtime.setConfig("aws:profile", "");
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
    }
  });

  it("waits for dependsOn resources and then reads", async () => {
    const gate = new MockedResource("gate");
    emulator.resetCalls();
    const result = await settle(
      getAddressListImportJobsOutput(
        { addressListId: list, endpoint: emulator.url, cache: false },
        { dependsOn: [gate] },
      ),
    );
    expect(result.known).toBe(true);
    expect(result.value?.counts.total).toBe(5);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(1);
  });
});
