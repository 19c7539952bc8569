// Go with the provider plugin's SDK: reference the import jobs of an address list, hold the deployment
// until its newest matching import has completed, then record the jobs in state (the same program as
// examples/yaml and examples/python).
//
// It compiles against the generated SDK (sdk/go) and github.com/pulumi/pulumi/sdk/v3; running it needs
// Pulumi's Go language host (see README "Languages").
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	mij "github.com/pulumi-mailmanager-import-jobs/pulumi-mailmanager-import-jobs/sdk/go/mailmanagerimportjobs"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		addressListID := cfg.Require("addressListId")

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

		// Waits until the newest import job has COMPLETED; fails `pulumi up` naming the job otherwise.
		gate, err := mij.NewImportJobsGate(ctx, "importsDone", &mij.ImportJobsGateArgs{
			AddressListId: pulumi.String(addressListID),
			Select:        mij.ImportJobSelectionLatest,
			MinDelay:      pulumi.Float64(5),
			MaxDelay:      pulumi.Float64(30),
			MaxWaitTime:   pulumi.Float64(900),
		})
		if err != nil {
			return err
		}

		// Created once the gate has opened: the jobs kept in state, updated exactly when they change.
		recorded, err := mij.NewAddressListImportJobs(ctx, "importedJobs", &mij.AddressListImportJobsArgs{
			AddressListId: pulumi.String(addressListID),
		}, pulumi.DependsOn([]pulumi.Resource{gate}))
		if err != nil {
			return err
		}

		ctx.Export("jobIds", imports.JobIds())
		ctx.Export("counts", imports.Counts())
		ctx.Export("latest", imports.Latest())
		ctx.Export("fingerprint", imports.Fingerprint())
		ctx.Export("pendingUploadUrls", pending.PreSignedUrls())
		ctx.Export("gatedJobIds", gate.AcceptedJobIds)
		ctx.Export("recordedFingerprint", recorded.Fingerprint)
		return nil
	})
}
