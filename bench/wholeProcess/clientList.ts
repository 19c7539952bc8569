/**
 * The whole lookup through the Pulumi-free entry, run as its own process (the 100 000-job CPU and
 * memory comparison with rawSdkList.ts): getAddressListImportJobs from `./client` (every page,
 * normalised, sorted, summarised, fingerprinted); then, with `count`, only the number of jobs.
 *
 *   node clientList.js <endpoint> <addressListId> count
 */
import { getAddressListImportJobs } from "../../provider/client";

async function main(): Promise<void> {
  const [endpoint, addressListId, mode] = process.argv.slice(2);
  const result = await getAddressListImportJobs({ addressListId, endpoint, cache: false });
  process.stdout.write(
    mode === "print" ? `${JSON.stringify(result, null, 2)}\n` : `${result.importJobs.length}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
