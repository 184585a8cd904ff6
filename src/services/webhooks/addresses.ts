// Which addresses a webhook may be sent to. A receiver is named by a URL that anyone with ADMIN rights types in, so
// without a rule Lede could be made to call the cloud metadata service or an internal admin page (SSRF). The rule
// is applied to the address a name resolves to (and the connection then uses that very address, so a second DNS
// answer cannot swap it), and again on every redirect.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/** Loopback, private, shared (CGNAT), link-local (with the metadata address 169.254.169.254), multicast, reserved. */
const REFUSED_V4 = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const;

/** Unspecified, loopback, unique-local (fd00:ec2::254, the AWS metadata address, is one), link-local, multicast,
 * documentation, and the NAT64 and 6to4 prefixes that wrap IPv4 addresses. */
const REFUSED_V6 = [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
  ["2002::", 16],
] as const;

const refused = new BlockList();
for (const [network, prefix] of REFUSED_V4) refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of REFUSED_V6) refused.addSubnet(network, prefix, "ipv6");

export class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

export interface AddressRule {
  /** Whether `address` (an IP literal) may receive webhooks. */
  allows(address: string): boolean;
}

/** IPv4 addresses written as IPv6 (::ffff:10.0.0.1) are judged as the IPv4 address they are. */
function unwrapMapped(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

/** The rule: public addresses, plus the configured allow-list (single addresses or CIDR ranges). */
export function addressRule(allowList: readonly string[]): AddressRule {
  const allowed = new BlockList();
  for (const entry of allowList) {
    const [network, prefix] = entry.split("/");
    const family = isIP(network ?? "");
    if (family === 0) throw new Error(`WEBHOOK_ALLOWED_ADDRESSES: ${entry} is not an address or a CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) allowed.addAddress(network!, type);
    else allowed.addSubnet(network!, Number(prefix), type);
  }
  return {
    allows(raw) {
      const { address, family } = unwrapMapped(raw.replace(/^\[|\]$/g, ""));
      if (isIP(address) === 0) return false;
      if (allowed.check(address, family)) return true;
      return !refused.check(address, family);
    },
  };
}

/** Checks a receiver URL's form: http(s) only, no credentials, and not an address literal the rule refuses. */
export function checkReceiverUrl(raw: string, rule: AddressRule): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedAddressError("not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new RefusedAddressError("only http and https receivers are allowed");
  if (url.username || url.password) throw new RefusedAddressError("credentials in the URL are not allowed");
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (isIP(host) !== 0 && !rule.allows(host))
    throw new RefusedAddressError(`${host} is a private, loopback, link-local or reserved address`);
  if (host === "localhost" || host.endsWith(".localhost")) {
    if (!rule.allows("127.0.0.1")) throw new RefusedAddressError(`${host} is a loopback name`);
  }
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves the name, refuses the connection unless every address it resolved to is
 * allowed, and hands the checked addresses to the socket (which connects to them and to nothing else).
 */
export function checkedLookup(rule: AddressRule) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((entry) => !rule.allows(entry.address));
      if (bad || addresses.length === 0) {
        const refusal = new RefusedAddressError(
          `${hostname} resolves to ${bad?.address ?? "nothing"}, a private, loopback, link-local or reserved address`,
        ) as NodeJS.ErrnoException;
        refusal.code = "EREFUSEDADDRESS";
        return callback(refusal, []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
