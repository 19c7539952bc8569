/**
 * The type token of the resource a URN names (`urn:pulumi:<stack>::<project>::<parent$…$type>::<name>`).
 *
 * @example
 * resourceType("urn:pulumi:dev::app::mailmanager-import-jobs:index:ImportJobsGate::gate"); // "mailmanager-import-jobs:index:ImportJobsGate"
 */
export function resourceType(urn: string): string {
  const qualifiedType = urn.split("::")[2] ?? "";
  return qualifiedType.split("$").pop() ?? "";
}
