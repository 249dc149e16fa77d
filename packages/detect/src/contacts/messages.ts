/** What a contact verification tells people, in zh and en: one table so both languages say the same. */
import type { Lang, OutboundChannel } from "@scamguard/contracts";

type Msg = (...args: string[]) => string;

const CHANNEL: Record<Lang, Record<OutboundChannel, string>> = {
  en: { phone: "phone call", sms: "SMS", facetime: "FaceTime", video: "video call", app_chat: "in-app chat" },
  zh: { phone: "电话", sms: "短信", facetime: "FaceTime", video: "视频通话", app_chat: "应用内聊天" },
};

const EN = {
  declaredLive: (name, channel, from) => `${name} declared a ${channel} to you from ${from}, live right now`,
  purpose: (purpose) => `stated purpose: ${purpose}`,
  notDeclared: (name, channel, from) =>
    `${name} declares its outbound contacts here and declared no ${channel} to you from ${from} right now: treat the caller as an impostor`,
  notParticipating: (name) => `${name} does not declare its outbound contacts here, so this contact cannot be confirmed; the official directory says:`,
  stillNever: () => 'It is them. Still, no real institution asks you to read out SMS codes, share your screen or move money to a "safe account"',
  inDoubt: (name, numbers) => `In doubt, hang up and call ${name} yourself on ${numbers}`,
  hangUp: () => "Hang up now",
  callYourself: (name, numbers) => `Call ${name} yourself on ${numbers} (from your own phone, not a number the caller gave)`,
  callYourselfApp: (name) => `Contact ${name} yourself through its official app or website`,
  doNothing: () => "Do not share your screen, read out codes, install apps or transfer money",
  callerIdFaked: (name, numbers) => `Caller ID can be faked: for anything about money, hang up and call ${name} yourself on ${numbers}`,
  unknownInstitution: () => "Look the organisation up yourself before doing anything the caller asks",
} satisfies Record<string, Msg>;

const ZH: Record<keyof typeof EN, Msg> = {
  declaredLive: (name, channel, from) => `${name}已登记此刻正通过${channel}从 ${from} 联系您`,
  purpose: (purpose) => `登记的事由：${purpose}`,
  notDeclared: (name, channel, from) => `${name}在此登记其外呼联系，但此刻没有登记通过${channel}从 ${from} 联系您：请把对方当作冒充者`,
  notParticipating: (name) => `${name}未在此登记外呼联系，无法确认这次联系；官方名录的结论如下：`,
  stillNever: () => "确实是对方。但任何正规机构都不会让您念出短信验证码、共享屏幕或把钱转到“安全账户”",
  inDoubt: (name, numbers) => `如有疑问，请挂断后自行拨打${name} ${numbers} 核实`,
  hangUp: () => "请立即挂断",
  callYourself: (name, numbers) => `用您自己的手机拨打${name}官方号码 ${numbers} 核实（不要拨打对方提供的号码）`,
  callYourselfApp: (name) => `通过${name}的官方应用或官网自行联系核实`,
  doNothing: () => "不要共享屏幕、念验证码、安装应用或转账",
  callerIdFaked: (name, numbers) => `来电显示可以伪造：凡涉及资金，请挂断后自行拨打${name} ${numbers} 核实`,
  unknownInstitution: () => "在按对方要求做任何事之前，请自行查证这家机构",
};

/** Message ids. */
export type ContactMessageId = keyof typeof EN;

/**
 * One sentence in the requested language.
 * @example contactMessage("en", "hangUp") // "Hang up now"
 */
export function contactMessage(lang: Lang, id: ContactMessageId, ...args: string[]): string {
  return (lang === "zh" ? ZH : EN)[id](...args);
}

/**
 * How a channel is called in a language.
 * @example channelLabel("zh", "app_chat") // "应用内聊天"
 */
export function channelLabel(lang: Lang, channel: OutboundChannel): string {
  return CHANNEL[lang][channel];
}
