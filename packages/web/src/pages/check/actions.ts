/** The one thing to do now on the Check page, from how far the script has gone and what it asks for. */
import type { Verdict } from "@scamguard/contracts";
import type { MessageKey } from "../../i18n/messages.js";

const LINK_SIGNALS = new Set(["channel:link", "channel:link-given", "channel:link-qr", "channel:qr-code"]);

/**
 * The actions for a medium-or-higher verdict, the most urgent first. A text that sends the reader to a link
 * (a phishing SMS or e-mail) has nobody on the line: its actions are not to open the link, then not to give
 * the codes or the money it is after, never "hang up". "Hang up" stays when the script shares the screen,
 * which only a caller does.
 * @example actionsFor(analyze("【交通银行】…请登录 bocom-xx.cn 填写卡号及有效期")) // ["verdict.action.link", "verdict.action.code"]
 */
export function actionsFor(verdict: Pick<Verdict, "risk" | "stage" | "signals">): MessageKey[] {
  if (verdict.risk === "low") return [];
  if (verdict.risk === "medium") return ["verdict.action.careful"];
  const screenShare = verdict.signals.some((s) => s.id.includes("screen"));
  const link = !screenShare && verdict.signals.some((s) => s.id.startsWith("url:") || LINK_SIGNALS.has(s.id));
  switch (verdict.stage) {
    case "money":
      return link ? ["verdict.action.money", "verdict.action.link"] : ["verdict.action.money", "verdict.action.hangup"];
    case "harvest":
      return link ? ["verdict.action.link", "verdict.action.code"] : ["verdict.action.code", "verdict.action.hangup"];
    case "channel_switch":
      return screenShare ? ["verdict.action.screen", "verdict.action.hangup"] : link ? ["verdict.action.link"] : ["verdict.action.hangup"];
    default:
      return link ? ["verdict.action.link"] : ["verdict.action.hangup"];
  }
}
