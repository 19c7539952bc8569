// What the provider text stored by release 0.1.0 requires. That text (still in the state of stacks
// deployed with 0.1.0 until their first `pulumi up` with a later release, see
// isLegacyProviderText) requires twelve internal files of 0.1.0 by path, e.g.
// `pulumi-mailmanager-import-jobs/dist/provider/dynamicInputs.js`, and Pulumi runs it for `refresh`
// and `destroy`. package.json `exports` maps each of those twelve paths here, so that such a stack
// can still be refreshed or destroyed before it is migrated. Only `read` and `delete` run from the
// stored text (the engine runs check, diff, create and update with the program's new text), but every
// name the text references is served, with the behaviour 0.1.0 had.
export { diffByInputs, knownInputs, pickInputs, plainJson } from "./dynamicInputs";
export { validateArgs } from "../core/validateArgs";
export { fetchAddressListImportJobs } from "../core/fetchAddressListImportJobs";
export { validateWaitForImportJobsArgs } from "../waiter/validateWaitForImportJobsArgs";
export { PROGRESS_URN_INPUT } from "./importJobsGateProvider";
export { show } from "../core/argumentMessages";
export { summarizeImportJobs } from "../core/summarizeImportJobs";
export { checkImportJobs } from "../waiter/checkImportJobs";
export { fingerprint } from "../core/fingerprint";
export { createEngineLog } from "./engineLog";
export { waitForImportJobs } from "../waiter/waitForImportJobs";
export { reportProgress } from "../waiter/reportProgress";
