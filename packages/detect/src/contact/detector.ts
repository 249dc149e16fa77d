/**
 * The contact detector: a text that shows an institution reaching someone through FaceTime/iMessage or a
 * personal mailbox (the display name is the only "proof"), or giving a personal number as its own.
 */
import type { DirectoryEntry, Evidence, Lang, Signal } from "@scamguard/contracts";
import { getInstitution, institutionByKey, isPublicMailbox } from "../directory/lookup.js";
import { mentionsOf } from "../directory/mentions.js";
import { identifiersOf } from "../identifiers/per-text.js";
import { normalizePhone } from "../identifiers/phone.js";
import { toOriginalSpan } from "../text/normalize.js";
import { signalLabel } from "../signals/labels.js";
import type { DetectContext, Detector } from "../types.js";

const APPLE_CALL = /facetime|face time|imessage|苹果(?:视频|通话|电话|语音)/g;
/** A warning, not an event: "官方不会通过FaceTime联系您", "never answer FaceTime from strangers". */
const NEGATED = /(?:\b(?:never|don't|do not|not|won't|will not|beware|ignore)\b|不要|请勿|切勿|勿|不会|绝不|从不|(?<![特区级分告类性识辨鉴个])别|谨防|警惕|提防|关闭|关掉)[^。.!！?？\n]{0,20}$/;
const CALL_VERB = /(?:致电|拨打|回电|联系|热线|电话|手机|加我|打给|call|contact|phone|dial)[^\d\n]{0,6}$/i;
/** An alias or the words right after it that make a name a role ("京东客服", "Amazon customer service"). */
const SERVICE_ROLE = /客服|customer service|support|service/i;
const SERVICE_AFTER = /^\s?(?:的)?(?:客服|工作人员|官方|专员|售后|人工|customer (?:service|support|care)|support|service|team|department|agent|officer)/i;
/** Evidence spans kept per signal: enough to show, bounded for 1 MB inputs. */
const MAX_EVIDENCE = 64;
/** Kinds whose staff do not give a personal mobile as the institution's number (couriers and shops do). */
const FORMAL_KINDS = new Set<DirectoryEntry["kind"]>(["bank", "payment", "regulator", "loan", "police"]);

const span = (ctx: DetectContext, start: number, end: number): Evidence => toOriginalSpan(ctx.text, start, end);
const numbersOf = (e: DirectoryEntry, lang: Lang) => (e.numbers.length ? e.numbers.join(" / ") : lang === "zh" ? "官方应用里的客服" : "its official app");

/**
 * `impersonation:display-name` (0.85), `channel:facetime` (0.8, only with a claimed institution or an
 * e-mail caller; the lexicon gives plain mentions 0.5) and `impersonation:unofficial-number` (0.4).
 * @example contactDetector.detect({ text: normalize("FaceTime来电，显示京东客服，账号 random@icloud.com"), lang: "zh" })
 *   .map((s) => s.id) // ["impersonation:display-name", "channel:facetime"]
 */
export const contactDetector: Detector = {
  id: "contact",
  applies: (ctx) => /facetime|face time|imessage|苹果|@|\d{5}/.test(ctx.text.normalized),
  detect(ctx) {
    const norm = ctx.text.normalized;
    const apple: Evidence[] = [];
    // exec + lastIndex rather than matchAll, which clones the regex on every call.
    APPLE_CALL.lastIndex = 0;
    for (let m = APPLE_CALL.exec(norm); m !== null; m = APPLE_CALL.exec(norm)) {
      if (!NEGATED.test(norm.slice(Math.max(0, m.index - 24), m.index))) apple.push(span(ctx, m.index, m.index + m[0].length));
    }
    const ids = identifiersOf(ctx.text);
    const mentions = mentionsOf(ctx.text).filter((m) => getInstitution(m.id)?.kind !== "hotline");
    const claimed = [...new Set(mentions.map((m) => m.id))].map((id) => getInstitution(id)).filter((e): e is DirectoryEntry => e !== undefined);
    const foreignMail = ids.filter(
      (i) =>
        i.kind === "email" &&
        !NEGATED.test(ctx.text.original.slice(Math.max(0, i.start - 24), i.start)) &&
        (isPublicMailbox(i.normalized) || !claimed.some((c) => institutionByKey("email", i.normalized)?.id === c.id)),
    );
    const mailEvidence = foreignMail.map((i) => ({ start: i.start, end: i.end, text: i.value }));
    const signals: Signal[] = [];

    // Over FaceTime any institution name is a claim; next to an e-mail address only a formal institution's
    // name or one followed by "客服"/"customer service" is ("I saw it on 微信, mail service@x.com" is not).
    const mailClaim = mentions.find((m) => {
      const e = getInstitution(m.id);
      return e !== undefined && (FORMAL_KINDS.has(e.kind) || SERVICE_ROLE.test(m.alias) || SERVICE_AFTER.test(norm.slice(m.end, m.end + 24)));
    });
    const first = apple.length > 0 ? claimed[0] : mailClaim && getInstitution(mailClaim.id);
    if (first && (apple.length > 0 || foreignMail.length > 0)) {
      const via = apple.length > 0 ? "FaceTime/iMessage" : ctx.lang === "zh" ? "私人邮箱" : "a personal e-mail address";
      signals.push({
        id: "impersonation:display-name",
        family: "impersonation",
        stage: "impersonation",
        weight: 0.85,
        description:
          ctx.lang === "zh"
            ? `自称${first.name.zh}，却通过${via}联系您；名字证明不了身份，请自己拨打${numbersOf(first, ctx.lang)}核实`
            : `Claims to be ${first.name.en} while reaching you through ${via}; the name proves nothing — call ${numbersOf(first, ctx.lang)} yourself`,
        evidence: sortEvidence([...mentions.filter((m) => m.id === first.id).map((m) => span(ctx, m.start, m.end)), ...apple, ...mailEvidence]),
      });
    }
    if (apple.length > 0 && (first || mailEvidence.length > 0)) {
      signals.push({
        id: "channel:facetime",
        family: "channel",
        stage: "contact",
        weight: 0.8,
        description: signalLabel("channel:facetime", ctx.lang, "A stranger's FaceTime/iMessage call; institutions never call this way"),
        evidence: sortEvidence([...apple, ...mailEvidence]),
      });
    }
    const formal = claimed.find((e) => FORMAL_KINDS.has(e.kind));
    if (formal) {
      const personal = ids.filter((i) => {
        if (i.kind !== "phone" || !CALL_VERB.test(ctx.text.original.slice(Math.max(0, i.start - 10), i.start))) return false;
        const cls = normalizePhone(i.value)?.class;
        return (cls === "cn_mobile" || cls === "international") && !institutionByKey("phone", i.normalized);
      });
      if (personal.length > 0) {
        signals.push({
          id: "impersonation:unofficial-number",
          family: "impersonation",
          stage: "impersonation",
          weight: 0.4,
          description:
            ctx.lang === "zh"
              ? `给出${formal.name.zh}的私人号码，而其官方电话是${numbersOf(formal, ctx.lang)}`
              : `Gives a personal number for ${formal.name.en}, whose official number is ${numbersOf(formal, ctx.lang)}`,
          evidence: personal.slice(0, MAX_EVIDENCE).map((i) => ({ start: i.start, end: i.end, text: i.value })),
        });
      }
    }
    return signals;
  },
};

function sortEvidence(list: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of list) seen.set(`${e.start}:${e.end}`, e);
  return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end).slice(0, MAX_EVIDENCE);
}
