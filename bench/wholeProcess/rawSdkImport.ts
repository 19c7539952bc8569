/**
 * The raw import scenario 7 compares `importAddresses` with: what a user writes without this package.
 * CreateAddressListImportJob, the file streamed to the pre-signed URL with `fetch` (a read stream, its
 * Content-Length, no retries), StartAddressListImportJob, then GetAddressListImportJob every
 * `pollSeconds` until the job finished. Prints the job id, its status and the imported count.
 *
 *   node rawSdkImport.js <endpoint> <addressListId> <file> <pollSeconds>
 */
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import {
  CreateAddressListImportJobCommand,
  GetAddressListImportJobCommand,
  MailManagerClient,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";

async function main(): Promise<void> {
  const [endpoint, addressListId, file, pollSeconds] = process.argv.slice(2);
  const client = new MailManagerClient({ endpoint });
  const created = await client.send(
    new CreateAddressListImportJobCommand({
      AddressListId: addressListId,
      Name: "raw-import",
      ImportDataFormat: { ImportDataType: "CSV" },
    }),
  );
  const put = await fetch(created.PreSignedUrl!, {
    method: "PUT",
    headers: { "Content-Length": String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  if (!put.ok) throw new Error(`upload failed: HTTP ${put.status}`);
  await client.send(new StartAddressListImportJobCommand({ JobId: created.JobId }));
  for (;;) {
    const job = await client.send(new GetAddressListImportJobCommand({ JobId: created.JobId }));
    if (job.Status === "COMPLETED" || job.Status === "FAILED" || job.Status === "STOPPED") {
      process.stdout.write(`${job.JobId} ${job.Status} ${job.ImportedItemsCount ?? 0}\n`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, Number(pollSeconds) * 1000));
  }
  client.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
