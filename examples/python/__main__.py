"""Python with the provider plugin's SDK: reference the import jobs of an address list, hold the
deployment until its newest matching import has completed, then record the jobs in state.
The same program as examples/yaml (and examples/go), with the same outputs plus `importJobs`.

    pip install -r requirements.txt      # the SDK; its plugin installs itself on the first `pulumi up`
    pulumi config set addressListId al-123456789abc
    pulumi config set mailmanager-import-jobs:region eu-west-1      # optional: else AWS_REGION
    pulumi up
"""

import pulumi
import pulumi_mailmanager_import_jobs as mij

config = pulumi.Config()
address_list_id = config.require("addressListId")

# Read at every preview and update: every job of the list, sorted, with summaries.
imports = mij.get_address_list_import_jobs_output(address_list_id=address_list_id)

# Upload URLs of the jobs still waiting for their file: only when asked, and then as a secret.
pending_uploads = mij.get_address_list_import_jobs_output(
    address_list_id=address_list_id,
    statuses=[mij.ImportJobStatus.CREATED],
    include_pre_signed_urls=True,
)

# Waits until the newest matching import job has COMPLETED; fails `pulumi up` naming the job when it
# FAILED, was STOPPED or did not finish in time. Progress shows on its row while it waits.
imports_done = mij.ImportJobsGate(
    "importsDone",
    address_list_id=address_list_id,
    select=mij.ImportJobSelection.LATEST,
    name_regex=config.get("gateNameRegex") or ".",
    min_delay=config.get_float("minDelay") or 5,
    max_delay=config.get_float("maxDelay") or 30,
    max_wait_time=config.get_float("maxWaitTime") or 900,
)

# Created only once the gate has opened: the list's jobs kept in state, so that `pulumi preview` shows
# an update exactly when they change, never for the re-signed upload URLs.
imported_jobs = mij.AddressListImportJobs(
    "importedJobs",
    address_list_id=address_list_id,
    include_pre_signed_urls=True,
    opts=pulumi.ResourceOptions(depends_on=[imports_done]),
)

pulumi.export("jobIds", imports.job_ids)
pulumi.export("counts", imports.counts)
pulumi.export("latest", imports.latest)
pulumi.export("fingerprint", imports.fingerprint)
pulumi.export("importJobs", imports.import_jobs)
pulumi.export("pendingUploadUrls", pending_uploads.pre_signed_urls)
pulumi.export("gatedJobIds", imports_done.accepted_job_ids)
pulumi.export("recordedFingerprint", imported_jobs.fingerprint)
