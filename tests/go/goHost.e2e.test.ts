// The Go language host (scripts/hosts/pulumi-language-go) with the real Pulumi CLI, on a plain program:
// what a host must pass to a program (config, secrets, project, stack, dry run) and each way a program
// can fail (an error returned to pulumi.Run, an exit of its own, a compile error).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PulumiStack } from "../support/pulumiCli";
import { copyGoProgram, warmGoBuild } from "./goCli";
import { describeE2e } from "../support/e2e";

jest.setTimeout(300_000);

describeE2e("The Go language host", ["pulumi", "pulumi-go"], () => {
  let programDir: string;

  beforeAll(() => {
    programDir = copyGoProgram(join(__dirname, "programs", "plain"));
    warmGoBuild(programDir);
  }, 900_000);

  it("builds and runs a program: config and secrets, project and stack, dry run, no churn", async () => {
    const stack = new PulumiStack(programDir, "plain");
    await stack.init({ name: "world" });
    await stack.ok(["config", "set", "--secret", "token", "s3cr3t"]);

    const preview = await stack.ok(["preview"]);
    expect(preview.output).toContain("dry run: true");

    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(up.output).toContain("dry run: false");
    expect(await stack.outputs()).toEqual({
      text: "hello world",
      token: "[secret]",
      where: "go-host-plain/plain",
    });
    expect((await stack.outputs(true)).token).toBe("s3cr3t");
    expect(await stack.exportState()).not.toContain("s3cr3t");

    const quiet = await stack.run(["preview", "--expect-no-changes"]);
    if (quiet.code !== 0) throw new Error(quiet.output);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
  });

  it("an error returned to pulumi.Run fails `up` with that one error (exit status 32: no second one)", async () => {
    const stack = new PulumiStack(programDir, "error");
    await stack.init({ name: "world", token: "t", failMode: "error" });
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).toBe(1);
    expect(up.output).toContain("failMode 'error': bad input 7");
    expect(up.output).not.toContain("non-zero exit code");
    expect(up.output).not.toContain("panic:");
  });

  it("a program that exits on its own fails `up` with its exit code and what it printed", async () => {
    const stack = new PulumiStack(programDir, "exit");
    await stack.init({ name: "world", token: "t", failMode: "exit" });
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).toBe(1);
    expect(up.output).toContain("failMode 'exit': giving up");
    expect(up.output).toContain("program exited with non-zero exit code: 3");
  });

  it("a program that does not compile fails `preview` with the compiler's message", async () => {
    const broken = copyGoProgram(join(__dirname, "programs", "plain"));
    writeFileSync(join(broken, "broken.go"), 'package main\n\nvar broken int = "not a number"\n');
    const stack = new PulumiStack(broken, "broken");
    await stack.init({ name: "world", token: "t" });
    const preview = await stack.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/broken\.go:3:\d+: cannot use "not a number"/);
    expect(preview.output).toContain("error in compiling Go: unable to run `go build`");
  });
});
