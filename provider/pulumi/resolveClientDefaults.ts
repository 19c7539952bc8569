import * as pulumi from "@pulumi/pulumi";

/** Where the client settings of a resource come from, as Inputs. */
export interface ClientDefaultsArgs {
  readonly region?: pulumi.Input<string | undefined>;
  readonly profile?: pulumi.Input<string | undefined>;
  readonly endpoint?: pulumi.Input<string | undefined>;
}

/**
 * Where @pulumi/aws resources would take their region and profile from: an explicit `aws.Provider`
 * (`opts.provider`, or one inherited through `opts.parent`). Duck-typed so that @pulumi/aws stays optional.
 */
export function awsProviderOf(
  opts: pulumi.InvokeOptions | pulumi.CustomResourceOptions | undefined,
): { region?: unknown; profile?: unknown } | undefined {
  const provider = (opts?.provider ??
    opts?.parent?.getProvider("aws:mailmanager:getAddressListImportJobs")) as
    { pkg?: unknown; region?: unknown; profile?: unknown } | undefined;
  // `pkg` is set by every ProviderResource; another package's provider says nothing about AWS settings.
  return provider === undefined || (typeof provider.pkg === "string" && provider.pkg !== "aws")
    ? undefined
    : provider;
}

/** The aws.Provider's region and profile (undefined where it sets none), as one Output. */
export function awsProviderSettings(
  opts: pulumi.InvokeOptions | pulumi.CustomResourceOptions | undefined,
): pulumi.Output<{ region?: string; profile?: string }> {
  const provider = awsProviderOf(opts);
  const asInput = (value: unknown): pulumi.Input<string | undefined> =>
    pulumi.Output.isInstance(value) || typeof value === "string"
      ? (value as pulumi.Input<string>)
      : undefined;
  return pulumi.output({ region: asInput(provider?.region), profile: asInput(provider?.profile) });
}

/**
 * A resource's options without an `aws.Provider` in `provider`: its settings are taken as the
 * resource's inputs ({@link resolveClientDefaults}), and the engine must not route a dynamic resource to
 * the AWS provider.
 */
export function withoutAwsProvider(
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions {
  if (opts?.provider === undefined || awsProviderOf({ provider: opts.provider }) === undefined)
    return opts ?? {};
  const { provider: _aws, ...rest } = opts;
  return rest;
}

/**
 * The region and profile a Pulumi program gives its lookups: the aws.Provider's (from
 * {@link awsProviderSettings}), then the `aws:region` / `aws:profile` stack config. Call it while the
 * program runs, never at module load: stack config is only set then.
 *
 * @example
 * const { region } = programAwsDefaults({ region: undefined }); // the stack's aws:region, if any
 */
export function programAwsDefaults(provider: { region?: string; profile?: string }): {
  region?: string;
  profile?: string;
} {
  const config = new pulumi.Config("aws");
  return {
    region: provider.region || config.get("region") || undefined,
    profile: provider.profile || config.get("profile") || undefined,
  };
}

/**
 * The region, profile and endpoint a resource's provider will use, resolved in the program: each
 * argument, then an `aws.Provider`'s region and profile (`opts.provider`, or inherited from
 * `opts.parent`), then the `aws:region` / `aws:profile` stack config, then the program's environment
 * (AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_MAILMANAGER, AWS_ENDPOINT_URL). The
 * provider host sees no stack config: explicit inputs make it query what the program meant, and a
 * change shows in `preview`. Credentials are not read: they stay with the SDK's default chain in the
 * provider host, never in the state. A setting found nowhere stays undefined (the SDK's defaults).
 *
 * @example
 * const settings = resolveClientDefaults({ region: args.region }, opts);
 */
export function resolveClientDefaults(
  args: ClientDefaultsArgs,
  opts?: pulumi.CustomResourceOptions,
): {
  region: pulumi.Output<string | undefined>;
  profile: pulumi.Output<string | undefined>;
  endpoint: pulumi.Output<string | undefined>;
} {
  const env = process.env;
  const first = (...values: (string | undefined)[]): string | undefined => values.find((v) => v) || undefined;
  const aws = awsProviderSettings(opts);
  return {
    region: pulumi
      .all([args.region, aws])
      .apply(([region, provider]) =>
        first(region, programAwsDefaults(provider).region, env.AWS_REGION, env.AWS_DEFAULT_REGION),
      ),
    profile: pulumi
      .all([args.profile, aws])
      .apply(([profile, provider]) => first(profile, programAwsDefaults(provider).profile, env.AWS_PROFILE)),
    endpoint: pulumi
      .output(args.endpoint)
      .apply((endpoint) => first(endpoint, env.AWS_ENDPOINT_URL_MAILMANAGER, env.AWS_ENDPOINT_URL)),
  };
}
