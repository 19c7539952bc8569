"""One AddressListImport, for `pulumi up` to be interrupted while it waits for its job. The provider's
endpoint and region come from the stack's configuration."""

import pulumi
import pulumi_mailmanager_import_jobs as mij

config = pulumi.Config()

# A short schedule, so that the next `up` sees the finished job at once; a long patience, so that only
# the cancellation (never the deadline) can end an interrupted wait within the test.
members = mij.AddressListImport(
    "import",
    address_list_id=config.require("addressListId"),
    content=config.require("content"),
    format=mij.ImportDataType.CSV,
    min_delay=1,
    max_delay=2,
    max_wait_time=600,
)

pulumi.export("jobIds", [members.job_id])
