// A plain program for tests/go/goHost.e2e.test.ts: what the Go language host passes to a program
// (config, secrets, project, stack, dry run) and each way a program can fail (config `failMode`).
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		switch cfg.Get("failMode") {
		case "error":
			// Returned to pulumi.Run, which reports it to the engine and exits with 32.
			return errors.New("failMode 'error': bad input 7")
		case "exit":
			// Ends the process without telling the engine anything.
			fmt.Fprintln(os.Stderr, "failMode 'exit': giving up")
			os.Exit(3)
		}
		fmt.Printf("dry run: %v\n", ctx.DryRun())
		ctx.Export("text", pulumi.String("hello "+cfg.Require("name")))
		ctx.Export("token", cfg.RequireSecret("token"))
		ctx.Export("where", pulumi.String(ctx.Project()+"/"+ctx.Stack()))
		return nil
	})
}
