#!/usr/bin/env node
/*
 * A minimal `pulumi-language-nodejs` language host, used only when the real one cannot be built.
 *
 * Why it exists: the Pulumi CLI builds from the Go module proxy (`scripts/env/ensure-pulumi-cli`), but
 * the real Node.js language host lives in its own Go module
 * (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3), which the proxy reachable from
 * our machines does not serve ("403 This module version is not available"). Without a language host
 * the CLI cannot run a `runtime: nodejs` project at all.
 *
 * What it does is what the Go host's `Run` does (sdk/nodejs/cmd/pulumi-language-nodejs/main.go,
 * `constructArguments`/`constructConfig`): start `node @pulumi/pulumi/cmd/run` from the program's own
 * node_modules with the monitor and engine addresses, project, stack, dry-run flag and parallelism,
 * the stack config in PULUMI_CONFIG, and TypeScript through ts-node. Everything else the CLI may ask
 * (plugin discovery, dependency installation, code generation) is either answered empty or left
 * UNIMPLEMENTED, which the CLI treats as "not supported" for optional calls.
 *
 * It loads @pulumi/pulumi's generated gRPC stubs from the program directory (the CLI starts language
 * hosts there), the same way `pulumi-resource-pulumi-nodejs` finds the dynamic-provider host.
 */
"use strict";

const { spawn } = require("child_process");

function fromProgram(specifier) {
  return require(require.resolve(specifier, { paths: [process.cwd(), __dirname] }));
}

const grpc = fromProgram("@grpc/grpc-js");
const langrpc = fromProgram("@pulumi/pulumi/proto/language_grpc_pb");
const langproto = fromProgram("@pulumi/pulumi/proto/language_pb");
const plugproto = fromProgram("@pulumi/pulumi/proto/plugin_pb");

// The CLI passes its flags (`-tracing`, `-root`, ...) first and the engine address last.
const engineAddress = process.argv[process.argv.length - 1] ?? "";

// Exit code the Node SDK uses after it has already shown the user an actionable message.
const EXITED_AFTER_USER_MESSAGE = 32;

function unimplemented(_call, callback) {
  callback({ code: grpc.status.UNIMPLEMENTED, details: "not supported by this minimal language host" });
}

function programInfo(req) {
  const info = req.getInfo();
  const programDirectory = (info && info.getProgramDirectory()) || req.getPwd() || process.cwd();
  const entryPoint = (info && info.getEntryPoint()) || req.getProgram() || ".";
  const rootDirectory = (info && info.getRootDirectory()) || programDirectory;
  return { programDirectory, entryPoint, rootDirectory };
}

function run(call, callback) {
  const req = call.request;
  const { programDirectory, entryPoint, rootDirectory } = programInfo(req);
  if (process.env.PMIJ_LANGHOST_DEBUG)
    console.error(
      "langhost",
      JSON.stringify({
        programDirectory,
        entryPoint,
        rootDirectory,
        pwd: req.getPwd(),
        program: req.getProgram(),
      }),
    );
  let runPath;
  try {
    runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [programDirectory, rootDirectory] });
  } catch {
    const resp = new langproto.RunResponse();
    resp.setError("It looks like the Pulumi SDK has not been installed. Have you run npm install?");
    callback(null, resp);
    return;
  }
  const args = [runPath, "--monitor", req.getMonitorAddress(), "--engine", engineAddress];
  const add = (flag, value) => value && args.push(`--${flag}`, String(value));
  add("organization", req.getOrganization());
  add("project", req.getProject());
  add("root-directory", rootDirectory);
  add("stack", req.getStack());
  add("pwd", programDirectory);
  if (req.getDryrun()) args.push("--dry-run");
  add("parallel", req.getParallel());
  args.push(entryPoint, ...req.getArgsList());

  const config = {};
  for (const [k, v] of req.getConfigMap().entries()) config[k] = v;
  const env = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
    // The Go host defaults `typescript` to true; cmd/run then registers ts-node for .ts programs.
    PULUMI_NODEJS_TYPESCRIPT: process.env.PULUMI_NODEJS_TYPESCRIPT ?? "true",
  };
  const child = spawn(process.execPath, args, { cwd: programDirectory, env, stdio: "inherit" });
  child.on("error", (err) => {
    const resp = new langproto.RunResponse();
    resp.setError(`Problem executing program (could not run language executor): ${err.message}`);
    callback(null, resp);
  });
  child.on("exit", (code, signal) => {
    const resp = new langproto.RunResponse();
    if (code === EXITED_AFTER_USER_MESSAGE) resp.setBail(true);
    else if (code !== 0) resp.setError(`Program exited with non-zero exit code: ${code ?? signal}`);
    callback(null, resp);
  });
}

const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
server.addService(langrpc.LanguageRuntimeService, {
  handshake: (_call, callback) => callback(null, new langproto.LanguageHandshakeResponse()),
  getRequiredPlugins: (_call, callback) => {
    const resp = new langproto.GetRequiredPluginsResponse();
    resp.setPluginsList([]);
    callback(null, resp);
  },
  // Plugins are loaded lazily when a program registers a resource of theirs; reporting none
  // avoids a download attempt for every package in node_modules on a machine with no network.
  getRequiredPackages: (_call, callback) => {
    const resp = new langproto.GetRequiredPackagesResponse();
    resp.setPackagesList([]);
    callback(null, resp);
  },
  run,
  getPluginInfo: (_call, callback) => {
    const resp = new plugproto.PluginInfo();
    resp.setVersion(
      require(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] })).version,
    );
    callback(null, resp);
  },
  installDependencies: unimplemented,
  runtimeOptionsPrompts: unimplemented,
  template: unimplemented,
  about: unimplemented,
  getProgramDependencies: unimplemented,
  runPlugin: unimplemented,
  generateProgram: unimplemented,
  generateProject: unimplemented,
  generatePackage: unimplemented,
  pack: unimplemented,
  link: unimplemented,
  cancel: (_call, callback) =>
    callback(null, new (fromProgram("google-protobuf/google/protobuf/empty_pb").Empty)()),
});
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(`pulumi-language-nodejs: could not start: ${err.message}`);
    process.exit(1);
  }
  // The CLI reads the port from the first line of stdout.
  process.stdout.write(`${port}\n`);
});
