"""Python with the provider plugin's SDK: fill an address list from members.csv. `up` creates one
import job, uploads the file, starts the job and waits until it has COMPLETED; `up` again changes
nothing; an edited file replaces the resource, which is one new job. The state keeps the file's
SHA-256, never an address. The same program as examples/yaml-import, with the same outputs.

    pip install -r requirements.txt      # the SDK; its plugin installs itself on the first `pulumi up`
    pulumi config set addressListId al-123456789abc
    pulumi config set mailmanager-import-jobs:region eu-west-1      # optional: else AWS_REGION
    pulumi up
"""

import pulumi
import pulumi_mailmanager_import_jobs as mij

config = pulumi.Config()

# Fails `pulumi up` with the job's id and error when the job FAILED, when an address failed to import
# (max_failed_items=0) or when it did not finish in time. Progress shows on its row while it waits.
members = mij.AddressListImport(
    "newsletter-members",
    address_list_id=config.require("addressListId"),
    file="members.csv",  # relative to this project's directory; format CSV from the extension
    max_failed_items=0,
    min_delay=config.get_float("minDelay") or 5,
    max_delay=config.get_float("maxDelay") or 30,
    max_wait_time=config.get_float("maxWaitTime") or 900,
)

pulumi.export("importJobId", members.job_id)
pulumi.export("importStatus", members.status)
pulumi.export("importedItems", members.imported_items_count)
pulumi.export("failedItems", members.failed_items_count)
pulumi.export("membersSha256", members.content_sha256)
