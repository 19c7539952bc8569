// What the provider text stored by 0.1.0 requires: package.json `exports` maps its twelve internal
// paths (e.g. `…/dist/provider/dynamicInputs.js`) here, so that a stack not yet migrated (see
// isLegacyProviderText) can still be refreshed or destroyed. Only `read` and `delete` run from that
// text, but every name it references is served, with 0.1.0's behaviour.
export { diffByInputs, knownInputs, pickInputs, plainJson } from "./dynamicInputs";
export { validateArgs } from "../core/validateArgs";
export { fetchAddressListImportJobs } from "../core/fetchAddressListImportJobs";
export { validateWaitForImportJobsArgs } from "../waiter/validateWaitForImportJobsArgs";
export { PROGRESS_URN_INPUT } from "./importJobsGateProvider";
export { show } from "../core/validationKit";
export { summarizeImportJobs } from "../core/summarizeImportJobs";
export { checkImportJobs } from "../waiter/checkImportJobs";
export { fingerprint } from "../core/fingerprint";
export { createEngineLog } from "./engineLog";
export { waitForImportJobs } from "../waiter/waitForImportJobs";
export { reportProgress } from "../waiter/reportProgress";
