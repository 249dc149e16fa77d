/** The live-call analyser over the table of data/replays/conversations/cases.json. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Lang, RISK_LEVELS, type Speaker } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { addUtterance, type ConversationState, createConversation, TRANSCRIPT_WINDOW } from "./index.js";

interface Case {
  id: string;
  lang: Lang;
  utterances: {
    speaker: Speaker;
    text: string;
    alert: null | { kind?: string; stage?: string; risk?: string; title?: string; advice?: string[]; evidence?: string[] };
  }[];
}
const file = join(dirname(fileURLToPath(import.meta.url)), "../../data/replays/conversations/cases.json");
const { cases } = JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] };
const own = { signals: null };

describe("conversation analyser", () => {
  for (const c of cases) {
    it(c.id, () => {
      let state = createConversation(c.lang);
      c.utterances.forEach((u, i) => {
        const r = addUtterance(state, u, own);
        state = r.state;
        if (u.alert === null) {
          expect(r.alerts, `utterance ${i}`).toEqual([]);
          return;
        }
        expect(r.alerts, `utterance ${i}: ${u.text}`).toHaveLength(1);
        const alert = r.alerts[0]!;
        const { advice, evidence, ...fields } = u.alert;
        expect(alert, `utterance ${i}`).toMatchObject({ utterance: i, ...fields });
        for (const id of advice ?? []) expect(alert.advice.map((a) => a.id), `utterance ${i}`).toContain(id);
        for (const text of evidence ?? []) expect(alert.evidence.map((e) => e.text)).toContain(text);
        for (const ev of alert.evidence) expect(u.text.slice(ev.start, ev.end)).toBe(ev.text);
      });
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });
  }

  it("numbers alerts and never mutates the state it is given", () => {
    const start = createConversation("en");
    const frozen = JSON.stringify(start);
    const a = addUtterance(start, { speaker: "remote", text: "This is customer service" }, own);
    const b = addUtterance(a.state, { speaker: "remote", text: "share your screen please" }, own);
    expect(JSON.stringify(start)).toBe(frozen);
    expect([a.alerts[0]?.seq, b.alerts[0]?.seq]).toEqual([1, 2]);
    expect(b.state.utterances).toBe(2);
  });

  it("decides the language from the first utterance when none is given", () => {
    const r = addUtterance(createConversation(), { speaker: "remote", text: "请您共享屏幕" }, own);
    expect(r.state.lang).toBe("zh");
    expect(r.alerts[0]?.title).toBe("对方要求您共享屏幕");
  });

  it("keeps its state bounded however long the call runs", () => {
    let state: ConversationState = createConversation("zh");
    for (let i = 0; i < 2_000; i++) state = addUtterance(state, { speaker: "remote", text: `第${i}句：共享屏幕，验证码，安全账户` }, own).state;
    expect(state.utterances).toBe(2_000);
    expect(JSON.stringify(state).length).toBeLessThan(2_000);
  });

  it("quotes the evidence of the cue its title names first", () => {
    // Seen as a new user on the Live call page: "对方要求转到“安全/指定账户”" quoting “涉嫌”.
    let state = createConversation("zh");
    let last: ReturnType<typeof addUtterance> | undefined;
    for (const text of ["喂，您好，这里是国家医保局的，您的医保卡在外地被人盗刷了两万多", "警官说您涉嫌一起骗保案，要把您的存款转到一个监管账户核查，这个事情不要告诉家人"]) {
      last = addUtterance(state, { speaker: "remote", text });
      state = last.state;
    }
    const alert = last!.alerts[0]!;
    expect(alert.cues[0]).toBe("money:safe-account");
    expect(alert.title).toContain("安全");
    expect(alert.evidence[0]?.text).toBe("监管账户");
    expect(alert.evidence.map((e) => e.text)).toContain("涉嫌");
  });

  it("takes signals from an injected detector, and survives one that throws", () => {
    const injected = addUtterance(createConversation("en"), { speaker: "remote", text: "hello there" }, {
      signals: () => [{ id: "money:gift-card", family: "money", stage: "money", weight: 1, description: "Asks for gift cards", evidence: [{ start: 0, end: 5, text: "hello" }] }],
    });
    expect(injected.alerts[0]).toMatchObject({ stage: "money", title: "Asks for gift cards", cues: ["money:gift-card"] });
    const throwing = addUtterance(createConversation("en"), { speaker: "remote", text: "share your screen" }, {
      signals: () => {
        throw new Error("boom");
      },
    });
    expect(throwing.alerts[0]?.stage).toBe("channel_switch");
  });
});

describe("the live risk after the last line agrees with the whole text", () => {
  const live = (lines: string[]) => {
    let c = createConversation("en");
    let transcript = "";
    const risks: string[] = [];
    for (const text of lines) {
      const r = addUtterance(c, { speaker: "remote", text }, { transcript });
      c = r.state;
      transcript = r.transcript;
      risks.push(c.risk);
    }
    expect(JSON.stringify(c)).not.toContain(lines[0]); // no utterance text in a state a server may persist
    return { risks, whole: analyze(lines.join("\n"), { lang: "en" }).risk };
  };
  it("a utility-disconnection robocall is as high live as checked whole", () => {
    const r = live([
      "This is City Gas and Electric.",
      "Your service is scheduled for disconnection today.",
      "Please press one now to speak with our billing department.",
    ]);
    expect(r.whole).toBe("high");
    expect(r.risks.at(-1)).toBe("high");
  });
  it("never lower than the whole text, never falling line by line", () => {
    const r = live([
      "Hello, this is a final notice from Pacific Power.",
      "Our records show your account is past due and your electricity will be shut off in one hour.",
      "Press one to make a payment and keep your service on.",
    ]);
    expect(RISK_LEVELS.ids.indexOf(r.risks.at(-1) as never)).toBeGreaterThanOrEqual(RISK_LEVELS.ids.indexOf(r.whole));
    for (let i = 1; i < r.risks.length; i++)
      expect(RISK_LEVELS.ids.indexOf(r.risks[i] as never)).toBeGreaterThanOrEqual(RISK_LEVELS.ids.indexOf(r.risks[i - 1] as never));
  });
  it("a genuine billing reminder call stays low", () => {
    const r = live([
      "Hi, this is a courtesy reminder from City Gas and Electric.",
      "Your monthly statement is now available in the app you already use.",
      "No action is needed if you have autopay. Thank you.",
    ]);
    expect(r.whole).toBe("low");
    expect(r.risks.at(-1)).toBe("low");
  });
  it("the transcript handed back is bounded", () => {
    let c = createConversation("en");
    let transcript = "";
    for (let i = 0; i < 40; i++) ({ state: c, transcript } = addUtterance(c, { speaker: "remote", text: "x".repeat(500) }, { transcript }));
    expect(transcript.length).toBeLessThanOrEqual(TRANSCRIPT_WINDOW);
  });
});

describe("the live call's 'call them back yourself' names the institution in the person's language", () => {
  const alertsOf = (lang: Lang, lines: string[]) => {
    let c = createConversation(lang);
    let transcript = "";
    const advice: string[] = [];
    for (const text of lines) {
      const r = addUtterance(c, { speaker: "remote", text }, { transcript });
      ({ state: c, transcript } = r);
      for (const a of r.alerts) advice.push(...a.advice.map((x) => x.text));
    }
    return advice.join("\n");
  };
  it("an Amazon caller in English: Amazon's own number, no Chinese hotlines", () => {
    const advice = alertsOf("en", [
      "hi this is amazon customer service",
      "there is a suspicious order of an iphone on your account",
      "please install anydesk so I can refund you",
    ]);
    expect(advice).toContain("call Amazon yourself on its official number +1 888-280-4331");
    expect(advice).not.toMatch(/WeBank|Alipay|JD\.com|95384|95188|950618|[\u3400-\u9fff]/);
  });
  it("a code asked for in words the cue file does not list still gets 'never read out a code' first", () => {
    let c = createConversation("en");
    const r = addUtterance(c, { speaker: "remote", text: "hi this is amazon customer service" }, {});
    c = r.state;
    const code = addUtterance(c, { speaker: "remote", text: "now read me the code we texted you" }, { transcript: r.transcript });
    expect(code.alerts[0]?.stage).toBe("harvest");
    expect(code.alerts[0]?.advice[0]?.id).toBe("never-read-code");
  });
  it("once codes are asked for, the English 'call the police' names 911 beside 110", () => {
    const advice = alertsOf("en", ["hi this is amazon customer service", "now read me the code we texted you and move the money to a safe account"]);
    expect(advice).toContain("call the police at once (110 in China, 911 in the US)");
    expect(advice).not.toContain("call 110 at once");
  });
  it("an Apple caller in English gets Apple's international number, in Chinese its mainland one", () => {
    const lines = ["this is apple support, your icloud account was hacked", "share your screen and read me the verification code"];
    expect(alertsOf("en", lines)).toContain("+1 800-275-2273");
    expect(alertsOf("zh", ["您好，我是苹果客服，您的Apple ID被盗了", "请共享屏幕，把验证码念给我"])).toContain("苹果官方客服电话400-666-8800");
  });
  it("an unnamed caller in English gets the generic sentence without China's numbers", () => {
    const advice = alertsOf("en", ["this is the security department of your bank", "move your savings to a safe account now and read me the code"]);
    expect(advice).toContain("on the back of your card");
    expect(advice).not.toMatch(/WeBank|95384|[\u3400-\u9fff]/);
  });
});
