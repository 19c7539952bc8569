import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmulator, type Emulator } from "../../emulator";
import { describeE2e } from "../support/e2e";

// A second, independent client: the AWS CLI (botocore signs, serialises and paginates on its own).
const version = spawnSync("aws", ["--version"], { encoding: "utf8" });
const awsVersion = version.error ? undefined : `${version.stdout}${version.stderr}`.trim();
const hasCurl = !spawnSync("curl", ["--version"]).error;
const run = promisify(execFile);

const awsEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/nonexistent-aws-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent-aws-credentials",
  AWS_PAGER: "",
};

describeE2e(awsVersion ? `AWS CLI (${awsVersion})` : "AWS CLI", ["aws"], () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ processingMs: 100 });
  });
  afterAll(() => emulator.close());

  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(
      "aws",
      ["mailmanager", ...args, "--endpoint-url", emulator.url, "--output", "json"],
      {
        env: awsEnv,
      },
    );
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  }

  async function awsError(...args: string[]): Promise<string> {
    try {
      await aws(...args);
    } catch (e) {
      return (e as { stderr: string }).stderr;
    }
    throw new Error("Expected the aws command to fail.");
  }

  async function upload(url: string, content: string): Promise<void> {
    const file = join(mkdtempSync(join(tmpdir(), "mm-awscli-")), "addresses.csv");
    writeFileSync(file, content);
    if (hasCurl) {
      // The documented upload: curl -X PUT -T <file> "<pre-signed URL>".
      const { stdout } = await run("curl", [
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-X",
        "PUT",
        "-T",
        file,
        url,
      ]);
      expect(stdout).toBe("200");
    } else {
      expect((await fetch(url, { method: "PUT", body: content })).status).toBe(200);
    }
  }

  it("creates a list and a job, uploads the file, starts the job and lists jobs across pages", async () => {
    const { AddressListId } = (await aws("create-address-list", "--address-list-name", "cli-list")) as {
      AddressListId: string;
    };
    expect(AddressListId).toMatch(/^al-/);

    const job = (await aws(
      "create-address-list-import-job",
      "--address-list-id",
      AddressListId,
      "--name",
      "cli-import",
      "--import-data-format",
      "ImportDataType=CSV",
    )) as { JobId: string; PreSignedUrl: string };
    expect(job.PreSignedUrl.startsWith(`${emulator.url}/upload/${job.JobId}?`)).toBe(true);

    await upload(job.PreSignedUrl, "address\nann@example.com\nbob@example.com\nnot-valid\n");
    await aws("start-address-list-import-job", "--job-id", job.JobId);

    let status = "PROCESSING";
    let finished: Record<string, unknown> = {};
    for (let i = 0; i < 50 && status === "PROCESSING"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      finished = await aws("get-address-list-import-job", "--job-id", job.JobId);
      status = finished.Status as string;
    }
    expect(finished).toMatchObject({ Status: "COMPLETED", ImportedItemsCount: 2, FailedItemsCount: 1 });

    for (const name of ["second", "third"]) {
      await aws(
        "create-address-list-import-job",
        "--address-list-id",
        AddressListId,
        "--name",
        name,
        "--import-data-format",
        "ImportDataType=JSON",
      );
    }
    emulator.resetCalls();
    const all = (await aws("list-address-list-import-jobs", "--address-list-id", AddressListId)) as {
      ImportJobs: Array<{ Name: string; Status: string }>;
    };
    expect(all.ImportJobs.map((j) => j.Name).sort()).toEqual(["cli-import", "second", "third"]);

    // `--page-size` is also the model's own PageSize member here, so the CLI turns its
    // auto-pagination off and the caller follows NextToken by hand.
    type Page = { ImportJobs: Array<{ Name: string }>; NextToken?: string };
    const first = (await aws(
      "list-address-list-import-jobs",
      "--address-list-id",
      AddressListId,
      "--page-size",
      "2",
    )) as Page;
    expect(first.ImportJobs).toHaveLength(2);
    const second = (await aws(
      "list-address-list-import-jobs",
      "--address-list-id",
      AddressListId,
      "--page-size",
      "2",
      "--next-token",
      first.NextToken!,
    )) as Page;
    expect(second.NextToken).toBeUndefined();
    expect([...first.ImportJobs, ...second.ImportJobs].map((j) => j.Name).sort()).toEqual([
      "cli-import",
      "second",
      "third",
    ]);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(3);
  });

  it("shows the emulator's AWS-worded errors", async () => {
    const { AddressListId } = (await aws("create-address-list", "--address-list-name", "errors")) as {
      AddressListId: string;
    };
    expect(
      await awsError(
        "list-address-list-import-jobs",
        "--address-list-id",
        AddressListId,
        "--page-size",
        "51",
      ),
    ).toContain(
      "An error occurred (ValidationException) when calling the ListAddressListImportJobs operation: 1 validation error detected: Value '51' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
    expect(await awsError("get-address-list-import-job", "--job-id", "job-missing")).toContain(
      "An error occurred (ResourceNotFoundException) when calling the GetAddressListImportJob operation",
    );
  });
});
