// Programs in every language refer to these names: a change breaks them.

/** The Pulumi package name: the plugin is `pulumi-resource-<PACKAGE_NAME>`, config keys `<PACKAGE_NAME>:region`. */
export const PACKAGE_NAME = "mailmanager-import-jobs";

const token = (name: string): string => `${PACKAGE_NAME}:index:${name}`;

export const GET_ADDRESS_LIST_IMPORT_JOBS_TOKEN = token("getAddressListImportJobs");
export const ADDRESS_LIST_IMPORT_JOBS_TOKEN = token("AddressListImportJobs");
export const IMPORT_JOBS_GATE_TOKEN = token("ImportJobsGate");
export const ADDRESS_LIST_IMPORT_TOKEN = token("AddressListImport");

/** Token of an object or enum type of the schema. */
export const typeToken = token;
