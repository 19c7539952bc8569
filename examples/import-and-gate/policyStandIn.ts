import * as pulumi from "@pulumi/pulumi";

/**
 * Takes the traffic policy's place when the program runs against the emulator, where there is no AWS
 * account to create it in. It records when it was created, so you can see that it waited for the
 * import; like the policy, it does not change when the list's content does.
 */
const policyStandInProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `stand-in-${inputs.policyName}`, outs: { ...inputs, createdAt: new Date().toISOString() } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.policyName !== news.policyName };
  },
};

export class PolicyStandIn extends pulumi.dynamic.Resource {
  declare readonly createdAt: pulumi.Output<string>;
  constructor(name: string, args: { policyName: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(policyStandInProvider, name, { createdAt: undefined, ...args }, opts, "example", "PolicyStandIn");
  }
}
