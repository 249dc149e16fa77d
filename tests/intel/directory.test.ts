/** The official directory over HTTP (anonymous), on PGlite and PostgreSQL: failure cases first. */
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("directory", (t) => {
  const verify = (payload: unknown) => t().app.inject({ method: "POST", url: "/v1/directory/verify", payload: payload as object });

  it("names a missing claim, an unknown contact kind and a bad channel (400)", async () => {
    const missing = await verify({ contact: { kind: "phone", value: "95588" } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe("claimed");
    const kind = await verify({ claimed: "工商银行", contact: { kind: "fax", value: "95588" } });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].path).toBe("contact.kind");
    const channel = await verify({ claimed: "工商银行", contact: { kind: "phone", value: "95588" }, channel: "pigeon" });
    expect(channel.statusCode).toBe(400);
    expect(channel.json().error.details[0].path).toBe("channel");
  });

  it("answers an unparsable contact with 422 naming contact.value, not with mismatch", async () => {
    const res = await verify({ claimed: "京东客服", contact: { kind: "phone", value: "call me" } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('contact.value: not a phone number ("call me")');
  });

  it("rejects a query longer than 200 characters", async () => {
    const res = await t().app.inject({ method: "GET", url: `/v1/directory?q=${"a".repeat(201)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("q: at most 200 characters");
  });

  it("finds institutions by alias, number and domain", async () => {
    const alias = await t().app.inject({ method: "GET", url: `/v1/directory?q=${encodeURIComponent("微粒贷")}` });
    expect(alias.statusCode).toBe(200);
    expect(alias.json().items[0]).toMatchObject({ id: "webank", numbers: ["95384"] });
    const number = await t().app.inject({ method: "GET", url: "/v1/directory?q=95588" });
    expect(number.json().items[0].id).toBe("icbc");
    const all = await t().app.inject({ method: "GET", url: "/v1/directory" });
    expect(all.json().items.length).toBeGreaterThan(40);
  });

  it("matches an official number of the claimed institution, with the number to call back", async () => {
    const res = await verify({ claimed: "工商银行客服", contact: { kind: "phone", value: "95588" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ result: "match", institution: { id: "icbc" }, callBack: ["95588"] });
  });

  it("calls a FaceTime caller or a personal mailbox claiming JD.com a mismatch", async () => {
    const facetime = await verify({ claimed: "京东客服", contact: { kind: "email", value: "jd-kefu@icloud.com" }, channel: "facetime" });
    expect(facetime.json()).toMatchObject({ result: "mismatch", institution: { id: "jd" }, callBack: ["950618"] });
    expect(facetime.json().reasons.join(" ")).toMatch(/FaceTime/);
    const mobile = await verify({ claimed: "京东客服", contact: { kind: "phone", value: "138 0013 8000" } });
    expect(mobile.json()).toMatchObject({ result: "mismatch", callBack: ["950618"] });
  });

  it("gives its reasons in the language asked for, else in the claim's: a Chinese page read English reasons", async () => {
    const zh = await verify({ claimed: "京东金融", contact: { kind: "phone", value: "17052318864" } });
    expect(zh.statusCode).toBe(200);
    expect(zh.json().result).toBe("mismatch");
    expect(zh.json().reasons).toEqual(["17052318864 是个人手机号；京东的客服不会用个人手机号联系您", "京东：请挂断，自行拨打 950618 核实"]);
    const en = await verify({ claimed: "京东金融", contact: { kind: "phone", value: "17052318864" }, lang: "en" });
    expect(en.json().reasons[0]).toBe("17052318864 is a personal mobile number; JD.com's customer service does not call from one");
    const official = await verify({ claimed: "ICBC", contact: { kind: "phone", value: "95588" }, lang: "zh-CN" });
    expect(official.json().reasons[0]).toBe("95588 是中国工商银行的官方号码");
    expect((await verify({ claimed: "ICBC", contact: { kind: "phone", value: "95588" } })).json().reasons[0]).toMatch(/^95588 is an official number of /);
    const bad = await verify({ claimed: "ICBC", contact: { kind: "phone", value: "95588" }, lang: "fr" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("lang");
  });

  it("reads a channel spelled as the report or contacts API spells it (phone_call, app_chat)", async () => {
    const call = await verify({ claimed: "工商银行客服", contact: { kind: "phone", value: "95588" }, channel: "phone_call" });
    expect(call.statusCode).toBe(200);
    expect(call.json().result).toBe("match");
    const chat = await verify({ claimed: "京东客服", contact: { kind: "phone", value: "138 0013 8000" }, channel: "app_chat" });
    expect(chat.json()).toMatchObject({ result: "mismatch", callBack: ["950618"] });
  });

  it("answers unknown for a claim that names no institution", async () => {
    const res = await verify({ claimed: "宇宙银河客服中心", contact: { kind: "phone", value: "95588" } });
    expect(res.json()).toMatchObject({ result: "unknown", institution: null, callBack: [] });
  });
});
