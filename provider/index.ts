// The package's public surface: explicit named exports only, so the whole API fits on one screen.
// The core the functions and providers share (page iterator, normaliser, compare, fingerprint,
// validation, client factory) is internal: import it from its own module inside the package.
export {
  getAddressListImportJobs,
  getAddressListImportJobsOutput,
  type GetAddressListImportJobsArgs,
  type GetAddressListImportJobsOutputArgs,
  type GetAddressListImportJobsResult,
} from "./pulumi/getAddressListImportJobs";
export {
  AddressListImportJobs,
  ADDRESS_LIST_IMPORT_JOBS_TYPE,
  type AddressListImportJobsArgs,
} from "./pulumi/AddressListImportJobs";
export { ImportJobsGate, IMPORT_JOBS_GATE_TYPE, type ImportJobsGateArgs } from "./pulumi/ImportJobsGate";
export type { ImportJobsGateInputs, ImportJobsGateJob } from "./pulumi/importJobsGateProvider";
export type { InputArg, Inputs } from "./pulumi/inputs";
export type { AcceptorState } from "./waiter/pollUntil";
export {
  waitForImportJobs,
  type WaitForImportJobsArgs,
  type WaitForImportJobsResult,
  type WaitProgress,
  type ImportJobSelection,
} from "./waiter/waitForImportJobs";
// The job model and its enumerations: core/types.ts holds the public ones only.
export * from "./core/types";
// Every error class, guard and error type: core/errors.ts holds the public ones only.
export * from "./core/errors";
