import type { ImportJob as SdkImportJob } from "@aws-sdk/client-mailmanager";
import { listImportJobPages, type ListImportJobPagesInput } from "./listImportJobPages";

/**
 * Every import job of an address list, from every page, each job once, in the order the service
 * listed them (sorting is the result builder's job). A thin loop over {@link listImportJobPages}.
 *
 * @example
 * const jobs = await collectImportJobs({ client, addressListId: "al-1" });
 */
export async function collectImportJobs(input: ListImportJobPagesInput): Promise<SdkImportJob[]> {
  const jobs: SdkImportJob[] = [];
  for await (const page of listImportJobPages(input)) {
    jobs.push(...page);
  }
  return jobs;
}
