// The Python language host (scripts/hosts/pulumi-language-python) with the real Pulumi CLI, on a plain
// program: what a host must pass to a program (config, secrets, project, stack, dry run), a dynamic
// provider through pulumi-resource-pulumi-python, and each way a program can fail.
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiStack } from "../support/pulumiCli";
import { copyPythonProgram, PULUMI_PYTHON_VERSION, pulumiVirtualenv } from "./pythonCli";
import { describeE2e } from "../support/e2e";

jest.setTimeout(300_000);

describeE2e("The Python language host", ["pulumi", "pulumi-python"], () => {
  let programDir: string;

  beforeAll(() => {
    programDir = copyPythonProgram(join(__dirname, "programs", "plain"), pulumiVirtualenv());
  });

  it("runs a program: config and secrets, project and stack, dry run, a dynamic resource, no churn, destroy", async () => {
    const stack = new PulumiStack(programDir, "plain");
    await stack.init({ name: "world" });
    await stack.ok(["config", "set", "--secret", "token", "s3cr3t"]);

    const preview = await stack.ok(["preview"]);
    expect(preview.output).toContain("dry run: True");

    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(up.output).toContain("dry run: False");
    expect(up.output).toMatch(/\+\s+pulumi-python:dynamic:Resource\s+greeting\s+created/);
    expect(await stack.outputs()).toEqual({
      text: "hello world",
      token: "[secret]",
      where: "python-host-plain/plain",
    });
    expect((await stack.outputs(true)).token).toBe("s3cr3t");
    expect(await stack.exportState()).not.toContain("s3cr3t");

    const quiet = await stack.run(["preview", "--expect-no-changes"]);
    if (quiet.code !== 0) throw new Error(quiet.output);

    // The CLI stops the host when it is done: no traceback of an interrupted server.
    expect(up.output).not.toContain("KeyboardInterrupt");

    const destroy = await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.output).toMatch(/-\s+pulumi-python:dynamic:Resource\s+greeting\s+deleted/);
  });

  it("an unhandled exception fails `up` with one error: the message and the user's own frames", async () => {
    const stack = new PulumiStack(programDir, "raise");
    await stack.init({ name: "world", token: "t", failMode: "raise" });
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).toBe(1);
    expect(up.output).toContain("error: Program failed with an unhandled exception:");
    expect(up.output).toContain("ValueError: failMode 'raise': bad input 7");
    expect(up.output).toMatch(/__main__\.py", line \d+, in check_input/);
    // Exit code 32 ("already reported"): the engine adds no second error, and no host frames show.
    expect(up.output).not.toContain("non-zero exit code");
    expect(up.output).not.toContain("pulumi-language-python-exec");
    expect(up.output).not.toContain("runpy");
  });

  it("`pulumi install` creates the project's virtualenv from requirements.txt (the host needs none to start)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmij-python-install-"));
    cpSync(join(__dirname, "programs", "plain"), dir, { recursive: true });
    writeFileSync(join(dir, "requirements.txt"), `pulumi==${PULUMI_PYTHON_VERSION}\n`);
    const stack = new PulumiStack(dir, "install");
    await stack.ok(["install"], 240_000);
    expect(existsSync(join(dir, "venv", "bin", "python"))).toBe(true);
    await stack.init({ name: "installed", token: "t" });
    const preview = await stack.ok(["preview"]);
    expect(preview.output).toContain("dry run: True");
    const about = await stack.ok(["about"]);
    expect(about.output).toContain(`executable='${join(dir, "venv", "bin", "python")}'`);
    expect(about.output).toMatch(new RegExp(`pulumi\\s+${PULUMI_PYTHON_VERSION.replace(/\./g, "\\.")}`));
  });

  it("a program that exits non-zero fails `up` with its exit code", async () => {
    const stack = new PulumiStack(programDir, "exit");
    await stack.init({ name: "world", token: "t", failMode: "exit" });
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).toBe(1);
    expect(up.output).toContain("program exited with non-zero exit code: 3");
  });
});
