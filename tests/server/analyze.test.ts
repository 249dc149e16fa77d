/** `POST /v1/analyze` through the public surface: failure cases first, then the happy path. */
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("POST /v1/analyze", (t) => {
  const post = (payload: string | Buffer, contentType = "application/json") =>
    t().app.inject({ method: "POST", url: "/v1/analyze", headers: { "content-type": contentType }, payload });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const res = await post('{"text": "hi"');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_json");
    expect(res.json().error.message).toMatch(/^body: malformed JSON/);
  });

  it("says where malformed JSON breaks", async () => {
    const res = await post('{"text": "hi",}');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^body: malformed JSON \(.*position 14/);
  });

  it("tells a client that sends the message under another name to send it as text", async () => {
    const res = await post(JSON.stringify({ message: "您好，我是京东客服" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('text: required (a string); message: unknown field: send the message or transcript to check as "text"');
  });

  it("reads a browser locale (zh-CN, en-US) as the reply language", async () => {
    const zh = await post(JSON.stringify({ text: "Please share your screen and read me the code", lang: "zh-CN" }));
    expect(zh.statusCode).toBe(200);
    expect(zh.json().verdict.lang).toBe("zh");
    const en = await post(JSON.stringify({ text: "请共享屏幕，把验证码告诉我", lang: "en-US" }));
    expect(en.json().verdict.lang).toBe("en");
  });

  it("refuses prototype-poisoning keys with 400", async () => {
    const res = await post('{"text": "hi", "__proto__": {"admin": true}}');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: "invalid_json", message: "body: the keys __proto__ and constructor.prototype are not allowed" });
  });

  it("names the field once when text is over 1 MiB", async () => {
    const res = await post(JSON.stringify({ text: "a".repeat(1_048_577) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("text: at most 1 MiB (UTF-8 bytes)");
  });

  it("counts the 1 MiB in UTF-8 bytes: 400,000 Chinese characters (1.2 MB) are refused", async () => {
    const res = await post(JSON.stringify({ text: "京".repeat(400_000) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("text: at most 1 MiB (UTF-8 bytes)");
  });

  it("names the languages it accepts when lang is wrong (it said only 'lang: Invalid input')", async () => {
    const res = await post(JSON.stringify({ text: "hi", lang: "fr" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'lang: Invalid option: expected one of "zh"|"en"|"auto" (also accepted: "zh-CN", "zh-cn", "zh-Hans", "zh-TW", "zh-HK", "cn" for zh; "en-US", "en-us", "en-GB", "en-gb" for en)',
    );
  });

  it("says a missing field is required, not zod's 'received undefined'", async () => {
    const res = await post(JSON.stringify({ lang: "zh" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "validation_failed", message: "text: required (a string)", details: [{ path: "text", message: "required (a string)" }] });
  });

  it("rejects an unknown field, naming it (one policy for every route)", async () => {
    const res = await post(JSON.stringify({ text: "hi", langg: "zh" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "validation_failed", details: [{ path: "langg", message: "unknown field (not in the API schema)" }] });
  });

  it("answers an empty JSON body with 400 invalid_json", async () => {
    const res = await post("");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_json");
  });

  it("names the field when text is not a string", async () => {
    const res = await post(JSON.stringify({ text: 42 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: "validation_failed",
        message: "text: Invalid input: expected string, received number",
        details: [{ path: "text", message: "Invalid input: expected string, received number" }],
      },
    });
  });

  it("names a missing text field", async () => {
    const res = await post(JSON.stringify({ lang: "zh" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("text");
  });

  it("rejects an unknown lang naming the field", async () => {
    const res = await post(JSON.stringify({ text: "hello", lang: "fr" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^lang: /);
  });

  it("rejects a JSON array body naming the body", async () => {
    const res = await post("[1,2]");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details[0].path).toBe("body");
  });

  it("answers a body over the limit with 413 and the limit in the message", async () => {
    const res = await post(JSON.stringify({ text: "x".repeat(3 * 1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: "payload_too_large", message: "body: larger than the limit of 2097152 bytes" } });
  });

  it("answers text/plain with 415", async () => {
    const res = await post("hello", "text/plain");
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toEqual({ code: "unsupported_media_type", message: "Content-Type: expected application/json" });
  });

  it("answers a binary body with 415", async () => {
    const res = await post(Buffer.from([0xde, 0xad, 0xbe, 0xef]), "application/octet-stream");
    expect(res.statusCode).toBe(415);
  });

  it("answers invalid UTF-8 in a JSON body with 400 invalid_utf8", async () => {
    const res = await post(Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: "invalid_utf8", message: "body: not valid UTF-8 text" });
  });

  it("answers an empty or blank text with 400 saying what to send, not a low-risk verdict", async () => {
    for (const text of ["", "  \n\t "]) {
      const res = await post(JSON.stringify({ text }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe("text: empty; send the message, call transcript, number or link to check");
    }
  });

  it("answers a text with a verdict in the contract's shape", async () => {
    const res = await post(JSON.stringify({ text: "您好，我是京东客服，您的学生账户需要注销", lang: "zh" }));
    expect(res.statusCode).toBe(200);
    const { verdict } = res.json();
    expect(verdict.lang).toBe("zh");
    expect(verdict.score).toBeGreaterThanOrEqual(0);
    expect(verdict.score).toBeLessThanOrEqual(1);
    expect(["low", "medium", "high", "critical"]).toContain(verdict.risk);
  });

  it("lang picks the reply language only: a Chinese script asked for in English is still caught, in English", async () => {
    const res = await post(JSON.stringify({ text: "您好，我是微粒贷客服，您的利率过高需要注销，否则影响征信。请下载会议软件共享屏幕，把钱转到安全账户。", lang: "en" }));
    const { verdict } = res.json();
    expect(verdict.lang).toBe("en");
    expect(["high", "critical"]).toContain(verdict.risk);
    expect(verdict.signals.find((s: { id: string }) => s.id === "channel:screen-share")?.description).toBe("Asks to share or record the screen");
  });

  it("counts the reputation of a number in the text: reported by several people raises the risk, with that reason", async () => {
    const number = "+8617055501234";
    const text = `您好，请回电 ${number}`;
    const before = (await post(JSON.stringify({ text }))).json();
    expect(before.verdict.risk).toBe("low");
    for (let i = 0; i < 3; i++) {
      const res = await t().app.inject({
        method: "POST",
        url: "/v1/reports",
        headers: { authorization: `Bearer ${await t().createKey("reporter")}` },
        payload: { identifiers: [{ kind: "phone", value: number }], text: "自称客服，让我共享屏幕" },
      });
      expect(res.statusCode).toBe(201);
    }
    const after = (await post(JSON.stringify({ text }))).json();
    expect(after.identifiers[0].lookup.distinctReporters).toBe(3);
    expect(after.verdict.risk).toBe("high");
    expect(after.verdict.reasons[0]).toBe(`电话号码“${number}”已被3人举报为诈骗。`);
    expect(after.verdict.advice[0].id).toBe("reported-identifier");
    expect(after.verdict.score).toBe(before.verdict.score);
  });

  it("says each identifier's reasons in the verdict's language: Chinese in a Chinese answer, English in an English one", async () => {
    // Seen as a new user: a Chinese verdict listed 95533 with "official contact of 中国建设银行 China Construction Bank in
    // the directory" and a reported number with "3 distinct reporters (3 reports), last on …".
    const number = "+8617055509876";
    for (let i = 0; i < 2; i++) {
      const res = await t().app.inject({
        method: "POST",
        url: "/v1/reports",
        headers: { authorization: `Bearer ${await t().createKey("reporter")}` },
        payload: { identifiers: [{ kind: "phone", value: number }], text: "自称京东客服，让我下载会议软件共享屏幕" },
      });
      expect(res.statusCode).toBe(201);
    }
    const zh = (await post(JSON.stringify({ text: `如有疑问请致电95533，或回电 ${number}，还有 13900001111` }))).json();
    const reasons = Object.fromEntries(zh.identifiers.map((i: { value: string; lookup: { reasons: string[] } }) => [i.value, i.lookup.reasons]));
    expect(reasons["95533"]).toEqual(["目录中中国建设银行的官方联系方式"]);
    expect(reasons[number][0]).toMatch(/^2 人举报（共 2 条），最近一次 \d{4}-\d{2}-\d{2}$/);
    expect(reasons[number]).toContain("反诈中心尚未确认：举报和名单只会让它“可疑”，不会让它成为确认的诈骗");
    expect(reasons["13900001111"]).toEqual(["无人举报"]);
    for (const list of Object.values(reasons) as string[][]) for (const reason of list) expect(reason).not.toMatch(/[A-Za-z]{3,}/);
    const en = (await post(JSON.stringify({ text: `Call us back at ${number}`, lang: "en" }))).json();
    expect(en.identifiers[0].lookup.reasons[0]).toMatch(/^2 distinct reporters \(2 reports\)/);
  });

  it("accepts charset=utf-8 in the content type", async () => {
    const res = await post(JSON.stringify({ text: "hello" }), "application/json; charset=utf-8");
    expect(res.statusCode).toBe(200);
  });
});
