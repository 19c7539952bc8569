// The one rule that decides whether an end-to-end suite runs: each suite names the external programs
// it needs; when one is missing the suite is skipped with the reason in its name, except with
// REQUIRE_E2E set (CI, .ci/run), where it fails instead, so that a broken set-up never passes as skips.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { findPulumiCliDir } from "./pulumiCli";

/**
 * What an end-to-end suite can need beside Node.js: `pulumi`, the Pulumi CLI (PATH, PULUMI_CLI_DIR or
 * the cache of scripts/env/ensure-pulumi-cli); `pulumi-yaml`, `pulumi-language-yaml` beside it;
 * `pulumi-python`, `pulumi-language-python` beside it and a Python with the venv module; `pulumi-go`,
 * `pulumi-language-go` beside it and Go on PATH; `aws`, the AWS CLI on PATH.
 */
export type E2eRequirement = "pulumi" | "pulumi-yaml" | "pulumi-python" | "pulumi-go" | "aws";

const PYTHON = process.env.PYTHON ?? "python3";

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return !result.error && result.status === 0;
}

/** What is missing, one reason per requirement, each saying how to get it. */
function missing(requirements: readonly E2eRequirement[]): string[] {
  const reasons: string[] = [];
  const cliDir = findPulumiCliDir();
  const needsCli = requirements.some((r) => r !== "aws");
  if (needsCli && !cliDir) {
    reasons.push("no Pulumi CLI: run scripts/env/ensure-pulumi-cli (needs Go) or install pulumi");
  }
  if (cliDir && requirements.includes("pulumi-yaml") && !existsSync(join(cliDir, "pulumi-language-yaml"))) {
    reasons.push(`no pulumi-language-yaml in ${cliDir}: run scripts/env/ensure-pulumi-yaml "${cliDir}"`);
  }
  if (requirements.includes("pulumi-python")) {
    if (cliDir && !existsSync(join(cliDir, "pulumi-language-python"))) {
      reasons.push(
        `no pulumi-language-python in ${cliDir}: run scripts/env/ensure-pulumi-python "${cliDir}"`,
      );
    }
    if (!runs(PYTHON, ["-c", "import venv"])) {
      reasons.push(`no ${PYTHON} with the venv module`);
    }
  }
  if (requirements.includes("pulumi-go")) {
    if (cliDir && !existsSync(join(cliDir, "pulumi-language-go"))) {
      reasons.push(`no pulumi-language-go in ${cliDir}: run scripts/env/ensure-pulumi-go "${cliDir}"`);
    }
    if (!runs("go", ["version"])) {
      reasons.push("no Go toolchain: `go` is not on PATH (Go programs are built with it)");
    }
  }
  if (requirements.includes("aws") && !runs("aws", ["--version"])) {
    reasons.push("no AWS CLI: `aws` is not on PATH (pip install awscli)");
  }
  return reasons;
}

/**
 * Why a suite that needs `requirements` cannot run here, or undefined when it can. With REQUIRE_E2E
 * set, throws instead of returning a reason, naming everything that is missing.
 */
export function e2eSkipReason(requirements: readonly E2eRequirement[]): string | undefined {
  const reasons = missing(requirements);
  if (reasons.length === 0) return undefined;
  const why = reasons.join("; ");
  if (process.env.REQUIRE_E2E) {
    throw new Error(`REQUIRE_E2E is set, so this end-to-end suite must run, but ${why}`);
  }
  return why;
}

/**
 * `describe` for an end-to-end suite: runs it when `requirements` are met, else skips it with
 * "(skipped: <reason>)" in its name, or, with REQUIRE_E2E set, fails the test file with that reason.
 */
export function describeE2e(name: string, requirements: readonly E2eRequirement[], fn: () => void): void {
  const reason = e2eSkipReason(requirements);
  if (reason) {
    describe.skip(`${name} (skipped: ${reason})`, fn);
  } else {
    describe(name, fn);
  }
}
