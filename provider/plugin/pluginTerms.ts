import { ARGUMENT_TERMS, type Terms } from "../core/terms";

/** How a user of the plugin (YAML, Python, Go) sets things: inputs, or the provider's configuration. */
export const PLUGIN_TERMS: Terms = {
  argument: ARGUMENT_TERMS.argument,
  region: "`region` (or `pulumi config set mailmanager-import-jobs:region <region>`, or AWS_REGION)",
  profile: "`profile` (or `pulumi config set mailmanager-import-jobs:profile <name>`, or AWS_PROFILE)",
};
