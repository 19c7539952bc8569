import type {
  GetAddressListImportJobsArgs,
  GetAddressListImportJobsResult,
} from "../pulumi/getAddressListImportJobs";
import type { AddressListImportJobsInputs } from "../pulumi/addressListImportJobsProvider";
import type { ImportJobsGateInputs, ImportJobsGateSummary } from "../pulumi/importJobsGateProvider";
import type { AddressListImportInputs, AddressListImportSummary } from "../pulumi/addressListImportProvider";

// What the schema generator reads (these aliases, their properties, optionality and doc comments). They
// are the TypeScript front end's own types, so a new argument or result field changes the schema too.

/** Arguments of the `getAddressListImportJobs` invoke: those of the TypeScript function. */
export type SchemaFunctionInputs = GetAddressListImportJobsArgs;

/** Result of the `getAddressListImportJobs` invoke: that of the TypeScript function. */
export type SchemaFunctionOutputs = GetAddressListImportJobsResult;

/** Inputs of the `AddressListImportJobs` resource: those of the dynamic resource. */
export type SchemaJobsInputs = AddressListImportJobsInputs;

/** Outputs of the `AddressListImportJobs` resource: its inputs echoed, then the function's result. */
export type SchemaJobsOutputs = AddressListImportJobsInputs & GetAddressListImportJobsResult;

/** Inputs of the `ImportJobsGate` resource: those of the dynamic gate (the waiter's, without its hooks). */
export type SchemaGateInputs = ImportJobsGateInputs;

/** Outputs of the `ImportJobsGate` resource: its inputs echoed, then what it accepted. */
export type SchemaGateOutputs = ImportJobsGateInputs & ImportJobsGateSummary;

/** Inputs of the `AddressListImport` resource: those of the dynamic resource (`content` is secret). */
export type SchemaImportInputs = AddressListImportInputs;

/** Outputs of the `AddressListImport` resource: its inputs echoed (but `content`), then the job. */
export type SchemaImportOutputs = Omit<AddressListImportInputs, "content"> & AddressListImportSummary;

/** The provider's configuration: where the lists are, as the function's arguments of the same names. */
export type SchemaProviderConfig = Pick<GetAddressListImportJobsArgs, "region" | "profile" | "endpoint">;
