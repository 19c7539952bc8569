/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // isolatedModules: transpile only; `npm run typecheck` (in lint) does the type checking.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  setupFiles: ["<rootDir>/tests/setup/env.ts"],
  globalSetup: "<rootDir>/tests/setup/globalSetup.ts",
  testTimeout: 60000,
  // Suites spawn provider hosts, the Pulumi CLI and emulators; two cores.
  maxWorkers: 2,
};
