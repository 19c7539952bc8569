import type {
  GetAddressListImportJobsArgs,
  GetAddressListImportJobsResult,
} from "../getAddressListImportJobs";
import type { AddressListImportJobsInputs } from "../addressListImportJobsProvider";
import type { ImportJobsGateInputs, ImportJobsGateSummary } from "../importJobsGateProvider";

/**
 * The TypeScript definitions the plugin's schema is generated from (generateSchema.ts reads these
 * aliases, their properties, optionality and doc comments, with the TypeScript compiler). They are the
 * very types of the TypeScript data function, dynamic resources and waiter, so the two front ends
 * cannot drift apart: a new argument or result field changes the schema at the next build.
 */

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

/** The provider's configuration: where the lists are, as the function's arguments of the same names. */
export type SchemaProviderConfig = Pick<GetAddressListImportJobsArgs, "region" | "profile" | "endpoint">;
