/**
 * The raw SDK script the bin and the client entry are compared with, run as its own process: what a
 * user writes without this package. A default client, the SDK's paginator (the service's default
 * page), every page collected, sorted by creation time then id; then, with `print`, the jobs as JSON on
 * stdout (as `mailmanager-import-jobs list` prints its result), or with `count` only their number.
 *
 *   node rawSdkList.js <endpoint> <addressListId> print|count
 */
import {
  MailManagerClient,
  paginateListAddressListImportJobs,
  type ImportJob,
} from "@aws-sdk/client-mailmanager";

async function main(): Promise<void> {
  const [endpoint, addressListId, mode] = process.argv.slice(2);
  const client = new MailManagerClient({ endpoint });
  const jobs: ImportJob[] = [];
  for await (const page of paginateListAddressListImportJobs({ client }, { AddressListId: addressListId })) {
    jobs.push(...(page.ImportJobs ?? []));
  }
  client.destroy();
  jobs.sort(
    (a, b) =>
      (a.CreatedTimestamp?.getTime() ?? 0) - (b.CreatedTimestamp?.getTime() ?? 0) ||
      ((a.JobId ?? "") < (b.JobId ?? "") ? -1 : 1),
  );
  process.stdout.write(mode === "print" ? `${JSON.stringify(jobs, null, 2)}\n` : `${jobs.length}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
