/**
 * `scamguard lookup 17012345678` / `scamguard lookup jd-kefu@icloud.com`: has anyone reported this number,
 * address or link? Looked up privately as `check --server` does (only 5-character hash prefixes leave the
 * machine), then one line of what to do, in the person's language.
 */
import type { Command } from "commander";
import type { IdentifierKind } from "@scamguard/contracts";
import type { ExtractedIdentifier } from "@scamguard/detect";
import { guessLang } from "../lookup/identifier-lang.js";
import { serverUrl, unreachable } from "../io/server-url.js";
import { lookupWords } from "../lookup/lookup-words.js";
import { readLang } from "../io/lang-option.js";

interface LookupOptions {
  kind?: string;
  server?: string;
  lang: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("lookup")
    .description("has anyone reported this number, e-mail / Apple ID or link? (private: only hash prefixes are sent to the server)")
    .argument("<value...>", "the number, FaceTime e-mail / Apple ID, link, bank account or meeting ID")
    .option("--kind <kind>", "what the value is when it is not obvious: phone, email, bank_account, url, domain, meeting_id, app, display_name")
    .option("--server <url>", "the scamguard server (default $SCAMGUARD_SERVER or http://127.0.0.1:8787)")
    .option("--lang <lang>", "zh, en or auto (Chinese for a +86 number or a Chinese locale)", readLang, "auto")
    .option("--json", "print the answers as JSON")
    .action(async (words: string[], opts: LookupOptions) => {
      const { extractIdentifiers, normalizeIdentifier, phoneHint, typedIdentifierKind } = await import("@scamguard/detect");
      const { IdentifierKindSchema } = await import("@scamguard/contracts");
      if (opts.lang !== "zh" && opts.lang !== "en" && opts.lang !== "auto") throw new Error(`--lang: expected zh, en or auto, got "${opts.lang}"`);
      const { value, identifiers: found } = lookupWords(words, extractIdentifiers);
      let identifiers: ExtractedIdentifier[];
      if (opts.kind !== undefined) {
        const kind = IdentifierKindSchema.safeParse(opts.kind);
        if (!kind.success) throw new Error(`--kind: expected one of ${IdentifierKindSchema.options.join(", ")}, got "${opts.kind}"`);
        const normal = normalizeIdentifier(kind.data, value);
        if (!normal.ok) throw new Error(`"${value}": ${normal.error}`);
        identifiers = [{ kind: kind.data, value, normalized: normal.normalized, start: 0, end: value.length }];
      } else {
        identifiers = found;
        // A bare card or account number ("6222 0212 3456 7890 123", the "safe account" a caller read out) has no
        // words around it to tell it by: the Check page's guess for a value typed alone (16-19 digits) decides.
        if (identifiers.length === 0 && typedIdentifierKind(value) === "bank_account") {
          const account = normalizeIdentifier("bank_account", value);
          if (account.ok) identifiers = [{ kind: "bank_account", value, normalized: account.normalized, start: 0, end: value.length }];
        }
        if (identifiers.length === 0) {
          // "2025550148": not "say what it is with --kind" (--kind phone refuses it too), but how to write it.
          const hint = phoneHint(value);
          if (hint !== undefined) throw new Error(`"${value}" is not a number that can be looked up as written; ${hint}`);
          const lang = opts.lang === "auto" ? guessLang(value, []) : opts.lang;
          // "京东客服", "ICBC": the name a caller gave. Nothing to look up, but its official number is the answer a person needs.
          const { resolveClaim, callBackAdvice } = await import("@scamguard/detect");
          const named = resolveClaim(value);
          if (named !== undefined) {
            process.stdout.write(`${namedInstitution(value, callBackAdvice(named, lang), lang)}\n`);
            return;
          }
          throw new Error(
            lang === "zh"
              ? `“${value}”不是可以查询的号码、邮箱或链接；请用 --kind 说明它是什么（${IdentifierKindSchema.options.join("、")}）`
              : `"${value}" is not a number, e-mail address or link that can be looked up; say what it is with --kind (${IdentifierKindSchema.options.join(", ")})`,
          );
        }
      }
      const server = serverUrl(opts.server);
      const lang = opts.lang === "auto" ? guessLang(value, identifiers) : opts.lang;
      const { privateLookup, renderReputations, ServerUnreachable } = await import("../lookup/private-lookup.js");
      let reputations: Awaited<ReturnType<typeof privateLookup>>;
      try {
        reputations = await privateLookup(server, identifiers);
      } catch (error) {
        if (error instanceof ServerUnreachable) throw new Error(unreachable(server, error.why, lang));
        throw new Error(`${(error as Error).message}; start one with \`npm start\` or name it with --server URL`);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(reputations, null, 2)}\n`);
        return;
      }
      // The heading, then each identifier's line followed by what to do about it.
      const [heading = "", ...rows] = renderReputations(server, reputations, lang).trim().split("\n");
      const lines = [heading];
      for (const [i, r] of reputations.entries()) lines.push(rows[i] ?? "", `    → ${await whatToDo(r.kind, r.normalized, r.verdict, lang)}`);
      // A link or address nobody reported may still imitate an official one: the words check says so.
      const { analyze } = await import("@scamguard/detect");
      const verdict = analyze(value, { lang });
      if (verdict.risk !== "low") lines.push("", ...verdict.reasons.map((reason) => `  ! ${reason}`));
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}

/** A name, not a contact: anyone can use it, so the answer is the institution's own number to call back. */
function namedInstitution(value: string, callBack: string, lang: "zh" | "en"): string {
  return lang === "zh"
    ? `“${value}”是一个名称，不是号码、邮箱或链接：任何人都可以自称是它。\n  → ${callBack}\n  要查对方用的号码、邮箱或链接，请输入它本身，例如 scamguard lookup 17012345678。`
    : `"${value}" is a name, not a number, e-mail address or link: anyone can claim it.\n  → ${callBack}\n  To check the number, address or link they used, look that up itself, e.g. scamguard lookup +12025550148.`;
}

/** One line of advice for one answer: nobody's report is not an all-clear, and an official number can be spoofed. */
async function whatToDo(kind: IdentifierKind, normalized: string, verdict: string, lang: "zh" | "en"): Promise<string> {
  const { institutionByKey, institutionLabel, isPublicMailbox } = await import("@scamguard/detect");
  if (verdict === "scam" || verdict === "suspicious") {
    return lang === "zh"
      ? "有人举报过它：不要回拨、不要点链接、不要转账。已经转账或说出验证码，请立即拨打110并联系银行官方客服。"
      : "People have reported it: do not call back, click or pay. If you already paid or gave a code, call the police and your bank's official number now.";
  }
  if (verdict === "official") {
    const owner = institutionByKey(kind, normalized);
    const name = owner ? institutionLabel(owner, lang) : lang === "zh" ? "机构" : "an institution";
    return lang === "zh"
      ? `这是${name}的官方联系方式。但来电号码可以伪造：挂断后自己拨打这个号码核实。`
      : `This is an official contact of ${name}. Caller IDs can be faked: hang up and call this number back yourself.`;
  }
  if (kind === "email" && isPublicMailbox(normalized)) {
    return lang === "zh"
      ? "没有人举报过，但任何人都能注册这种邮箱/Apple ID：正规机构不会用 FaceTime 联系您，自称客服、公检法的请直接挂断。"
      : "Nobody has reported it, but anyone can open an address like this: real institutions do not call you on FaceTime. Hang up on anyone there claiming to be one.";
  }
  return lang === "zh"
    ? "没有人举报过，这不代表安全：对方自称机构时，挂断后自己拨打官方电话核实。"
    : "Nobody has reported it, which does not make it safe: if they claim to be an institution, hang up and call its official number yourself.";
}
