import * as grpc from "@grpc/grpc-js";
import { main } from "@pulumi/pulumi/provider";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { ConfigureRequest } from "@pulumi/pulumi/proto/provider_pb";
import { ConfigureResponse } from "@pulumi/pulumi/proto/provider_pb";
import type { PluginProvider } from "./createPluginProvider";
import { settingsFromConfig } from "./providerSettings";

type Implementation = Record<string, unknown>;

/**
 * Serves the provider with `@pulumi/pulumi/provider`'s `main`, whose `Configure` drops the provider's
 * configuration: the service it registers is wrapped so that `Configure` hands the settings to the
 * provider first. (`CheckConfig`/`DiffConfig` answer "unimplemented", which the engine reads as
 * "accepted, no replacement".)
 *
 * @example
 * serveProvider(createPluginProvider(version, schema), process.argv.slice(2));
 */
export function serveProvider(provider: PluginProvider, args: string[]): Promise<void> {
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    if (service !== ResourceProviderService) {
      return addService.call(this, service, implementation);
    }
    // grpc-js binds each handler to this object, so the original server stays `this` for the others.
    const wrapped: Implementation = Object.create(implementation as object);
    wrapped.configure = (
      call: grpc.ServerUnaryCall<ConfigureRequest, ConfigureResponse>,
      callback: grpc.sendUnaryData<ConfigureResponse>,
    ) => {
      const request = call.request;
      const args = (request.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>;
      provider.configure(settingsFromConfig(args));
      const response = new ConfigureResponse();
      response.setAcceptsecrets(true);
      response.setAcceptresources(true);
      response.setAcceptoutputs(true);
      callback(null, response);
    };
    return addService.call(this, service, wrapped as grpc.UntypedServiceImplementation);
  };
  return main(provider, args);
}
