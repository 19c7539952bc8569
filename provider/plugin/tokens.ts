/**
 * The names the plugin is known by: the Pulumi package, and the token of each function, resource and
 * type in its schema. Programs in every language refer to these strings.
 */

/** The Pulumi package name: the plugin is `pulumi-resource-<PACKAGE_NAME>`, config keys `<PACKAGE_NAME>:region`. */
export const PACKAGE_NAME = "mailmanager-import-jobs";

/** `<package>:index:<name>`, the token form of the schema. */
const token = (name: string): string => `${PACKAGE_NAME}:index:${name}`;

/** The invoke serving `getAddressListImportJobs`. */
export const GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN = token("getAddressListImportJobs");
/** The resource keeping the jobs in state. */
export const ADDRESS_LIST_IMPORT_JOBS_TOKEN = token("AddressListImportJobs");
/** The resource waiting for imports. */
export const IMPORT_JOBS_GATE_TOKEN = token("ImportJobsGate");

/** Token of an object or enum type of the schema. */
export const typeToken = token;
