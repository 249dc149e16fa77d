/**
 * The reasons of an identifier's lookup in the language of the answer it sits in. The lookup index writes them
 * in English (GET /v1/lookup has no language); inside a Chinese verdict of POST /v1/analyze they are said
 * again in Chinese from the answer's own fields, so a person reads one language, never a mix (issue 7).
 */
import { FRAUD_MODES, type Lang, type LookupResult } from "@scamguard/contracts";
import { getInstitution, institutionLabel } from "@scamguard/detect";
import { CALL_FLAG_SOURCE } from "./lookup-index.js";

const day = (iso: string | null): string => (iso ?? "").slice(0, 10);

/**
 * @example reputationReasons({ ...unknown, reasons: ["no reports"] }, "zh") // ["无人举报"]
 */
export function reputationReasons(lookup: LookupResult, lang: Lang): string[] {
  if (lang === "en") return lookup.reasons;
  const reasons: string[] = [];
  const distinct = lookup.distinctReporters;
  if (lookup.verdict === "official") {
    const owner = lookup.institution === null ? undefined : getInstitution(lookup.institution);
    reasons.push(`目录中${owner ? institutionLabel(owner, "zh") : "某机构"}的官方联系方式`);
    if (lookup.reports > 0) reasons.push(`${distinct} 人（${lookup.reports} 条）举报过它，不计入：骗子会伪造官方号码，请挂断后自己回拨`);
    return reasons;
  }
  if (lookup.confirmation !== null) {
    const inCase = lookup.confirmation.caseId === null ? "" : `（案件 ${lookup.confirmation.caseId}）`;
    reasons.push(`反诈中心已于 ${day(lookup.confirmation.confirmedAt)} 确认是诈骗${inCase}`);
  }
  if (distinct > 0) {
    reasons.push(`${distinct} 人举报（共 ${lookup.reports} 条），最近一次 ${day(lookup.lastSeen)}`);
    const mode = lookup.modes[0];
    if (mode) reasons.push(`最常被举报为：${FRAUD_MODES.names[mode].zh}`);
  }
  for (const source of lookup.sources) {
    if (source.source === CALL_FLAG_SOURCE) reasons.push("通话记录显示异常的呼叫模式：这是信号，不是定论");
    else {
      const span = source.firstSeen && source.lastSeen ? `，${day(source.firstSeen)} 至 ${day(source.lastSeen)}` : "";
      reasons.push(`公开名单 ${source.source} 收录（${source.reports} 条${span}）：投诉不是定论`);
    }
  }
  if (lookup.confirmation === null && distinct === 0 && lookup.sources.length > 0) reasons.push("只有公开名单或通话记录提到它：最多算可疑");
  else if (lookup.confirmation === null && lookup.verdict === "suspicious") {
    reasons.push("反诈中心尚未确认：举报和名单只会让它“可疑”，不会让它成为确认的诈骗");
  }
  if (lookup.verdict === "unknown" && (distinct > 0 || lookup.sources.length > 0)) reasons.push("证据已随时间减弱（半衰期 90 天）");
  if (reasons.length === 0) reasons.push("无人举报");
  return reasons;
}
