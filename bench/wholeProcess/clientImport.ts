/**
 * One import through the Pulumi-free entry, run as its own process (scenario 7): `importAddresses`
 * creates the job, streams the file to its pre-signed URL, starts it and waits, polling every
 * `pollSeconds`. Prints the job id, its status and the imported count.
 *
 *   node clientImport.js <endpoint> <addressListId> <file> <pollSeconds>
 */
import { importAddresses } from "../../provider/client";

async function main(): Promise<void> {
  const [endpoint, addressListId, file, pollSeconds] = process.argv.slice(2);
  const delay = Number(pollSeconds);
  const result = await importAddresses({
    addressListId,
    endpoint,
    file,
    minDelay: delay,
    maxDelay: delay,
    maxWaitTime: 600,
  });
  process.stdout.write(`${result.jobId} ${result.status} ${result.job.importedItemsCount ?? 0}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
