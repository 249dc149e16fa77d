import { describe, expect, it } from "vitest";
import type { RangeLookupResponse } from "@scamguard/contracts";
import { privateVerdict, rangeProbes } from "./range-client.js";

/** The answers a server holding these entries would give for the probes' prefixes. */
function answersWith(entries: { kind: Parameters<typeof rangeProbes>[0]; normalized: string; verdict: "official" | "suspicious" | "scam" }[]) {
  const answers = new Map<string, RangeLookupResponse>();
  for (const e of entries) {
    const [probe] = rangeProbes(e.kind, e.normalized);
    if (!probe) throw new Error("no probe");
    const answer = answers.get(probe.prefix) ?? { prefix: probe.prefix, entries: [] };
    answer.entries.push({ suffix: probe.hash.slice(probe.prefix.length), verdict: e.verdict, reporters: 0, updated: null });
    answers.set(probe.prefix, answer);
  }
  return answers;
}

describe("private range lookup, client side", () => {
  // Apple's icloud.com and Tencent's qq.com are official domains in the directory, and every stranger's
  // FaceTime caller ID is an address there: the domain must not make the caller "official".
  const official = answersWith([
    { kind: "domain", normalized: "icloud.com", verdict: "official" },
    { kind: "domain", normalized: "qq.com", verdict: "official" },
    { kind: "domain", normalized: "jd.com", verdict: "official" },
    { kind: "domain", normalized: "jd-kefu.cc", verdict: "suspicious" },
  ]);

  it("never calls an Apple ID or a QQ mailbox official because Apple or Tencent own the mail domain", () => {
    for (const address of ["jd-kefu2023@icloud.com", "weilidai-kf@qq.com"]) {
      const probes = rangeProbes("email", address);
      expect(probes.map((p) => p.via)).toEqual(["self"]);
      expect(privateVerdict(probes, official)).toEqual({ verdict: "unknown", entry: null, via: null });
    }
  });

  it("still calls an address at an institution's own domain official, and a URL takes its domain's verdict", () => {
    expect(privateVerdict(rangeProbes("email", "service@jd.com"), official)).toMatchObject({ verdict: "official", via: "domain" });
    expect(privateVerdict(rangeProbes("url", "https://jd-kefu.cc/refund"), official)).toMatchObject({ verdict: "suspicious", via: "domain" });
  });
});
