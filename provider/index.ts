// The package's public surface: explicit named exports only, so the whole API fits on one screen.
export {
  getAddressListImportJobs,
  getAddressListImportJobsOutput,
  type GetAddressListImportJobsArgs,
  type GetAddressListImportJobsOutputArgs,
  type GetAddressListImportJobsResult,
} from "./getAddressListImportJobs";
export {
  AddressListImportJobs,
  ADDRESS_LIST_IMPORT_JOBS_TYPE,
  type AddressListImportJobsArgs,
} from "./AddressListImportJobs";
export { ImportJobsGate, IMPORT_JOBS_GATE_TYPE, type ImportJobsGateArgs } from "./ImportJobsGate";
export type { ImportJobsGateJob } from "./importJobsGateProvider";
export {
  waitForImportJobs,
  type WaitForImportJobsArgs,
  type WaitForImportJobsResult,
  type WaitProgress,
  type ImportJobSelection,
} from "./waitForImportJobs";
export { fetchAddressListImportJobs, type LookupContext } from "./fetchAddressListImportJobs";
export { buildImportJobsResult, type ImportJobsResultOptions } from "./buildImportJobsResult";
export {
  listImportJobPages,
  MAX_PAGE_SIZE,
  DEFAULT_MAX_PAGES,
  type ListImportJobPagesInput,
} from "./listImportJobPages";
export {
  createClient,
  resolveRegion,
  DEFAULT_MAX_ATTEMPTS,
  RETRY_DELAY_ENV,
  type ClientSettings,
} from "./createClient";
export { normalizeImportJob } from "./normalizeImportJob";
export { compareImportJobs } from "./compareImportJobs";
export { fingerprint } from "./fingerprint";
export { validateArgs, assertValidArgs } from "./validateArgs";
export {
  IMPORT_JOB_STATUSES,
  IMPORT_DATA_TYPES,
  SORT_ORDERS,
  type ImportJobStatus,
  type ImportDataType,
  type SortOrder,
  type ImportJob,
  type ImportJobCounts,
  type ImportJobTotals,
} from "./types";
export {
  ImportJobsError,
  InvalidArgumentError,
  AddressListNotFoundError,
  AccessDeniedError,
  ThrottledError,
  PaginationError,
  ServiceError,
  ImportJobFailedError,
  WaitTimeoutError,
  isImportJobsError,
  isInvalidArgumentError,
  isAddressListNotFoundError,
  isAccessDeniedError,
  isThrottledError,
  isPaginationError,
  isServiceError,
  isImportJobFailedError,
  isWaitTimeoutError,
  type ImportJobsErrorName,
  type ImportJobsErrorContext,
  type ArgumentFailure,
  type PaginationFault,
} from "./errors";
