/**
 * `scamguard report "他自称京东客服，号码 138 0013 8000，让我共享屏幕" --channel phone --loss 20000`: report a
 * scam in one step, as the Report page and POST /v1/reports do. The numbers, addresses and links are the
 * ones given with --id / --phone / --email / --url, or else the ones written in the story. Needs a reporter
 * key ($SCAMGUARD_KEY, or --key); the server is --server, $SCAMGUARD_SERVER or http://127.0.0.1:8787.
 */
import type { Command } from "commander";
import { type CreateReportRequest, IDENTIFIER_KINDS, type IdentifierKind } from "@scamguard/contracts";
import { readStdinText } from "../io/read-stdin.js";
import { serverUrl, unreachable } from "../io/server-url.js";
import { readLang } from "../io/lang-option.js";
import { parseLoss } from "./loss.js";

/** Kinds taken from a story when no identifier is given: an app or a display name in a story is seldom the scammer's own. */
const STORY_KINDS: readonly IdentifierKind[] = ["phone", "email", "bank_account", "url", "domain", "meeting_id"];
/** A report's story is at most 65,536 characters (the API's limit); reading stops well past it. */
const MAX_STDIN_BYTES = 1024 * 1024;

interface ReportOptions {
  id?: string[];
  phone?: string[];
  email?: string[];
  url?: string[];
  channel?: string;
  loss?: string;
  currency?: string;
  when?: string;
  key?: string;
  server?: string;
  lang: string;
  json?: boolean;
}

/** Repeatable options gather into a list (no default: commander would print "(default: [])" in --help). */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function register(program: Command): void {
  program
    .command("report")
    .description("report a scam to the server in one step: the story, and the numbers, addresses and links the scammer used")
    .argument("[story...]", "what happened; the numbers, addresses and links in it are reported when none is given with --id/--phone/--email/--url")
    .option("--id <kind:value>", "an identifier the scammer used, e.g. phone:+8613800138000, bank_account:6222…, url:https://… (repeatable)", collect)
    .option("--phone <number>", "a phone number the scammer used (repeatable)", collect)
    .option("--email <address>", "an e-mail address or Apple ID the scammer used (repeatable)", collect)
    .option("--url <link>", "a link the scammer sent (repeatable)", collect)
    .option("--channel <channel>", "how they reached you: phone_call (or phone), facetime, video_call, meeting_app, sms, chat, email, web, app, in_person, other")
    .option("--loss <amount>", "money lost, e.g. 20000, 2万, 5000元, $300")
    .option("--currency <code>", "currency of --loss (ISO 4217; default: the one --loss names, else USD for an English story, CNY otherwise)")
    .option("--when <time>", "when it happened, ISO 8601 (e.g. 2026-11-20T09:30:00+08:00)")
    .option("--key <key>", "your reporter key (default $SCAMGUARD_KEY; the environment keeps it out of the process list)")
    .option("--server <url>", "the scamguard server (default $SCAMGUARD_SERVER or http://127.0.0.1:8787)")
    .option("--lang <lang>", "zh, en or auto (the story's language)", readLang, "auto")
    .option("--json", "print the server's answer as JSON")
    .action(async (words: string[], opts: ReportOptions) => {
      const { detectLang, extractIdentifiers } = await import("@scamguard/detect");
      const { IdentifierKindSchema, ReportChannelInputSchema } = await import("@scamguard/contracts");
      if (opts.lang !== "zh" && opts.lang !== "en" && opts.lang !== "auto") throw new Error(`--lang: expected zh, en or auto, got "${opts.lang}"`);
      const story = words.length > 0 ? words.join(" ") : process.stdin.isTTY ? "" : (await readStdinText(MAX_STDIN_BYTES, "stdin: story larger than 1 MiB (a report's story is at most 65,536 characters)")).trim();
      // A person who wrote the story in Chinese reads what went wrong in Chinese; without a story, in English.
      const said = ERRORS[opts.lang === "auto" ? (story === "" ? "en" : detectLang(story)) : opts.lang];
      const key = opts.key ?? process.env.SCAMGUARD_KEY;
      if (!key) throw new Error(said.noKey);
      const channel = opts.channel === undefined ? undefined : ReportChannelInputSchema.safeParse(opts.channel);
      if (channel !== undefined && !channel.success) throw new Error(`--channel: ${channel.error.issues[0]?.message ?? "not a channel"}`);
      const parsedLoss = opts.loss === undefined ? undefined : parseLoss(opts.loss);
      if (parsedLoss === null) throw new Error(`--loss: expected an amount such as 20000, 2万, 5000元 or $300, got "${opts.loss}"`);
      const currencyOption = opts.currency?.trim().toUpperCase();
      if (currencyOption !== undefined && !/^[A-Z]{3}$/.test(currencyOption)) throw new Error(`--currency: expected a three-letter code such as CNY or USD, got "${opts.currency}"`);
      if (parsedLoss?.currency && currencyOption && parsedLoss.currency !== currencyOption) {
        throw new Error(`--loss "${opts.loss}" is in ${parsedLoss.currency} but --currency says ${currencyOption}: give one`);
      }
      const loss = parsedLoss?.amount;

      const given: { kind: IdentifierKind; value: string }[] = [];
      for (const id of opts.id ?? []) {
        const colon = id.indexOf(":");
        const kind = IdentifierKindSchema.safeParse(colon > 0 ? id.slice(0, colon) : "");
        if (!kind.success) throw new Error(`--id: expected kind:value with kind one of ${IdentifierKindSchema.options.join(", ")}, got "${id}"`);
        given.push({ kind: kind.data, value: id.slice(colon + 1) });
      }
      for (const value of opts.phone ?? []) given.push({ kind: "phone", value });
      for (const value of opts.email ?? []) given.push({ kind: "email", value });
      for (const value of opts.url ?? []) given.push({ kind: "url", value });

      const fromStory = given.length > 0 ? [] : extractIdentifiers(story, { kinds: STORY_KINDS }).map(({ kind, value }) => ({ kind, value }));
      const identifiers = given.length > 0 ? given : dedupe(fromStory);
      if (identifiers.length === 0) {
        if (story === "") {
          throw new Error('nothing to report: write what happened (scamguard report "…") and name the number, address or link (--phone, --email, --url, --id kind:value)');
        }
        throw new Error(said.noIdentifiers);
      }
      const lang = opts.lang === "auto" ? (story === "" ? "zh" : detectLang(story)) : opts.lang;
      // Like the Report page: a loss in the currency it names, else the person's (an English story: dollars).
      const currency = currencyOption ?? parsedLoss?.currency ?? (lang === "en" ? "USD" : "CNY");
      const body: CreateReportRequest = {
        identifiers,
        ...(story !== "" ? { text: story } : {}),
        ...(channel?.success ? { channel: channel.data } : {}),
        ...(loss !== undefined ? { loss: { amount: loss, currency } } : {}),
        ...(opts.when !== undefined ? { occurredAt: opts.when } : {}),
      };
      const server = serverUrl(opts.server);
      let res: Response;
      try {
        res = await fetch(`${server}/v1/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new Error(unreachable(server, error instanceof Error ? error.message : String(error), said.lang));
      }
      const answer = (await res.json().catch(() => null)) as { id?: string; duplicate?: boolean; error?: { code?: string; message?: string } } | null;
      if (!res.ok || answer?.id === undefined) {
        if (res.status === 401) throw new Error(said.keyRefused);
        throw new Error(said.refused(res.status, answer?.error?.message ?? "no message"));
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
        return;
      }
      process.stdout.write(renderFiled(answer.id, answer.duplicate === true, identifiers, loss === undefined ? undefined : { amount: loss, currency }, lang));
    });
}

/** The same identifier written twice in a story is reported once. */
function dedupe(items: { kind: IdentifierKind; value: string }[]): { kind: IdentifierKind; value: string }[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(`${i.kind}:${i.value}`) && Boolean(seen.add(`${i.kind}:${i.value}`)));
}

/** What went wrong, in the story's language: the errors a person meets before anything is filed. */
const ERRORS = {
  zh: {
    noIdentifiers:
      "您写的经过里没有找到骗子用的号码、邮箱、账户或链接：请用 --phone、--email、--url 或 --id 类型:值 写明（例如 --phone 17012345678 或 --id bank_account:6222…）",
    noKey: "需要举报密钥：请设置环境变量 SCAMGUARD_KEY（或加 --key）；密钥由运行本服务的人用 `scamguard keys create --role reporter` 发放",
    lang: "zh",
    keyRefused: "服务器不接受这个密钥（401）：请检查 SCAMGUARD_KEY / --key，或申请新的举报密钥",
    refused: (status: number, why: string) => `服务器没有接受这条举报（${status}）：${why}`,
  },
  en: {
    noIdentifiers: "no number, address or link found in the story: name the one the scammer used with --phone, --email, --url or --id kind:value",
    noKey: "a reporter key is needed: set SCAMGUARD_KEY (or pass --key); whoever runs the server issues one with `scamguard keys create --role reporter`",
    lang: "en",
    keyRefused: "the server refused the key (401): check SCAMGUARD_KEY / --key, or ask for a new reporter key",
    refused: (status: number, why: string) => `the server refused the report (${status}): ${why}`,
  },
} as const;

const WORDS = {
  zh: {
    filed: (id: string) => `举报已提交，编号 ${id}。反诈中心会审核每一条举报。`,
    duplicate: (id: string) => `您之前已经提交过同样的举报（编号 ${id}），没有重复记录。`,
    named: "举报的号码、账户或链接：",
    loss: (amount: string, currency: string) => `损失金额：${amount} ${currency}`,
    money: "钱已经转出：请立即拨打110报警，说明转账时间、金额和对方账户，申请紧急止付；越早越可能追回。",
    hotline: "拿不准时拨打96110全国反诈专线咨询。",
  },
  en: {
    filed: (id: string) => `Report filed, number ${id}. The anti-fraud centre reviews every report.`,
    duplicate: (id: string) => `You already filed the same report (number ${id}); it was not recorded twice.`,
    named: "Reported numbers, accounts and links:",
    loss: (amount: string, currency: string) => `Loss recorded: ${amount} ${currency}`,
    money: "Money has left your account: call the police now (110 in China, 911 in the US) with the time, amount and receiving account, and ask your bank for an emergency stop-payment; the sooner, the likelier it comes back.",
    hotline: "In doubt, call the 96110 anti-fraud hotline (China) or report at reportfraud.ftc.gov (US).",
  },
} as const;

/** What was filed, entirely in the story's language (a Chinese reporter reads 电话号码, not "phone"). */
function renderFiled(
  id: string,
  duplicate: boolean,
  identifiers: { kind: IdentifierKind; value: string }[],
  loss: { amount: number; currency: string } | undefined,
  lang: "zh" | "en",
): string {
  const w = WORDS[lang];
  const lines = [duplicate ? w.duplicate(id) : w.filed(id), "", w.named, ...identifiers.map((i) => `  ${IDENTIFIER_KINDS.names[i.kind][lang]}  ${i.value}`), ""];
  if (loss !== undefined) lines.push(w.loss(loss.amount.toLocaleString(lang === "zh" ? "zh-CN" : "en-US"), loss.currency));
  lines.push(loss !== undefined && loss.amount > 0 ? w.money : w.hotline);
  return `${lines.join("\n")}\n`;
}
