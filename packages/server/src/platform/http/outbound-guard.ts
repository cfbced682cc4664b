import dns from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { AppError } from "../errors";

/**
 * Where the server may send outbound requests that a user chose the address of (a bank's
 * notification endpoint): `https:` or `http:` only, no credentials in the URL, and every address
 * the host name resolves to must be public unicast. Private, loopback, link-local, unique-local,
 * carrier-grade NAT, multicast and reserved addresses are refused unless the operator lists the
 * host, the address or its CIDR range in YULIN_OUTBOUND_ALLOW (docs/security.md). Checked when the
 * endpoint is set and again, with a fresh resolution, before each delivery.
 */
export type OutboundPolicy = { allow: readonly string[] };

const SCHEMES = new Set(["https:", "http:"]);

export type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) => (await dns.lookup(host, { all: true })).map((a) => a.address);

export async function checkOutboundUrl(
  raw: string,
  policy: OutboundPolicy,
  resolve: Resolve = systemResolve,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused(raw, "not a URL");
  }
  if (!SCHEMES.has(url.protocol)) throw refused(raw, `scheme ${url.protocol} is not allowed`);
  if (url.username || url.password) throw refused(raw, "credentials in the URL");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (policy.allow.some((a) => a.toLowerCase() === host)) return;
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    throw refused(raw, "the host name does not resolve");
  }
  if (addresses.length === 0) throw refused(raw, "the host name does not resolve");
  for (const address of addresses) {
    if (!isAllowedAddress(address, policy.allow)) throw refused(raw, `address ${address} is not public`);
  }
}

export function isAllowedAddress(address: string, allow: readonly string[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  for (const entry of allow) {
    if (entry.includes("/")) {
      try {
        const [range, bits] = ipaddr.parseCIDR(entry);
        if (range.kind() === ip.kind() && ip.match([range, bits] as never)) return true;
      } catch {
        // not a CIDR range: a host name entry, matched before resolution
      }
    } else if (ipaddr.isValid(entry) && ipaddr.process(entry).toString() === ip.toString()) {
      return true;
    }
  }
  return ip.range() === "unicast";
}

function refused(url: string, reason: string): AppError {
  return new AppError("INTEGRATION.ENDPOINT_NOT_ALLOWED", { url, reason });
}
