/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // tsconfig has isolatedModules, so ts-jest only transpiles; `npm run typecheck` (in lint) type-checks.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFiles: ["<rootDir>/tests/setup/env.ts"],
  globalSetup: "<rootDir>/tests/setup/globalSetup.ts",
  testTimeout: 60000,
  // Suites spawn provider hosts, the Pulumi CLI and emulators; two cores.
  maxWorkers: 2,
};
