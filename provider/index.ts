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
export {
  AddressListImport,
  ADDRESS_LIST_IMPORT_TYPE,
  type AddressListImportArgs,
} from "./pulumi/AddressListImport";
export type { AddressListImportInputs, AddressListImportSummary } from "./pulumi/addressListImportProvider";
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
export {
  importAddresses,
  type ImportAddressesArgs,
  type ImportAddressesResult,
  type UploadProgress,
} from "./importer/importAddresses";
export {
  AddressImportError,
  AddressImportAbortedError,
  isAddressImportError,
  isAddressImportAbortedError,
  type ImportStep,
  type ImportStepContext,
} from "./importer/importErrors";
// How messages are worded for a front end (the errors' constructors take a `Describe`).
export type { Describe, Terms } from "./core/terms";
// The job model and its enumerations: core/types.ts holds the public ones only.
export * from "./core/types";
// Every error class, guard and error type: core/errors.ts holds the public ones only.
export * from "./core/errors";
