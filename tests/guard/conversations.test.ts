/**
 * The live call assistant over real HTTP: start a conversation, listen to its server-sent events, post
 * what is said, and see each alert arrive on the stream as it is raised.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../packages/server/src/testing/test-app.js";

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await startTestApp("pglite");
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

const json = async (path: string, body: unknown) => {
  const res = await fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

/** Reads SSE `alert` events from a stream until `count` have arrived. */
async function readAlerts(res: Response, count: number): Promise<{ id: string; data: any }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const events: { id: string; data: any }[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const fields = Object.fromEntries(block.split("\n").filter((l) => !l.startsWith(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
      if (fields.event === "alert") events.push({ id: fields.id as string, data: JSON.parse(fields.data as string) });
    }
  }
  await reader.cancel();
  return events;
}

describe("live call assistant", () => {
  it("refuses unknown and malformed conversation ids and empty utterances", async () => {
    const missing = await json("/v1/conversations/cv_AAAAAAAAAAAAAAAAAAAAAA/utterances", { speaker: "remote", text: "hi" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("conversation_not_found");
    const malformed = await json("/v1/conversations/123/utterances", { speaker: "remote", text: "hi" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain("id: expected a conversation id");
    const { body } = await json("/v1/conversations", { lang: "en" });
    const empty = await json(`/v1/conversations/${body.id}/utterances`, { speaker: "caller", text: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/speaker|text/);
  });

  it("says a left-out speaker is required and names its values, apart from a wrong one", async () => {
    const { body } = await json("/v1/conversations", {});
    const left = await json(`/v1/conversations/${body.id}/utterances`, { text: "您好，我是京东客服" });
    expect(left.status).toBe(400);
    expect(left.body.error.message).toBe('speaker: required (one of "remote", "user" (also accepted: "caller" for remote; "me" for user))');
    const wrong = await json(`/v1/conversations/${body.id}/utterances`, { speaker: "bystander", text: "hi" });
    expect(wrong.body.error.message).toBe('speaker: Invalid option: expected one of "remote"|"user" (also accepted: "caller" for remote; "me" for user)');
    // Seen as a new user: {"speaker":"caller"} was refused, though a transcript's "caller:" / "me:" lines are read.
    const caller = await json(`/v1/conversations/${body.id}/utterances`, { speaker: "caller", text: "您好，我是京东客服" });
    expect(caller.status).toBe(200);
    const me = await json(`/v1/conversations/${body.id}/utterances`, { speaker: "me", text: "好的" });
    expect(me.status).toBe(200);
    expect(me.body.utterances).toBe(2);
    // The same for a query parameter.
    const lookup = await fetch(`${base}/v1/lookup?value=13800000000`);
    expect(lookup.status).toBe(400);
    expect(((await lookup.json()) as { error: { message: string } }).error.message).toMatch(/^kind: required \(one of "phone", "email", /);
  });

  it("answers stage and risk per utterance and pushes each alert over SSE as it happens", async () => {
    const created = await json("/v1/conversations", { lang: "en" });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^cv_[A-Za-z0-9_-]{22}$/);
    const stream = await fetch(base + created.body.eventsUrl);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const alerts = readAlerts(stream, 2);

    const hello = await json(`/v1/conversations/${created.body.id}/utterances`, { speaker: "remote", text: "Good afternoon, how are you?" });
    expect(hello.body).toMatchObject({ utterances: 1, stage: null, risk: "low", alerts: [] });
    const share = await json(`/v1/conversations/${created.body.id}/utterances`, { speaker: "remote", text: "Please share your screen so I can guide you" });
    expect(share.body).toMatchObject({ utterances: 2, stage: "channel_switch" });
    expect(share.body.alerts[0].title).toBe("They asked you to share your screen");
    const safe = await json(`/v1/conversations/${created.body.id}/utterances`, { speaker: "remote", text: "Now move your savings to the safe account" });
    expect(safe.body.risk).toBe("critical");

    const pushed = await alerts;
    expect(pushed.map((a) => a.id)).toEqual(["1", "2"]);
    expect(pushed[0]!.data.advice[0].text).toContain('press "Stop sharing"');
    expect(pushed[0]!.data.evidence[0]).toMatchObject({ utterance: 1, speaker: "remote", text: "share your screen" });
    expect(pushed[1]!.data.advice.map((a: { id: string }) => a.id)).toContain("no-safe-account");
  });

  it("leaves a utility-disconnection robocall as high after its last line as /v1/analyze of the same text", async () => {
    const lines = [
      "This is City Gas and Electric.",
      "Your service is scheduled for disconnection today.",
      "Please press one now to speak with our billing department.",
    ];
    const { body } = await json("/v1/conversations", { lang: "en" });
    let last: any;
    for (const text of lines) last = (await json(`/v1/conversations/${body.id}/utterances`, { speaker: "remote", text })).body;
    const whole = await json("/v1/analyze", { text: lines.join("\n"), lang: "en" });
    expect(whole.body.verdict.risk).toBe("high");
    expect(last.risk).toBe(whole.body.verdict.risk);
  });

  it("replays earlier alerts to a late listener, and resumes after Last-Event-ID", async () => {
    const { body } = await json("/v1/conversations", {});
    await json(`/v1/conversations/${body.id}/utterances`, { speaker: "remote", text: "我是支付宝客服" });
    await json(`/v1/conversations/${body.id}/utterances`, { speaker: "remote", text: "把验证码告诉我" });
    const all = await readAlerts(await fetch(base + body.eventsUrl), 2);
    expect(all.map((a) => a.data.stage)).toEqual(["impersonation", "harvest"]);
    expect(all[1]!.data.title).toBe("对方在索要验证码");
    const resumed = await fetch(base + body.eventsUrl, { headers: { "last-event-id": "1" } });
    const next = readAlerts(resumed, 1);
    const rest = await next;
    expect(rest.map((a) => a.id)).toEqual(["2"]);
  });
});
