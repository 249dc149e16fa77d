/**
 * Where a webhook may point. The server never fetches a URL a caller typed except a registered webhook,
 * and never one that resolves to a private, loopback, link-local, CGNAT, multicast or reserved address —
 * unless its host is on the operator's explicit allowlist (WEBHOOK_ALLOW_HOSTS), which also admits http.
 * Addresses are checked at registration AND at every delivery, and the connection is pinned to the
 * address that was checked (no DNS rebinding between check and connect).
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { unprocessable } from "../errors.js";

/** IPv6 a webhook may reach: global unicast (2000::/3), as ipaddr.js classifies it. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * Whether an IP address is one a webhook must never reach. Only plain public unicast passes, by
 * ipaddr.js's maintained range table: IPv4 must classify as `unicast` (not private, loopback, link-local,
 * CGNAT, reserved/documentation, multicast, broadcast…); IPv6 must be global unicast and not one of the
 * forms that embed or tunnel to an IPv4 address — IPv4-mapped (`::ffff:127.0.0.1`, judged as the IPv4
 * it carries), IPv4-compatible (`[::127.0.0.1]`, which URL parsing turns into `::7f00:1`), 6to4
 * (`2002:7f00:1::1`), Teredo (`2001::/32`), NAT64 (`64:ff9b::/96`) — nor documentation, ORCHID or
 * other special ranges.
 * @example isForbiddenAddress("10.1.2.3") // true
 * @example isForbiddenAddress("::7f00:1") // true (IPv4-compatible 127.0.0.1)
 * @example isForbiddenAddress("2002:7f00:1::1") // true (6to4)
 * @example isForbiddenAddress("93.184.216.34") // false
 */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.range() !== "unicast";
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return isForbiddenAddress(v6.toIPv4Address().toString());
  return !(v6.match(GLOBAL_UNICAST_V6) && v6.range() === "unicast");
}

export interface VettedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

const allowed = (url: URL, allowHosts: readonly string[]) => {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allowHosts.includes(host) || allowHosts.includes(`${host}:${port}`) || allowHosts.includes(`${url.hostname.toLowerCase()}:${port}`);
};

/**
 * Checks a webhook URL and resolves it to the one address a delivery will connect to.
 * @throws AppError 422 `invalid_webhook_url` naming `url` and why
 */
export async function vetWebhookUrl(raw: string, allowHosts: readonly string[]): Promise<VettedTarget> {
  const fail = (why: string) => unprocessable("invalid_webhook_url", `url: ${why}`, [{ path: "url", message: why }]);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail("not a URL");
  }
  const onAllowlist = allowed(url, allowHosts);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && onAllowlist)) throw fail("must be https");
  if (url.username || url.password) throw fail("must not carry credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let address: string;
  let family: 4 | 6;
  if (isIP(host)) {
    address = host;
    family = isIP(host) as 4 | 6;
  } else {
    try {
      const found = await lookup(host, { all: true, verbatim: true });
      const bad = found.find((a) => isForbiddenAddress(a.address));
      if (bad && !onAllowlist) throw fail(`${host} resolves to a private or reserved address (${bad.address})`);
      const first = found[0];
      if (!first) throw fail(`${host} does not resolve`);
      address = first.address;
      family = first.family as 4 | 6;
    } catch (error) {
      if (error instanceof Error && error.name === "AppError") throw error;
      throw fail(`${host} does not resolve`);
    }
  }
  if (!onAllowlist && isForbiddenAddress(address)) throw fail(`${host} is a private or reserved address`);
  return { url, address, family };
}
