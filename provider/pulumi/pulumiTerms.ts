import { ARGUMENT_TERMS, type Terms } from "../core/terms";

/** How a Pulumi program's author sets things: arguments or inputs, the `aws:` stack config, an `aws.Provider`. */
export const PULUMI_TERMS: Terms = {
  argument: ARGUMENT_TERMS.argument,
  region: "`region` (or an `aws.Provider`'s region, `pulumi config set aws:region <region>`, or AWS_REGION)",
  profile:
    "`profile` (or an `aws.Provider`'s profile, `pulumi config set aws:profile <name>`, or AWS_PROFILE)",
};
