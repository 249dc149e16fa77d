import { describe, expect, it } from "vitest";
import { getInstitution } from "../directory/lookup.js";
import { contactHash, contactHashOf } from "./contact-hash.js";
import { contactFromKey, normalizeContactFrom } from "./contact-from.js";
import { resolveInstitution, answerContactVerification } from "./verify-contact.js";

const jd = getInstitution("jd") ?? null;

describe("contactHash", () => {
  it("is the hex SHA-256 of kind:normalised value", () => {
    // Computed independently: printf %s 'phone:+8613800000001' | sha256sum
    expect(contactHash("phone", "+8613800000001")).toBe("cac67161c3d9907d6d87664791b0f36c3aef243631af58d0f5ecb99f206e8e28");
    expect(contactHash("phone", "+86 138 0000 0001")).toBe(contactHashOf("phone", "+8613800000001"));
    expect(contactHash("phone", "13800000001")).toMatch(/^[0-9a-f]{64}$/);
    expect(contactHash("email", "Li.Lei@Example.COM")).toBe(contactHashOf("email", "li.lei@example.com"));
    expect(contactHash("phone", "not a number")).toBeNull();
  });
});

describe("normalizeContactFrom", () => {
  it("meets a number however it is written, and tells numbers, addresses and accounts apart", () => {
    expect(contactFromKey("+86 950618")).toBe("phone:950618");
    expect(contactFromKey("950618")).toBe("phone:950618");
    expect(normalizeContactFrom("JD-Kefu@iCloud.com")).toEqual({ kind: "email", normalized: "jd-kefu@icloud.com" });
    expect(normalizeContactFrom("京东金融 官方客服").kind).toBe("account");
  });
});

describe("resolveInstitution", () => {
  it("takes a directory id or the name as the caller said it", () => {
    expect(resolveInstitution("jd")?.id).toBe("jd");
    expect(resolveInstitution("京东金融客服")?.id).toBe("jd");
    expect(resolveInstitution("某某科技")).toBeUndefined();
  });
});

describe("answerContactVerification", () => {
  const base = { claimed: "京东金融客服", institution: jd, channel: "phone" as const, from: "950618" };

  it("verified: a live declaration, with its purpose, both languages", () => {
    const answer = answerContactVerification({ ...base, participates: true, declared: { purpose: "repayment reminder" } });
    expect(answer.result).toBe("verified");
    expect(answer.purpose).toBe("repayment reminder");
    expect(answer.directory).toBe("official");
    expect(answer.reasons.en[0]).toContain("declared a phone call to you from 950618");
    expect(answer.reasons.zh[0]).toContain("已登记");
    expect(answer.advice.en.join(" ")).toContain("950618");
  });

  it("not_verified: participates, nothing declared; says impostor and gives the official number", () => {
    const answer = answerContactVerification({ ...base, channel: "facetime", from: "jd-kefu@icloud.com", participates: true, declared: null });
    expect(answer.result).toBe("not_verified");
    expect(answer.callBack).toEqual(["950618"]);
    expect(answer.directory).toBe("mismatch");
    expect(answer.purpose).toBeNull();
    expect(answer.reasons.en[0]).toContain("impostor");
    expect(answer.advice.en).toContain("Hang up now");
    expect(answer.advice.zh.join("")).toContain("950618");
  });

  it("not_participating: the directory's verdict on from", () => {
    expect(answerContactVerification({ ...base, participates: false, declared: null })).toMatchObject({ result: "not_participating", directory: "official" });
    expect(answerContactVerification({ ...base, from: "+8613912345678", participates: false, declared: null })).toMatchObject({
      result: "not_participating",
      directory: "mismatch",
    });
    const unknown = answerContactVerification({ ...base, claimed: "某某科技", institution: null, participates: false, declared: null });
    expect(unknown).toMatchObject({ result: "not_participating", directory: "unknown", institution: null, callBack: [] });
  });

  it("has the same keys whatever the result", () => {
    const shapes = [
      answerContactVerification({ ...base, participates: true, declared: { purpose: null } }),
      answerContactVerification({ ...base, participates: true, declared: null }),
      answerContactVerification({ ...base, participates: false, declared: null }),
    ].map((a) => Object.keys(a).join());
    expect(new Set(shapes).size).toBe(1);
  });
});

describe("declared-contact facts in the live call and the guard", () => {
  it("a not_verified call raises the live call to high at once, with the reason, once", async () => {
    const { addContactFact, createConversation, addUtterance } = await import("../conversation/index.js");
    const fact = { result: "not_verified" as const, institution: { zh: "京东", en: "JD.com" } };
    const first = addContactFact(createConversation("en"), fact);
    expect(first.state.risk).toBe("high");
    expect(first.alerts[0]?.title).toContain("JD.com: This institution declares every contact it makes");
    expect(addContactFact(first.state, fact).alerts).toEqual([]);
    // A later harmless utterance does not bring the risk back down.
    expect(addUtterance(first.state, { speaker: "remote", text: "How are you today?" }).state.risk).toBe("high");
    expect(addContactFact(createConversation("en"), { ...fact, result: "verified" }).state.risk).toBe("low");
  });

  it("the guard treats an undeclared call as an impostor even from the official number", async () => {
    const { applyEvent, createSession } = await import("../session/index.js");
    const call = { type: "call.started" as const, at: "2026-12-02T10:00:00Z", channel: "phone" as const, caller: { kind: "phone" as const, value: "950618" }, displayName: "京东金融", known: false };
    const plain = applyEvent(createSession("en"), call, { lang: "en" });
    expect(plain.decision.decision).toBe("allow");
    const undeclared = applyEvent(createSession("en"), call, { lang: "en", contact: { result: "not_verified", institution: { zh: "京东", en: "JD.com" } } });
    expect(undeclared.decision.decision).toBe("cooling_off");
    expect(undeclared.decision.risk).toBe("high");
    expect(undeclared.decision.reasons.map((r) => r.id)).toContain("undeclared-caller");
    expect(undeclared.decision.reasons[0]?.en).toContain('"JD.com" declares every contact it makes');
  });
});
