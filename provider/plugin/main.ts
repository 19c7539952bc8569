#!/usr/bin/env node
// The provider plugin `pulumi-resource-mailmanager-import-jobs`: the engine starts it with its own
// address as the last argument; it prints the port it serves on (see serveProvider).
import packageJson from "../../package.json";
import { createPluginProvider } from "./createPluginProvider";
import schema from "./schema.json";
import { serveProvider } from "./serveProvider";

// The schema's version is the package's: one version for the npm package, the plugin and its schema.
const version = packageJson.version;
serveProvider(
  createPluginProvider(version, JSON.stringify({ ...schema, version })),
  process.argv.slice(2),
).catch((error: unknown) => {
  process.stderr.write(
    `pulumi-resource-mailmanager-import-jobs: ${error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});
