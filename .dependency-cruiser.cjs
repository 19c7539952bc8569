// The layers of provider/ (docs/ARCHITECTURE.md): core ← waiter ← importer ← front ends (pulumi,
// plugin, cli, client). `npm run lint` fails on an import cycle (type-only imports included) or an
// import against the layers.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Modules import each other in one direction only (type-only imports included).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-is-the-bottom-layer",
      comment: "The core (types, validation, paging, result, errors, client) imports no other layer.",
      severity: "error",
      from: { path: "^provider/core/" },
      to: { path: "^provider/(waiter|importer|pulumi|plugin|cli)/|^provider/(index|client)\\.ts$" },
    },
    {
      name: "waiter-sits-on-the-core",
      comment: "The waiter imports only the core.",
      severity: "error",
      from: { path: "^provider/waiter/" },
      to: { path: "^provider/(importer|pulumi|plugin|cli)/|^provider/(index|client)\\.ts$" },
    },
    {
      name: "importer-sits-on-the-waiter",
      comment: "The importer (create, upload, start, wait) imports only the core and the waiter.",
      severity: "error",
      from: { path: "^provider/importer/" },
      to: { path: "^provider/(pulumi|plugin|cli)/|^provider/(index|client)\\.ts$" },
    },
    {
      name: "core-and-waiter-are-pulumi-free",
      comment:
        "The Pulumi-free entry (./client) and the command line load neither @pulumi/pulumi nor anything that does.",
      severity: "error",
      from: { path: "^provider/(core/|waiter/|importer/|cli/|client\\.ts$)" },
      to: { path: "(^|/)node_modules/@pulumi/|^provider/pulumi/|^provider/plugin/" },
    },
    {
      name: "front-ends-do-not-import-each-other",
      comment:
        "The dynamic-provider front end and the command line are independent; the plugin may reuse the dynamic providers.",
      severity: "error",
      from: { path: "^provider/pulumi/" },
      to: { path: "^provider/(plugin|cli)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^provider/plugin/schema\\.json$" },
  },
};
