import { type SessionEvent, type SessionEventOf, SessionEventSchema } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { applyEvent, createSession, currentDecision, type SessionDeps, type SessionState } from "./index.js";

const T0 = Date.parse("2026-07-05T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const strangerFacetime = (m = 0): SessionEventOf<"call.started"> => ({
  type: "call.started",
  at: at(m),
  channel: "facetime",
  caller: { kind: "email", value: "kefu@icloud.com" },
  known: false,
});
const deps: SessionDeps = { lang: "en", conversation: { signals: null } };

function run(events: SessionEvent[], d: SessionDeps = deps, start: SessionState = createSession()) {
  let state = start;
  return events.map((e) => {
    const r = applyEvent(state, SessionEventSchema.parse(e), d);
    state = r.state;
    return r;
  });
}

describe("kill-chain engine", () => {
  it("screen sharing soon after a stranger's FaceTime cools off; long after, it does not", () => {
    const soon = run([strangerFacetime(), { type: "call.ended", at: at(5) }, { type: "screenshare.started", at: at(20) }]);
    expect(soon.at(-1)?.fired).toContain("screenshare-after-unknown-call");
    expect(soon.at(-1)?.decision.decision).toBe("cooling_off");
    const late = run([strangerFacetime(), { type: "call.ended", at: at(5) }, { type: "screenshare.started", at: at(200) }]);
    expect(late.at(-1)?.fired).toEqual([]);
    expect(late.at(-1)?.decision.decision).toBe("allow");
  });

  it("an OTP while sharing the screen is a hold, with the reason in both languages", () => {
    const steps = run([strangerFacetime(), { type: "screenshare.started", at: at(3) }, { type: "otp.received", at: at(4), source: "95588" }]);
    const d = steps.at(-1)!.decision;
    expect(d.decision).toBe("hold");
    expect(d.stage).toBe("harvest");
    expect(d.reasons[0]).toMatchObject({ id: "otp-while-sharing", en: expect.stringContaining("while your screen is being shared") });
    expect(d.reasons[0]?.zh).toContain("共享屏幕");
    expect(d.advice.map((a) => a.id)).toEqual(expect.arrayContaining(["stop-screen-share", "never-read-code", "call-110"]));
  });

  it("names the institution a display name impersonates", () => {
    const [first] = run([{ ...strangerFacetime(), displayName: "微粒贷客服" }]);
    expect(first!.decision.decision).toBe("warn");
    expect(first!.decision.reasons.map((r) => r.en)).toContain('The caller presents as "WeBank" but is not calling from its official number.');
    expect(first!.decision.reasons.map((r) => r.zh)).toContain("来电自称“微众银行”，但不是从其官方号码打来的。");
    const generic = run([{ ...strangerFacetime(), displayName: "贷款平台客服" }]);
    expect(generic[0]!.decision.reasons.map((r) => r.en)).toContain('The caller presents as "贷款平台客服" but is not calling from its official number.');
  });

  it("trusts an official number through the injected directory and the fallback alike", () => {
    const call: SessionEventOf<"call.started"> = { type: "call.started", at: at(0), channel: "phone", caller: { kind: "phone", value: "+86 95588" }, displayName: "工商银行", known: false };
    const share: SessionEvent = { type: "screenshare.started", at: at(1) };
    expect(run([call, share]).map((r) => r.decision.decision)).toEqual(["allow", "allow"]);
    const injected = run([{ ...call, caller: { kind: "phone", value: "021-5555" } }, share], {
      ...deps,
      analyzeCaller: () => ({ official: true, mismatch: false }),
    });
    expect(injected.map((r) => r.decision.decision)).toEqual(["allow", "allow"]);
  });

  it("blocks a transfer to a payee the reputation store knows as a scam, and only then", () => {
    const transfer: SessionEvent = { type: "transfer.initiated", at: at(1), amount: 800, currency: "CNY", payee: { kind: "bank_account", value: "6222 0000 1111" } };
    const scam = run([transfer], { ...deps, payeeReputation: (p) => (p.value === "6222 0000 1111" ? "scam" : undefined) });
    expect(scam[0]?.decision).toMatchObject({ decision: "block", risk: "critical", reasons: [{ id: "transfer-to-reported-payee" }] });
    expect(run([transfer])[0]?.decision.decision).toBe("allow");
  });

  it("several transfers in minutes cool off", () => {
    const t = (m: number, amount: number): SessionEvent => ({ type: "transfer.initiated", at: at(m), amount, currency: "CNY", payee: { kind: "phone", value: `1390000000${m}` } });
    expect(run([t(0, 100), t(2, 200), t(4, 300)]).map((r) => r.decision.decision)).toEqual(["allow", "allow", "cooling_off"]);
  });

  it("an escalation stays in force for stickyMinutes, then lapses", () => {
    const steps = run([strangerFacetime(), { type: "screenshare.started", at: at(1) }, { type: "otp.received", at: at(2), source: "bank" }]);
    const state = steps.at(-1)!.state;
    expect(currentDecision(state, T0 + 60 * 60_000, "en").decision).toBe("hold");
    expect(currentDecision(state, T0 + 200 * 60_000, "en").decision).toBe("allow");
  });

  it("is pure and its state survives JSON: a restored session continues exactly where it was", () => {
    const events: SessionEvent[] = [
      { ...strangerFacetime(), displayName: "京东客服" },
      { type: "utterance", at: at(1), speaker: "remote", text: "您的账户影响征信，需要马上注销" },
      { type: "screenshare.started", at: at(3) },
      { type: "transfer.initiated", at: at(9), amount: 20000, currency: "CNY", payee: { kind: "bank_account", value: "62220001" }, payeeKnown: false },
    ];
    const straight = run(events);
    const half = run(events.slice(0, 2));
    const frozen = JSON.stringify(half.at(-1)!.state);
    const resumed = run(events.slice(2), deps, JSON.parse(frozen) as SessionState);
    expect(resumed.map((r) => r.decision)).toEqual(straight.slice(2).map((r) => r.decision));
    expect(JSON.stringify(half.at(-1)!.state)).toBe(frozen); // applying more events did not mutate it
    expect(straight.at(-1)!.decision.decision).toBe("block");
  });

  it("never changes the state it is given, for every kind of event (inputs deep-frozen)", () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    const payee = { kind: "bank_account" as const, value: "62220001" };
    const events: SessionEvent[] = [
      { ...strangerFacetime(), displayName: "京东客服" },
      { type: "utterance", at: at(1), speaker: "remote", text: "您的账户影响征信，需要马上注销" },
      { type: "app.installed", at: at(2), category: "meeting", name: "腾讯会议" },
      { type: "screenshare.started", at: at(3) },
      { type: "app.opened", at: at(4), category: "loan" },
      { type: "loan.disbursed", at: at(5), amount: 30000, currency: "CNY" },
      { type: "otp.received", at: at(6), source: "95588" },
      { type: "payee.added", at: at(7), payee },
      { type: "transfer.initiated", at: at(8), amount: 20000, currency: "CNY", payee, payeeKnown: false },
      { type: "transfer.initiated", at: at(9), amount: 20000, currency: "CNY", payee, payeeKnown: false },
      { type: "screenshare.stopped", at: at(10) },
      { type: "call.ended", at: at(11) },
    ];
    const convoDeps: SessionDeps = { lang: "zh", payeeReputation: () => "suspicious" };
    const reference = run(events, convoDeps).map((r) => JSON.stringify(r));
    let state = deepFreeze(createSession());
    const results = events.map((e) => {
      const before = JSON.stringify(state);
      const r = applyEvent(state, SessionEventSchema.parse(e), convoDeps); // throws on any in-place write
      expect(JSON.stringify(state)).toBe(before);
      state = deepFreeze(r.state);
      return JSON.stringify(r);
    });
    expect(results).toEqual(reference);
    expect(state.transfers).toHaveLength(2);
    expect(state.payees).toEqual(["bank_account:62220001"]);
    expect(state.loans).toHaveLength(1);
  });

  it("answers in Chinese by default", () => {
    const [first] = run([strangerFacetime()], { conversation: { signals: null } });
    expect(first!.decision.reasons[0]?.text).toMatch(/FaceTime/);
    expect(first!.decision.reasons[0]?.text).toBe(first!.decision.reasons[0]?.zh);
  });
});
