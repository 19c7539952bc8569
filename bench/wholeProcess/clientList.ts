/**
 * The whole lookup through the Pulumi-free entry, run as its own process (the 100 000-job CPU and
 * memory comparison with rawSdkList.ts): getAddressListImportJobs from `./client` (every page,
 * normalised, sorted, summarised); then, with `count`, only the number of jobs, as the raw script
 * prints; with `fingerprint`, the number and the fingerprint (computed when first read), the cost of
 * a caller that needs it; with `print`, the whole result as JSON.
 *
 *   node clientList.js <endpoint> <addressListId> count|fingerprint|print
 */
import { getAddressListImportJobs } from "../../provider/client";

async function main(): Promise<void> {
  const [endpoint, addressListId, mode] = process.argv.slice(2);
  const result = await getAddressListImportJobs({ addressListId, endpoint, cache: false });
  const count = result.importJobs.length;
  process.stdout.write(
    mode === "print"
      ? `${JSON.stringify(result, null, 2)}\n`
      : mode === "fingerprint"
        ? `${count} ${result.fingerprint}\n`
        : `${count}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
