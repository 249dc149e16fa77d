/**
 * The closed vocabularies of scamguard: fraud modes, playbook stages, signal families and risk levels.
 * Every other package speaks in these ids; names are given in zh and en for people.
 */
import { z } from "zod";

/** A bilingual display name. */
export interface BilingualName {
  zh: string;
  en: string;
}

const defineVocabulary = <const Id extends string>(entries: Record<Id, BilingualName>) => {
  const ids = Object.keys(entries) as [Id, ...Id[]];
  return { ids, names: entries, schema: z.enum(ids) };
};

/**
 * Fraud modes: the six top modes of the Shanghai police list (seed 004) plus the other common modes.
 * @example FRAUD_MODES.names.impersonate_customer_service.zh // "冒充客服"
 */
export const FRAUD_MODES = defineVocabulary({
  impersonate_customer_service: { zh: "冒充电商物流客服", en: "Impersonating customer service" },
  impersonate_police: { zh: "冒充公检法", en: "Impersonating police, procuratorate or court" },
  part_time_brushing: { zh: "刷单返利/兼职", en: "Part-time job and order brushing" },
  online_shopping: { zh: "网络购物诈骗", en: "Online shopping fraud" },
  impersonate_acquaintance: { zh: "冒充熟人/领导", en: "Impersonating acquaintances and leaders" },
  loan_finance: { zh: "虚假贷款/理财", en: "Fake loans and financial management" },
  investment_romance: { zh: "投资理财/杀猪盘", en: "Investment and romance (pig butchering)" },
  credit_repair: { zh: "注销校园贷/征信修复", en: "Fake loan cancellation and credit repair" },
  fake_refund: { zh: "虚假退款/理赔", en: "Fake refund or insurance claim" },
  parcel_customs: { zh: "快递/海关包裹问题", en: "Parcel or customs problem" },
  game_trading: { zh: "游戏账号/装备交易", en: "Game account and item trading" },
  prize_lottery: { zh: "中奖诈骗", en: "Prize and lottery" },
  virtual_kidnapping: { zh: "虚假绑架/亲人出事", en: "Virtual kidnapping or a relative in trouble" },
  phishing: { zh: "钓鱼链接/身份盗窃", en: "Phishing and identity theft" },
  impersonate_government: { zh: "冒充政府机构（社保/医保/税务/使领馆）", en: "Impersonating a government agency (SSA, IRS, Medicare, consulate)" },
  impersonate_military_purchase: { zh: "冒充军警购物", en: "Fake military or police purchase order" },
  flight_rebooking: { zh: "机票改签/航班取消", en: "Fake flight cancellation or rebooking" },
  ai_face_swap: { zh: "AI换脸/拟声", en: "AI face-swap or voice-clone request" },
  utility_disconnection: { zh: "冒充水电燃气停供", en: "Utility disconnection threat" },
  service_discount: { zh: "虚假话费/电视宽带优惠", en: "Fake TV, internet or phone bill discount" },
  debt_relief: { zh: "虚假降息/债务减免", en: "Credit-card rate or debt relief offer" },
  auto_warranty: { zh: "虚假汽车延保", en: "Auto warranty" },
});
export type FraudMode = (typeof FRAUD_MODES.ids)[number];
export const FraudModeSchema = FRAUD_MODES.schema;

/**
 * The stages of the impersonation playbook (DOMAIN.md), in the order a scam runs.
 * @example PLAYBOOK_STAGES.ids.indexOf("money") > PLAYBOOK_STAGES.ids.indexOf("harvest") // true
 */
export const PLAYBOOK_STAGES = defineVocabulary({
  contact: { zh: "陌生来电接触", en: "Contact by a stranger" },
  impersonation: { zh: "冒充身份", en: "Impersonation" },
  credibility: { zh: "报出个人信息取信", en: "Building credibility" },
  pretext: { zh: "编造理由制造恐慌", en: "Pretext and fear" },
  channel_switch: { zh: "引导换渠道（下载软件、共享屏幕、点链接）", en: "Channel switch (app, screen share, link)" },
  harvest: { zh: "索要验证码/密码", en: "Harvesting codes and passwords" },
  money: { zh: "诱导转账", en: "Moving money" },
  disappear: { zh: "拉黑失联", en: "Disappearing" },
});
export type Stage = (typeof PLAYBOOK_STAGES.ids)[number];
export const StageSchema = PLAYBOOK_STAGES.schema;

/** Position of a stage in the playbook, 0-based; later stages are more dangerous. */
export const stageRank = (stage: Stage): number => PLAYBOOK_STAGES.ids.indexOf(stage);

/**
 * Signal families. The first six are scam tactics; `protective` is counter-evidence
 * (a genuine warning such as "we never ask for your code") that lowers risk.
 * @example SIGNAL_FAMILIES.names.channel.en // "Channel switch"
 */
export const SIGNAL_FAMILIES = defineVocabulary({
  impersonation: { zh: "冒充身份", en: "Impersonation" },
  pretext: { zh: "借口", en: "Pretext" },
  pressure: { zh: "施压", en: "Pressure" },
  channel: { zh: "引导换渠道", en: "Channel switch" },
  credential: { zh: "索要凭证", en: "Credential harvest" },
  money: { zh: "资金转移", en: "Money movement" },
  protective: { zh: "官方防骗提示", en: "Protective counter-evidence" },
});
export type SignalFamily = (typeof SIGNAL_FAMILIES.ids)[number];
export const SignalFamilySchema = SIGNAL_FAMILIES.schema;

/**
 * Risk levels shown to people; `critical` means money or credentials are about to move.
 * @example RiskLevelSchema.parse("high")
 */
export const RISK_LEVELS = defineVocabulary({
  low: { zh: "低风险", en: "Low risk" },
  medium: { zh: "中风险", en: "Medium risk" },
  high: { zh: "高风险", en: "High risk" },
  critical: { zh: "极高风险", en: "Critical risk" },
});
export type RiskLevel = (typeof RISK_LEVELS.ids)[number];
export const RiskLevelSchema = RISK_LEVELS.schema;

/** Languages the product speaks. */
export const LangSchema = z.enum(["zh", "en"]);
export type Lang = z.infer<typeof LangSchema>;

/**
 * Kinds of identifier a person can report or an institution can look up.
 * @example IdentifierKindSchema.parse("meeting_id")
 */
export const IDENTIFIER_KINDS = defineVocabulary({
  phone: { zh: "电话号码", en: "Phone number" },
  email: { zh: "邮箱/Apple ID", en: "E-mail or Apple ID" },
  bank_account: { zh: "银行账户", en: "Bank account" },
  url: { zh: "链接", en: "Link" },
  domain: { zh: "域名", en: "Domain" },
  meeting_id: { zh: "会议号", en: "Meeting ID" },
  app: { zh: "应用", en: "App" },
  display_name: { zh: "显示名称", en: "Display name" },
});
export type IdentifierKind = (typeof IDENTIFIER_KINDS.ids)[number];
export const IdentifierKindSchema = IDENTIFIER_KINDS.schema;
