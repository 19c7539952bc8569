// See, gate on, export and run AWS SES Mail Manager address-list import jobs: every page of ListAddressListImportJobs as one stable, sorted result, a gate that waits for imports, and a resource that imports a file into an address list.
package mailmanagerimportjobs
