/**
 * The sentences verifyClaim and analyzeCaller give people, in zh and en. One table so both languages say
 * the same thing; institution names are passed in already written for the language.
 */
import type { DirectoryEntry, Lang } from "@scamguard/contracts";

type Msg = (...args: string[]) => string;

const EN = {
  unknownClaim: (claimed) => `"${claimed}" names no institution in the official directory`,
  appleChannel: (name) => `${name} never contacts people through FaceTime or iMessage; anyone can set that display name`,
  notPhone: (value, name) => `${value} is not a phone number ${name} uses`,
  officialNumber: (value, name) => `${value} is an official number of ${name}`,
  callerIdFaked: () => "caller ID can be faked: for anything about money, call back the official number yourself",
  otherOwner: (value, owner, name) => `${value} is the official number of ${owner}, not of ${name}`,
  personalMobile: (value, name) => `${value} is a personal mobile number; ${name}'s customer service does not call from one`,
  foreign: (value, name) => `${value} is a foreign number; calls from abroad claiming ${name} are a common scam`,
  notOfficialNumber: (value, name) => `${value} is not an official number of ${name}`,
  officialEmail: (value, name) => `${value} is at an official domain of ${name}; they still never ask for codes or transfers`,
  personalMailbox: (value, name) =>
    `${value} is a personal mailbox (anyone can open one, and use it as an Apple ID for FaceTime); ${name} never contacts you from one`,
  notOfficialEmail: (value, name) => `${value} is not an official address of ${name}`,
  neverFacetime: (name) => `${name} never calls through FaceTime`,
  officialSite: (value, name) => `${value} is on an official domain of ${name}`,
  notSite: (value, name, official) => `${value} is not a website of ${name}${official ? ` (official: ${official})` : ""}`,
  officialApp: (value, name) => `${value} is ${name}'s official app; install it only from the app store`,
  notApp: (value, name) => `${value} is not an app of ${name}`,
  screenShareApp: (name, app) => `${name} never asks you to share your screen or install ${app}`,
  safeAccount: (name) => `${name} never asks you to move money to a "safe", "designated" or "certified" account`,
  meeting: (name) => `${name} never asks you to join a meeting or share your screen`,
  displayName: (name) => `a display name is not a contact of ${name}: anyone can set it to any name`,
  callBack: (name, numbers) => `${name}: hang up and call ${numbers} yourself`,
  callBackApp: (name) => `${name}: hang up and contact them through their official app or website`,
  wrongChannel: (channel, name) => `a ${channel} call is not how ${name} calls, even from its number`,
  belongsNotChannel: (value, name, channel) => `${value} belongs to ${name}, but ${name} does not call through ${channel}`,
  facetimeStranger: () => "FaceTime call from an unknown caller: banks, platforms and police never call through FaceTime",
  facetimeAppleId: () => "FaceTime call from an Apple ID anyone can create: banks, platforms and police never call through FaceTime",
} satisfies Record<string, Msg>;

const ZH: Record<keyof typeof EN, Msg> = {
  unknownClaim: (claimed) => `官方名录中没有“${claimed}”所指的机构`,
  appleChannel: (name) => `${name}从不通过 FaceTime 或 iMessage 联系用户；显示的名称谁都可以随意设置`,
  notPhone: (value, name) => `${value} 不是${name}使用的电话号码`,
  officialNumber: (value, name) => `${value} 是${name}的官方号码`,
  callerIdFaked: () => "来电显示可以伪造：凡涉及资金，请挂断后自行拨打官方号码核实",
  otherOwner: (value, owner, name) => `${value} 是${owner}的官方号码，不是${name}的`,
  personalMobile: (value, name) => `${value} 是个人手机号；${name}的客服不会用个人手机号联系您`,
  foreign: (value, name) => `${value} 是境外号码；自称${name}的境外来电是常见诈骗`,
  notOfficialNumber: (value, name) => `${value} 不是${name}的官方号码`,
  officialEmail: (value, name) => `${value} 属于${name}的官方域名；但官方也绝不会索要验证码或要求转账`,
  personalMailbox: (value, name) => `${value} 是个人邮箱（任何人都能注册，并用作 FaceTime 的 Apple ID）；${name}不会用个人邮箱联系您`,
  notOfficialEmail: (value, name) => `${value} 不是${name}的官方邮箱`,
  neverFacetime: (name) => `${name}从不通过 FaceTime 来电`,
  officialSite: (value, name) => `${value} 是${name}的官方网站`,
  notSite: (value, name, official) => `${value} 不是${name}的网站${official ? `（官方网站：${official}）` : ""}`,
  officialApp: (value, name) => `${value} 是${name}的官方应用；请只从应用商店安装`,
  notApp: (value, name) => `${value} 不是${name}的应用`,
  screenShareApp: (name, app) => `${name}绝不会要求您共享屏幕或安装${app}`,
  safeAccount: (name) => `${name}绝不会要求您把钱转到“安全账户”“指定账户”或“认证账户”`,
  meeting: (name) => `${name}绝不会要求您加入会议或共享屏幕`,
  displayName: (name) => `显示名称不能证明是${name}：任何人都可以随意设置`,
  callBack: (name, numbers) => `${name}：请挂断，自行拨打 ${numbers} 核实`,
  callBackApp: (name) => `${name}：请挂断，通过官方应用或官网联系核实`,
  wrongChannel: (channel, name) => `即使号码相同，${name}也不会通过 ${channel} 来电`,
  belongsNotChannel: (value, name, channel) => `${value} 属于${name}，但${name}不会通过 ${channel} 来电`,
  facetimeStranger: () => "陌生人的 FaceTime 来电：银行、平台和警方从不通过 FaceTime 联系",
  facetimeAppleId: () => "来自任何人都能注册的 Apple ID 的 FaceTime 来电：银行、平台和警方从不通过 FaceTime 联系",
};

/** Message ids. @example const id: MessageId = "callBack"; */
export type MessageId = keyof typeof EN;

/**
 * One sentence in the requested language.
 * @example message("zh", "officialNumber", "95588", "中国工商银行") // "95588 是中国工商银行的官方号码"
 */
export function message(lang: Lang, id: MessageId, ...args: string[]): string {
  return (lang === "zh" ? ZH : EN)[id](...args);
}

/**
 * An institution's name for a sentence, in the sentence's language only: a verdict never mixes zh and en
 * (issue 7), and an English reader is not helped by "亚马逊 (Amazon)".
 * @example institutionLabel({ name: { zh: "京东", en: "JD.com" } } as DirectoryEntry, "en") // "JD.com"
 */
export function institutionLabel(entry: Pick<DirectoryEntry, "name">, lang: Lang): string {
  return lang === "zh" ? entry.name.zh : entry.name.en;
}
