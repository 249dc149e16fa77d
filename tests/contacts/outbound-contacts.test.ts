/**
 * Declared outbound contacts end to end over the API, on both engines, with an injected clock: a bound JD
 * key declares a call, verification says verified only for exactly that contact, an ICBC key cannot
 * declare from JD's number, and after the TTL (or an early end) the answer is not_verified.
 */
import { contactHash } from "@scamguard/detect";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { contactServiceFactory } from "../../packages/server/src/services/contacts.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

let clock = Date.parse("2026-12-02T10:00:00.000Z");
const contacts = contactServiceFactory({ now: () => clock });
const ME = contactHash("phone", "+8613800000001") as string;
const SOMEONE_ELSE = contactHash("phone", "+8613800000002") as string;

describeBothEngines(
  "declared outbound contacts",
  (t, engine) => {
    const declare = async (headers: Record<string, string>, payload: unknown) =>
      t().app.inject({ method: "POST", url: "/v1/contacts/outbound", headers, payload: payload as object });
    const verify = async (payload: Record<string, unknown>) =>
      t().app.inject({ method: "POST", url: "/v1/contacts/verify", payload: { institution: "jd", channel: "phone", from: "950618", toHash: ME, ...payload } });
    const jdCall = { channel: "phone", from: "950618", toHash: ME, purpose: "repayment reminder", agentRef: "agent-17" };

    describe("who may declare", () => {
      it("needs an institution key: none 401, reporter 403", async () => {
        expect((await declare({}, jdCall)).statusCode).toBe(401);
        expect((await declare(await t().authHeader("reporter"), jdCall)).statusCode).toBe(403);
      });

      it("refuses an unbound institution key with a message saying how to bind one", async () => {
        const res = await declare(await t().authHeader("institution"), jdCall);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe("institution_key_unbound");
        expect(res.json().error.message).toContain("--institution <directory id>");
      });

      it("never lets an ICBC key declare from JD's number or name, and stores nothing of the batch", async () => {
        const icbc = await t().institutionHeader("icbc");
        const single = await declare(icbc, jdCall);
        expect(single.statusCode).toBe(403);
        expect(single.json().error.code).toBe("contact_from_other_institution");
        expect(single.json().error.message).toContain("from: 950618 is an official contact or name of JD.com");
        const batch = await declare(icbc, { items: [{ ...jdCall, from: "95588" }, { ...jdCall, channel: "app_chat", from: "京东金融官方客服" }] });
        expect(batch.statusCode).toBe(403);
        expect(batch.json().error.message).toMatch(/^items\.1\.from: /);
        // The valid first item was not stored either: ICBC still does not participate.
        const answer = await verify({ institution: "icbc", from: "95588" });
        expect(answer.json().result).toBe("not_participating");
      });

      it("names what is wrong in a bad declaration", async () => {
        const jd = await t().institutionHeader("jd");
        const badHash = await declare(jd, { ...jdCall, toHash: "13800000001" });
        expect(badHash.statusCode).toBe(400);
        expect(badHash.json().error.message).toContain("SHA-256");
        expect((await declare(jd, { ...jdCall, ttlSeconds: 86_401 })).statusCode).toBe(400);
        expect((await declare(jd, { ...jdCall, channel: "carrier_pigeon" })).statusCode).toBe(400);
        expect((await declare(jd, { items: Array.from({ length: 1001 }, () => jdCall) })).statusCode).toBe(400);
        expect((await declare(jd, { items: [] })).statusCode).toBe(400);
      });
    });

    describe("a JD call declared from 950618", () => {
      let contactId = "";

      it("answers 201 with an id and the expiry, never the hash", async () => {
        const res = await declare(await t().institutionHeader("jd"), jdCall);
        expect(res.statusCode).toBe(201);
        const [item] = res.json().items;
        expect(item).toMatchObject({ institution: "jd", channel: "phone", from: "phone:950618", endedAt: null });
        expect(item.id).toMatch(/^oc_[0-9a-f]{20}$/);
        expect(Date.parse(item.expiresAt) - clock).toBe(1800 * 1000);
        expect(res.body).not.toContain(ME);
        contactId = item.id;
      });

      it("verifies from 950618 by phone, by directory id or by the name the caller used", async () => {
        const byId = await verify({});
        expect(byId.statusCode).toBe(200);
        expect(byId.json()).toMatchObject({ result: "verified", institution: { id: "jd" }, directory: "official", purpose: "repayment reminder" });
        expect(byId.json().reasons.zh.length).toBeGreaterThan(0);
        expect(byId.json().advice.en.length).toBeGreaterThan(0);
        expect((await verify({ institution: "京东金融客服", from: "+86 950618" })).json().result).toBe("verified");
      });

      it("reads the report API's channel names (phone_call, call) as the phone channel, and lists the values for anything else", async () => {
        expect((await verify({ channel: "phone_call" })).json().result).toBe("verified");
        expect((await verify({ channel: "call" })).json().result).toBe("verified");
        const wrong = await verify({ channel: "fax" });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.message).toContain('channel: Invalid option: expected one of "phone"|"sms"|"facetime"|"video"|"app_chat" (also accepted: "phone_call", "call" for phone;');
      });

      it("does not verify from another number, another channel, or for another person", async () => {
        const otherNumber = (await verify({ from: "+8613912345678" })).json();
        expect(otherNumber).toMatchObject({ result: "not_verified", callBack: ["950618"], directory: "mismatch", purpose: null });
        expect(otherNumber.reasons.en[0]).toContain("impostor");
        expect(otherNumber.advice.zh.join("")).toContain("950618");
        const facetime = (await verify({ channel: "facetime", from: "jd-kefu@icloud.com" })).json();
        expect(facetime).toMatchObject({ result: "not_verified", callBack: ["950618"] });
        expect((await verify({ channel: "sms" })).json().result).toBe("not_verified");
        const other = await verify({ toHash: SOMEONE_ELSE });
        expect(other.json().result).toBe("not_verified");
        // Same shape either way: nothing tells whether anyone else was contacted.
        expect(Object.keys(other.json())).toEqual(Object.keys((await verify({})).json()));
        expect(other.body).not.toContain("repayment");
      });

      it("falls back to the directory for an institution that does not declare", async () => {
        expect((await verify({ institution: "webank", from: "95384" })).json()).toMatchObject({ result: "not_participating", directory: "official" });
        expect((await verify({ institution: "微粒贷", from: "+8613912345678" })).json()).toMatchObject({ result: "not_participating", directory: "mismatch" });
        expect((await verify({ institution: "某某科技", from: "+8613912345678" })).json()).toMatchObject({
          result: "not_participating",
          directory: "unknown",
          institution: null,
        });
      });

      it("is not ended by another institution's key (404 as if unknown), and ends early for JD, idempotently", async () => {
        const elsewhere = await t().app.inject({ method: "DELETE", url: `/v1/contacts/outbound/${contactId}`, headers: await t().institutionHeader("icbc") });
        expect(elsewhere.statusCode).toBe(404);
        expect((await verify({})).json().result).toBe("verified");
        const jd = await t().institutionHeader("jd");
        const ended = await t().app.inject({ method: "DELETE", url: `/v1/contacts/outbound/${contactId}`, headers: jd });
        expect(ended.statusCode).toBe(200);
        expect(ended.json().endedAt).not.toBeNull();
        expect((await verify({})).json().result).toBe("not_verified");
        expect((await t().app.inject({ method: "DELETE", url: `/v1/contacts/outbound/${contactId}`, headers: jd })).statusCode).toBe(200);
        const [row] = await t().ctx.database.rows<{ to_hash: string | null }>(sql`select to_hash from outbound_contacts where id = ${contactId}`);
        expect(row?.to_hash).toBeNull();
      });
    });

    describe("expiry", () => {
      it("answers not_verified once the TTL has passed, and the purge clears the stored hash", async () => {
        const res = await declare(await t().institutionHeader("jd"), { items: [{ ...jdCall, ttlSeconds: 60, purpose: "expiring" }] });
        expect(res.statusCode).toBe(201);
        expect((await verify({})).json()).toMatchObject({ result: "verified", purpose: "expiring" });
        clock += 61_000;
        expect((await verify({})).json().result).toBe("not_verified");
        await t().ctx.services.contacts.purge();
        const [row] = await t().ctx.database.rows<{ to_hash: string | null }>(sql`select to_hash from outbound_contacts where id = ${res.json().items[0].id}`);
        expect(row?.to_hash).toBeNull();
      });
    });

    describe("in the live call and the guard", () => {
      const STRANGER = contactHash("phone", "+8613800000003") as string;
      const DECLARED = contactHash("phone", "+8613800000004") as string;

      it("a live call from 950618 naming JD, with no declared contact, turns high at once with that reason", async () => {
        await declare(await t().institutionHeader("jd"), { ...jdCall, toHash: DECLARED, purpose: "card delivery" });
        const start = async (toHash: string) =>
          (await t().app.inject({ method: "POST", url: "/v1/conversations", payload: { lang: "en", toHash, from: "950618", channel: "phone" } })).json().id;
        const say = async (id: string, text: string) =>
          (await t().app.inject({ method: "POST", url: `/v1/conversations/${id}/utterances`, payload: { speaker: "remote", text } })).json();

        const impostor = await say(await start(STRANGER), "您好，我是京东金融客服");
        expect(impostor.risk).toBe("high");
        expect(impostor.alerts.map((a: { cues: string[] }) => a.cues).flat()).toContain("contact:not-declared");
        expect(impostor.alerts.at(-1).title).toContain("declared none to you");

        const real = await say(await start(DECLARED), "您好，我是京东金融客服");
        expect(real.alerts.map((a: { cues: string[] }) => a.cues).flat()).not.toContain("contact:not-declared");
        expect(real.risk).not.toBe("high");
      });

      it("refuses a hash without the caller's from", async () => {
        const res = await t().app.inject({ method: "POST", url: "/v1/conversations", payload: { toHash: STRANGER } });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toContain("toHash and from go together");
      });

      it("a session call.started from JD's own number, undeclared, is an impostor at once", async () => {
        const headers = await t().authHeader("institution");
        const call = (toHash: string) => ({
          type: "call.started",
          at: "2026-12-02T10:00:00Z",
          channel: "phone",
          caller: { kind: "phone", value: "950618" },
          displayName: "京东金融",
          known: false,
          toHash,
        });
        const undeclared = await t().app.inject({ method: "POST", url: "/v1/sessions/contacts-s-1/events?lang=en", headers, payload: call(STRANGER) });
        expect(undeclared.statusCode).toBe(200);
        expect(undeclared.json().decision).toMatchObject({ decision: "cooling_off", risk: "high" });
        expect(undeclared.json().decision.reasons[0].id).toBe("undeclared-caller");
        const declared = await t().app.inject({ method: "POST", url: "/v1/sessions/contacts-s-2/events?lang=en", headers, payload: call(DECLARED) });
        expect(declared.json().decision.decision).toBe("allow");
      });
    });

    if (engine === "pglite") {
      it("scamguard verify-call hashes --me locally and asks the server: exit 0 verified, 2 impostor", async () => {
        const me = "+8613800000005";
        await declare(await t().institutionHeader("jd"), { ...jdCall, toHash: contactHash("phone", me), purpose: "repayment reminder" });
        const url = await t().app.listen({ port: 0, host: "127.0.0.1" });
        const env = { SCAMGUARD_SERVER: url };
        const real = await runCli(["verify-call", "--institution", "jd", "--from", "950618", "--me", "+86 138 0000 0005", "--lang", "en"], { env });
        expect(real.stderr).toBe("");
        expect(real.code).toBe(0);
        expect(real.stdout).toContain("Verified: it really is them");
        expect(real.stdout).toContain("stated purpose: repayment reminder");
        expect(real.stdout, "one language only").not.toMatch(/[\u4e00-\u9fff]/);
        const fake = await runCli(["verify-call", "--institution", "京东金融客服", "--from", "+8613912345678", "--me", me, "--server", url], { env: {} });
        expect(fake.code).toBe(2);
        expect(fake.stdout).toContain("950618");
        expect(fake.stdout).toContain("冒充");
        expect(fake.stdout, "one language only").not.toMatch(/Hang up|impostor|Official number/);
        const bad = await runCli(["verify-call", "--institution", "jd", "--from", "950618", "--me", "not a number", "--server", url]);
        expect(bad.code).toBe(1);
        expect(bad.stderr).toContain("--me: not a phone number or e-mail address");
      }, 240_000);
    }

    if (engine === "postgres") {
      it("reaches a second server process through NOTIFY: declared, then ended", async () => {
        const other = await t().withEnv({}, { services: { contacts } });
        const verifyThere = async () =>
          (await other.inject({ method: "POST", url: "/v1/contacts/verify", payload: { institution: "jd", channel: "video", from: "950618", toHash: ME } })).json().result;
        expect(await verifyThere()).toBe("not_verified");
        const res = await declare(await t().institutionHeader("jd"), { ...jdCall, channel: "video" });
        const until = async (want: string) => {
          for (let i = 0; i < 200 && (await verifyThere()) !== want; i++) await new Promise((r) => setTimeout(r, 25));
          return verifyThere();
        };
        expect(await until("verified")).toBe("verified");
        await t().app.inject({ method: "DELETE", url: `/v1/contacts/outbound/${res.json().items[0].id}`, headers: await t().institutionHeader("jd") });
        expect(await until("not_verified")).toBe("not_verified");
      });
    }
  },
  { overrides: { services: { contacts } } },
);
