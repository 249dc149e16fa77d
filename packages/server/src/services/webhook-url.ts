/**
 * Where a webhook may point. The server never fetches a URL a caller typed except a registered webhook,
 * and never one that resolves to a private, loopback, link-local, CGNAT, multicast or reserved address —
 * unless its host is on the operator's explicit allowlist (WEBHOOK_ALLOW_HOSTS), which also admits http.
 * Addresses are checked at registration AND at every delivery, and the connection is pinned to the
 * address that was checked (no DNS rebinding between check and connect).
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { unprocessable } from "../errors.js";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32], ["100::", 64],
] as const) blocked.addSubnet(net, prefix, "ipv6");

/**
 * Whether an IP address is one a webhook must never reach.
 * @example isForbiddenAddress("10.1.2.3") // true
 * @example isForbiddenAddress("::ffff:127.0.0.1") // true
 * @example isForbiddenAddress("93.184.216.34") // false
 */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isForbiddenAddress(mapped[1] as string);
    return blocked.check(address, "ipv6");
  }
  return blocked.check(address, "ipv4");
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
