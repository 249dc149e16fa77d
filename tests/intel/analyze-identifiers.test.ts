/** `POST /v1/analyze` lists the identifiers of the text with their reputation (both engines). */
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("analyze identifiers", (t) => {
  it("returns an empty list for a text without identifiers", async () => {
    const res = await t().app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "你好" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().identifiers).toEqual([]);
  });

  it("finds each identifier with its offsets and lookup: official, reported and unknown", async () => {
    const { key } = await t().app.ctx.services.apiKeys.create({ role: "analyst" });
    await t().app.inject({
      method: "POST",
      url: "/v1/reports",
      headers: { authorization: `Bearer ${key}` },
      payload: { identifiers: [{ kind: "email", value: "jd-kefu@icloud.com" }] },
    });
    const text = "我是京东客服 jd-kefu@icloud.com，请拨 95588 或 138 0013 8000";
    const res = await t().app.inject({ method: "POST", url: "/v1/analyze", payload: { text } });
    expect(res.statusCode).toBe(200);
    const found = res.json().identifiers as Array<{ kind: string; value: string; normalized: string; start: number; end: number; lookup: { verdict: string } }>;
    for (const item of found) expect(text.slice(item.start, item.end)).toBe(item.value);
    expect(found.map((f) => [f.kind, f.normalized, f.lookup.verdict])).toEqual([
      ["email", "jd-kefu@icloud.com", "suspicious"],
      ["phone", "95588", "official"],
      ["phone", "+8613800138000", "unknown"],
    ]);
  });
});
