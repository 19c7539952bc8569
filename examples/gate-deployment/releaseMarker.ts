import * as pulumi from "@pulumi/pulumi";

/**
 * Stands in for your application's resources when the program runs against the emulator, where
 * there is no AWS account to create real ones in. It records when it was created, so you can see
 * that it waited for the gate.
 */
const releaseMarkerProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return {
      id: `release-${inputs.gatedJobs.join("-")}`.slice(0, 200),
      outs: { ...inputs, createdAt: new Date().toISOString() },
    };
  },
  async diff(_id, olds, news) {
    return { changes: JSON.stringify(olds.gatedJobs) !== JSON.stringify(news.gatedJobs) };
  },
};

export class ReleaseMarker extends pulumi.dynamic.Resource {
  declare readonly createdAt: pulumi.Output<string>;
  constructor(
    name: string,
    args: { gatedJobs: pulumi.Input<string[]> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(releaseMarkerProvider, name, { createdAt: undefined, ...args }, opts, "example", "ReleaseMarker");
  }
}
