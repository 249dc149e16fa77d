/**
 * `scamguard verify-call --institution jd --from 950618 --me +8613800000001`: "is it really them, right
 * now?". Your own number (or e-mail / Apple ID) is hashed here; only the hash leaves this machine, to
 * POST /v1/contacts/verify of the server (--server, $SCAMGUARD_SERVER, default http://127.0.0.1:8787).
 * Exit status: 0 verified, 2 not_verified (impostor), 3 not_participating (the directory's verdict only).
 */
import { type Command, Option } from "commander";
import { serverUrl, unreachable } from "../io/server-url.js";
import { guessLang } from "../lookup/identifier-lang.js";
import { readLang } from "../io/lang-option.js";

const CHANNELS = ["phone", "sms", "facetime", "video", "app_chat"] as const;
const EXIT = { verified: 0, not_verified: 2, not_participating: 3 } as const;

export function register(program: Command): void {
  program
    .command("verify-call")
    .description("is the institution really contacting you right now? hashes your own number locally and asks the server")
    .requiredOption("--institution <name>", "who the caller says they are: a directory id (jd) or the name they used (京东金融客服)")
    .requiredOption("--from <number>", "the number, Apple ID or account the contact comes from, as you see it")
    .requiredOption("--me <phone or e-mail>", "your own phone number or e-mail / Apple ID (hashed here, never sent)")
    .addOption(new Option("--channel <channel>", "how they reach you").choices(CHANNELS).default("phone"))
    .option("--server <url>", "the scamguard server (default $SCAMGUARD_SERVER or http://127.0.0.1:8787)")
    .option("--lang <lang>", "zh, en or auto (Chinese for a Chinese name, a +86 number or a Chinese locale)", readLang, "auto")
    .option("--json", "print the server's answer as JSON")
    .action(async (opts: { institution: string; from: string; me: string; channel: string; server?: string; lang: string; json?: boolean }) => {
      const { contactHash, normalizePhone } = await import("@scamguard/detect");
      if (opts.lang !== "zh" && opts.lang !== "en" && opts.lang !== "auto") throw new Error(`--lang: expected zh, en or auto, got "${opts.lang}"`);
      const kind = opts.me.includes("@") ? "email" : "phone";
      const toHash = contactHash(kind, opts.me);
      if (toHash === null) throw new Error(`--me: not a phone number or e-mail address`);
      // Chinese for a Chinese institution name, a +86 number of yours or a Chinese locale: lookup's and check's guess.
      const mine = kind === "phone" ? normalizePhone(opts.me) : undefined;
      const lang: "zh" | "en" = opts.lang === "auto" ? guessLang(opts.institution, mine === undefined ? [] : [{ kind: "phone", normalized: mine.normalized }]) : opts.lang;
      const server = serverUrl(opts.server);
      let res: Response;
      try {
        res = await fetch(`${server}/v1/contacts/verify`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ institution: opts.institution, channel: opts.channel, from: opts.from, toHash, lang }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new Error(unreachable(server, error instanceof Error ? error.message : String(error), lang));
      }
      const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (!res.ok || body === null) {
        const message = (body?.error as { message?: string } | undefined)?.message ?? "no message";
        throw new Error(`server answered ${res.status}: ${message}`);
      }
      const answer = body as unknown as VerifyAnswer;
      process.stdout.write(opts.json ? `${JSON.stringify(answer, null, 2)}\n` : render(answer, lang));
      process.exitCode = EXIT[answer.result];
    });
}

export interface VerifyAnswer {
  result: keyof typeof EXIT;
  institution: { id: string; name: { zh: string; en: string } } | null;
  directory: string;
  callBack: string[];
  purpose: string | null;
  reasons: { zh: string[]; en: string[] };
  advice: { zh: string[]; en: string[] };
}

const HEADLINE = {
  zh: { verified: "✔ 已核实：确实是对方此刻在联系您", not_verified: "✘ 未登记：按冒充者处理，请挂断", not_participating: "？ 该机构未参与登记：只能参考官方名录" },
  en: { verified: "✔ Verified: it really is them, right now", not_verified: "✘ Not declared: treat the caller as an impostor and hang up", not_participating: "? Not participating: only the official directory can say" },
} as const;

/**
 * The first line a person reads. For an institution that does not declare its contacts, the directory's
 * verdict on `from` decides it, as on the web page: a personal mobile or an address that is not the
 * institution's own is "not them — hang up" (✘), not a neutral "?" above a "hang up now" further down.
 * @example headline({ result: "not_participating", directory: "mismatch", institution: { id: "jd", name: { zh: "京东", en: "JD.com" } } }, "zh")
 *   // "✘ 这不是京东的官方联系方式：请挂断，自己拨打官方号码核实"
 */
export function headline(answer: Pick<VerifyAnswer, "result" | "directory" | "institution">, lang: "zh" | "en"): string {
  if (answer.result === "not_participating" && answer.directory === "mismatch") {
    const name = answer.institution?.name[lang] ?? (lang === "zh" ? "该机构" : "the institution");
    return lang === "zh"
      ? `✘ 这不是${name}的官方联系方式：请挂断，自己拨打官方号码核实`
      : `✘ This is NOT an official contact of ${name}: hang up and call the official number yourself`;
  }
  return HEADLINE[lang][answer.result];
}

/** The answer in one language: a person reads one language, never a mix (as check and report print). */
export function render(answer: VerifyAnswer, lang: "zh" | "en"): string {
  const lines = [headline(answer, lang), ""];
  for (const reason of answer.reasons[lang]) lines.push(`  ${reason}`);
  lines.push("");
  for (const step of answer.advice[lang]) lines.push(`  → ${step}`);
  if (answer.callBack.length > 0) lines.push("", `  ${lang === "zh" ? "官方号码：" : "Official number: "}${answer.callBack.join(" / ")}`);
  return `${lines.join("\n")}\n`;
}
