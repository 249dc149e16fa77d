/**
 * One signed webhook delivery over HTTP(S), pinned to the vetted address, no redirects, bounded time.
 * Signature: `x-scamguard-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { vetWebhookUrl } from "./webhook-url.js";

/** Longest a receiver may take to answer, ms. */
export const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * The signature header value for a body.
 * @example signBody("secret", '{"a":1}', 1700000000) // "t=1700000000,v1=…"
 */
export function signBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/** Delivers once; resolves with the status code, rejects on network failure, timeout or a refused target. */
export async function deliverOnce(input: { url: string; secret: string; body: string; deliveryId: string; allowHosts: readonly string[] }): Promise<number> {
  const target = await vetWebhookUrl(input.url, input.allowHosts);
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const signature = signBody(input.secret, input.body, Math.floor(Date.now() / 1000));
  const client = target.url.protocol === "https:" ? https : http;
  return await new Promise<number>((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        timeout: DELIVERY_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(input.body),
          "user-agent": "scamguard-webhook/1",
          "x-scamguard-signature": signature,
          "x-scamguard-delivery": input.deliveryId,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(input.body);
  });
}
