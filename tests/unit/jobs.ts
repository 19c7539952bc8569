// Plain ImportJob values for the unit tests: no emulator, no SDK.
import type { ImportJob, ImportJobStatus } from "../../provider/core/types";

/** 2024-05-01T00:00:00.000Z plus `minutes`. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1) + minutes * 60_000).toISOString();
}

/** A job with sensible defaults; `overrides` win. */
export function job(jobId: string, overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    jobId,
    name: `import-${jobId}`,
    status: "COMPLETED" as ImportJobStatus,
    importDataType: "CSV",
    addressListId: "al-1",
    createdTimestamp: at(0),
    ...overrides,
  };
}
