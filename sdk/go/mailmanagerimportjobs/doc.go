// See, gate on and export AWS SES Mail Manager address-list import jobs: every page of ListAddressListImportJobs as one stable, sorted result, and a gate that waits for imports.
package mailmanagerimportjobs
