/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // tsconfig has isolatedModules, so ts-jest only transpiles; `npm run typecheck` (in lint) type-checks.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Examples import the package by name, as a user's program does (tsconfig.json "paths" likewise).
  moduleNameMapper: { "^pulumi-mailmanager-import-jobs$": "<rootDir>/provider/index.ts" },
  setupFiles: ["<rootDir>/tests/setup/env.ts"],
  globalSetup: "<rootDir>/tests/setup/globalSetup.ts",
  testTimeout: 60000,
  // Suites spawn provider hosts, the Pulumi CLI and emulators; two cores.
  maxWorkers: 2,
};
