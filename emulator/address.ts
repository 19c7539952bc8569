/**
 * Whether a string is an address Mail Manager accepts into an address list: an email address or
 * one of the documented wildcard forms (SES Developer Guide, "Address Lists"): one `*` at most,
 * before or after the `@` — `*@domain.com`, `abc*@domain.com`, `user@*.domain.com`, or a bare
 * `*.domain.com`; a wildcard local part has 0 or 3–19 characters besides the `*`, and a
 * wildcard domain has 2–9 levels after `*.`. A reasonable check, not a full RFC 5322 parser.
 */
export function isValidAddress(address: string): boolean {
  if (address.length < 3 || address.length > 320) return false;
  const stars = address.split("*").length - 1;
  if (stars > 1) return false;
  const at = address.indexOf("@");
  if (at !== address.lastIndexOf("@")) return false;

  if (at < 0) return stars === 1 && isWildcardDomain(address);
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (stars === 0) return isLocalPart(local) && isDomain(domain);
  if (local.includes("*")) {
    const rest = local.replace("*", "");
    return (rest === "" || (rest.length >= 3 && rest.length <= 19 && isLocalPart(rest))) && isDomain(domain);
  }
  return isLocalPart(local) && isWildcardDomain(domain);
}

// RFC 5322 "dot-atom" characters; no leading, trailing or doubled dot; at most 64 characters.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function isLocalPart(local: string): boolean {
  return local.length <= 64 && LOCAL_PART.test(local);
}

/** At least two labels, a top-level label of 2+ letters, at most 255 characters. */
function isDomain(domain: string, minLevels = 2, maxLevels = 127): boolean {
  const labels = domain.split(".");
  return (
    domain.length <= 255 &&
    labels.length >= minLevels &&
    labels.length <= maxLevels &&
    labels.every((l) => LABEL.test(l)) &&
    /^[A-Za-z]{2,}$/.test(labels[labels.length - 1])
  );
}

function isWildcardDomain(domain: string): boolean {
  return domain.startsWith("*.") && isDomain(domain.slice(2), 2, 9);
}
