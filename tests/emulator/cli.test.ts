import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateAddressListImportJobCommand,
  CreateAddressListCommand,
  ListAddressListImportJobsCommand,
  ListAddressListsCommand,
  MailManagerClient,
} from "@aws-sdk/client-mailmanager";

const root = join(__dirname, "..", "..");
const cli = join(root, "emulator", "cli.ts");

/** Runs the bin from source; transpile-only keeps the start under a couple of seconds. */
function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["-r", "ts-node/register", cli, ...args], {
    cwd: root,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  });
}

function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Resolves with stdout once the bin printed its banner. */
function started(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      if (out.includes("Press Ctrl+C to stop.")) resolve(out);
    });
    child.on("close", (code) =>
      reject(new Error(`the emulator exited with ${code} before starting: ${out}`)),
    );
  });
}

describe("mailmanager-emulator bin", () => {
  it("starts with a shebang line, as npm bins need", () => {
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("starts on a free port with --port 0, prints a URL, region and credentials the SDK can use, stops on SIGTERM", async () => {
    const seedFile = join(mkdtempSync(join(tmpdir(), "mm-emulator-")), "seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({
        addressLists: [
          { addressListId: "al-cli", name: "from-file", jobs: [{ name: "j1", status: "COMPLETED" }] },
        ],
      }),
    );
    const child = runCli([
      "--port",
      "0",
      "--seed",
      seedFile,
      "--region",
      "eu-central-1",
      "--access-key-id",
      "AKIDCLI",
      "--secret-access-key",
      "cli-secret",
    ]);
    const done = exited(child);
    try {
      const banner = await started(child);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      expect(url).toBeDefined();
      expect(banner).toMatch(/region:\s+eu-central-1/);
      expect(banner).toMatch(/access key id:\s+AKIDCLI/);
      expect(banner).toMatch(/secret access key:\s+cli-secret/);

      const client = new MailManagerClient({
        endpoint: url,
        region: "eu-central-1",
        credentials: { accessKeyId: "AKIDCLI", secretAccessKey: "cli-secret" },
        maxAttempts: 1,
      });
      const lists = await client.send(new ListAddressListsCommand({}));
      expect(lists.AddressLists?.map((l) => l.AddressListName)).toEqual(["from-file"]);
      expect(lists.AddressLists?.[0].AddressListArn).toMatch(/^arn:aws:ses:eu-central-1:/);
      const jobs = await client.send(new ListAddressListImportJobsCommand({ AddressListId: "al-cli" }));
      expect(jobs.ImportJobs?.map((j) => j.Status)).toEqual(["COMPLETED"]);
      client.destroy();
    } finally {
      child.kill("SIGTERM");
    }
    expect((await done).code).toBe(0);
  });

  it("--presign-ttl sets the lifetime of pre-signed URLs: a PUT after it gets 403 Request has expired", async () => {
    const child = runCli(["--port", "0", "--presign-ttl", "1"]);
    const done = exited(child);
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await started(child))?.[1];
      const client = new MailManagerClient({
        endpoint: url,
        region: "us-east-1",
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
      });
      const { AddressListId } = await client.send(new CreateAddressListCommand({ AddressListName: "ttl" }));
      const { PreSignedUrl } = await client.send(
        new CreateAddressListImportJobCommand({
          AddressListId,
          Name: "ttl",
          ImportDataFormat: { ImportDataType: "CSV" },
        }),
      );
      client.destroy();
      expect(PreSignedUrl).toContain("X-Amz-Expires=1&");
      // X-Amz-Date has whole seconds: the URL lives at most one second.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const expired = await fetch(PreSignedUrl!, { method: "PUT", body: "address\n" });
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain(
        "<Code>AccessDenied</Code><Message>Request has expired</Message>",
      );
    } finally {
      child.kill("SIGTERM");
    }
    expect((await done).code).toBe(0);
  });

  it("prints usage with --help", async () => {
    const { code, stdout } = await exited(runCli(["--help"]));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mailmanager-emulator \[options\]/);
    expect(stdout).toContain("--processing-ms N");
    expect(stdout).toContain("--presign-ttl SECONDS");
  });

  it("exits with 2 and says why on a bad argument", async () => {
    const { code, stderr } = await exited(runCli(["--port", "many"]));
    expect(code).toBe(2);
    expect(stderr).toContain("--port expects a number >= 0, got 'many'.");
    for (const bad of ["0", "1.5"]) {
      const ttl = await exited(runCli(["--presign-ttl", bad]));
      expect(ttl.code).toBe(2);
      expect(ttl.stderr).toContain(`--presign-ttl expects a whole number of seconds > 0, got '${bad}'.`);
    }
  });
});
