import * as pulumi from "@pulumi/pulumi";

/** Where the client settings of a resource come from, as Inputs. */
export interface ClientDefaultsArgs {
  readonly region?: pulumi.Input<string | undefined>;
  readonly profile?: pulumi.Input<string | undefined>;
  readonly endpoint?: pulumi.Input<string | undefined>;
}

/**
 * The region, profile and endpoint a resource's provider will use, resolved in the program: each
 * argument, then the `aws:region` / `aws:profile` stack config (as `getAddressListImportJobs` and
 * @pulumi/aws read them), then the program's environment (AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE,
 * AWS_ENDPOINT_URL_MAILMANAGER, AWS_ENDPOINT_URL). The provider runs in another process, which sees
 * no stack config; passing explicit values makes it query what the program meant, and records them in
 * the state so that a change shows in `preview`. Nothing secret is read: credentials stay with the
 * SDK's default chain in the provider process (never in the serialised provider or the state). A
 * setting found nowhere stays undefined and the provider falls back to the SDK's own defaults.
 *
 * @example
 * const settings = resolveClientDefaults({ region: args.region });
 */
export function resolveClientDefaults(args: ClientDefaultsArgs): {
  region: pulumi.Output<string | undefined>;
  profile: pulumi.Output<string | undefined>;
  endpoint: pulumi.Output<string | undefined>;
} {
  // Read now, while the program runs: stack config is only set once it does.
  const config = new pulumi.Config("aws");
  const env = process.env;
  const first = (...values: (string | undefined)[]): string | undefined => values.find((v) => v) || undefined;
  return {
    region: pulumi
      .output(args.region)
      .apply((region) => first(region, config.get("region"), env.AWS_REGION, env.AWS_DEFAULT_REGION)),
    profile: pulumi
      .output(args.profile)
      .apply((profile) => first(profile, config.get("profile"), env.AWS_PROFILE)),
    endpoint: pulumi
      .output(args.endpoint)
      .apply((endpoint) => first(endpoint, env.AWS_ENDPOINT_URL_MAILMANAGER, env.AWS_ENDPOINT_URL)),
  };
}
