// Go with the provider plugin's SDK: reference the import jobs of an address list, hold the deployment
// until its newest matching import has completed, then record the jobs in state. The same program as
// examples/python, with the same outputs (examples/yaml's plus importJobs).
//
//	pulumi config set addressListId al-123456789abc
//	pulumi config set mailmanager-import-jobs:region eu-west-1      # optional: else AWS_REGION
//	pulumi up
//
// It builds against the generated SDK (sdk/go, by the replace directive in go.mod) and
// github.com/pulumi/pulumi/sdk/v3; Pulumi's Go language host runs it (README "Languages"), and the engine
// downloads the plugin from the release named in the SDK's pulumi-plugin.json the first time.
package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	mij "github.com/pulumi-mailmanager-import-jobs/pulumi-mailmanager-import-jobs/sdk/go/mailmanagerimportjobs"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		addressListID := cfg.Require("addressListId")
		// Which imports the gate waits for: the newest job whose name matches (e.g. "^nightly-").
		nameRegex := cfg.Get("gateNameRegex")
		if nameRegex == "" {
			nameRegex = "."
		}
		// The gate's polling schedule and patience, in seconds.
		seconds := func(key string, fallback float64) (float64, error) {
			if cfg.Get(key) == "" {
				return fallback, nil
			}
			value, err := cfg.TryFloat64(key)
			if err != nil {
				return 0, fmt.Errorf("config %s: %q is not a number of seconds", key, cfg.Get(key))
			}
			return value, nil
		}
		minDelay, err := seconds("minDelay", 5)
		if err != nil {
			return err
		}
		maxDelay, err := seconds("maxDelay", 30)
		if err != nil {
			return err
		}
		maxWaitTime, err := seconds("maxWaitTime", 900)
		if err != nil {
			return err
		}

		// Read at every preview and update: every job of the list, sorted, with summaries.
		imports := mij.LookupAddressListImportJobsOutput(ctx, mij.LookupAddressListImportJobsOutputArgs{
			AddressListId: pulumi.String(addressListID),
		})
		// Upload URLs of the jobs still waiting for their file: only when asked, and then as a secret.
		pending := mij.LookupAddressListImportJobsOutput(ctx, mij.LookupAddressListImportJobsOutputArgs{
			AddressListId:        pulumi.String(addressListID),
			Statuses:             mij.ImportJobStatusArray{mij.ImportJobStatusCREATED},
			IncludePreSignedUrls: pulumi.Bool(true),
		})

		// Waits until the newest matching import job has COMPLETED; fails `pulumi up` naming the job when
		// it FAILED, was STOPPED or did not finish in time. Progress shows on its row while it waits.
		gate, err := mij.NewImportJobsGate(ctx, "importsDone", &mij.ImportJobsGateArgs{
			AddressListId: pulumi.String(addressListID),
			Select:        mij.ImportJobSelectionLatest,
			NameRegex:     pulumi.String(nameRegex),
			MinDelay:      pulumi.Float64(minDelay),
			MaxDelay:      pulumi.Float64(maxDelay),
			MaxWaitTime:   pulumi.Float64(maxWaitTime),
		})
		if err != nil {
			return err
		}

		// Created only once the gate has opened: the list's jobs kept in state, so that `pulumi preview`
		// shows an update exactly when they change, never for the re-signed upload URLs.
		recorded, err := mij.NewAddressListImportJobs(ctx, "importedJobs", &mij.AddressListImportJobsArgs{
			AddressListId:        pulumi.String(addressListID),
			IncludePreSignedUrls: pulumi.Bool(true),
		}, pulumi.DependsOn([]pulumi.Resource{gate}))
		if err != nil {
			return err
		}

		ctx.Export("jobIds", imports.JobIds())
		ctx.Export("counts", imports.Counts())
		ctx.Export("latest", imports.Latest())
		ctx.Export("fingerprint", imports.Fingerprint())
		ctx.Export("importJobs", imports.ImportJobs())
		ctx.Export("pendingUploadUrls", pending.PreSignedUrls())
		ctx.Export("gatedJobIds", gate.AcceptedJobIds)
		ctx.Export("recordedFingerprint", recorded.Fingerprint)
		return nil
	})
}
