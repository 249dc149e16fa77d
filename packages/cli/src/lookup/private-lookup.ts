/**
 * `scamguard check --server URL`: the reputation of every identifier in a text, looked up privately. Only
 * the 5-hex-character prefixes of the identifiers' hashes leave this machine (one request per distinct
 * prefix); the match happens here.
 */
import { type RangeLookupResponse, RangeLookupResponseSchema } from "@scamguard/contracts";
import { appName, type ExtractedIdentifier, type PrivateVerdict, privateVerdict, rangeProbes } from "@scamguard/detect";

export interface IdentifierReputation extends PrivateVerdict {
  kind: ExtractedIdentifier["kind"];
  value: string;
  normalized: string;
  /** The prefixes sent for it (what the server saw). */
  prefixes: string[];
}

/** The server did not answer at all (refused, timed out): callers say so in the person's language. */
export class ServerUnreachable extends Error {
  constructor(
    readonly server: string,
    readonly why: string,
  ) {
    super(`--server: could not reach ${server} (${why})`);
  }
}

/** Fails with a message naming the server and what went wrong (ServerUnreachable when it did not answer). */
export async function privateLookup(server: string, identifiers: readonly ExtractedIdentifier[]): Promise<IdentifierReputation[]> {
  const base = server.replace(/\/+$/, "");
  const planned = identifiers.map((identifier) => ({ identifier, probes: rangeProbes(identifier.kind, identifier.normalized) }));
  const prefixes = [...new Set(planned.flatMap((p) => p.probes.map((probe) => probe.prefix)))];
  const answers = new Map<string, RangeLookupResponse>();
  await Promise.all(prefixes.map(async (prefix) => answers.set(prefix, await fetchRange(base, prefix))));
  return planned.map(({ identifier, probes }) => ({
    kind: identifier.kind,
    value: identifier.value,
    normalized: identifier.normalized,
    prefixes: [...new Set(probes.map((probe) => probe.prefix))],
    ...privateVerdict(probes, answers),
  }));
}

async function fetchRange(base: string, prefix: string): Promise<RangeLookupResponse> {
  const url = `${base}/v1/lookup/range/${prefix}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new ServerUnreachable(base, (error as Error).message);
  }
  if (!res.ok) throw new Error(`--server: ${url} answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const parsed = RangeLookupResponseSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new Error(`--server: ${url} did not answer a range lookup`);
  return parsed.data;
}

const LOOKUP_WORDS = {
  zh: {
    heading: (server: string) => `号码、账户和链接的举报记录（通过 ${server} 私密查询：只发送了哈希前缀）`,
    kind: { phone: "电话号码", email: "邮箱/Apple ID", bank_account: "银行账户", url: "链接", domain: "域名", meeting_id: "会议号", app: "应用", display_name: "显示名称" },
    verdict: { unknown: "没有记录", suspicious: "被举报，可疑", scam: "已确认诈骗", official: "官方联系方式" },
    viaDomain: "（按其域名）",
    colon: "：",
    noReports: "无人举报",
    official: "目录中的官方联系方式",
    reporters: (n: number, last: string | null) => `${n} 人举报${last ? `，最近一次 ${last}` : ""}`,
  },
  en: {
    heading: (server: string) => `Reputation (private lookup at ${server}: only hash prefixes were sent)`,
    kind: { phone: "phone", email: "e-mail/Apple ID", bank_account: "bank account", url: "link", domain: "domain", meeting_id: "meeting ID", app: "app", display_name: "display name" },
    verdict: null,
    viaDomain: " (its domain)",
    colon: ": ",
    noReports: "no reports",
    official: "official contact in the directory",
    reporters: (n: number, last: string | null) => `${n} distinct reporter${n === 1 ? "" : "s"}${last ? `, last ${last}` : ""}`,
  },
} as const;

/** Terminal lines for the reputations, in the verdict's language (a person reads one language, never a mix). */
export function renderReputations(server: string, reputations: readonly IdentifierReputation[], lang: "zh" | "en" = "en"): string {
  if (reputations.length === 0) return "";
  const w = LOOKUP_WORDS[lang];
  const lines = ["", w.heading(server)];
  for (const r of reputations) {
    const what = r.via === "domain" ? w.viaDomain : "";
    const detail =
      r.entry === null ? w.noReports : r.entry.verdict === "official" ? w.official : w.reporters(r.entry.reporters, r.entry.updated ?? null);
    const kind = w.kind[r.kind];
    const verdict = w.verdict?.[r.verdict] ?? r.verdict;
    // An app is looked up by its id (tencent-meeting); a person reads its name, in the verdict's language.
    const shown = r.kind === "app" ? appName(r.normalized, lang) : r.normalized;
    lines.push(`  ${kind} ${shown}${w.colon}${verdict}${what} — ${detail}`);
  }
  return `${lines.join("\n")}\n`;
}
