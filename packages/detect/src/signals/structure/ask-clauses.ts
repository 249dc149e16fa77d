/**
 * What the clause around a claim or an ask says of it: made of the reader or by the writer of themselves, asked or
 * already paid, forbidden (advice) or required. Each reader takes the normalised text and a normalised offset.
 */
import { isClauseEnd, isSentenceEnd, unitAround } from "./units.js";

/**
 * An imperative at the start of a clause, also after its addressee ("你先充值五千"): the ask is made of the reader,
 * even in a sentence that names scammers or calls other platforms scams.
 */
export const IMPERATIVE =
  /^\s*(?:[你您]们?(?=请|马上|立即|立刻|赶紧|尽快|现在|先|务必))?(?:请(?!勿|不要|别)|麻烦|马上|立即|立刻|赶紧|尽快|现在|先|务必|please\b|kindly\b|click\b|tap\b|call\b|press\b|visit\b|go to\b|reply\b|log ?in\b|update\b|verify\b|confirm\b)/;

/** The writer alone (我, not 我们/我司/我行, who speak for an organiser) before the claim. */
export const WRITER = /我(?!们|司|行|公司|方)/;
/** Someone other than the writer is the subject or the addressee ("恭喜您", "你被抽中", "对方称我中奖"). */
export const NOT_SELF = /[你您]|说|称|告诉|通知|恭喜|提示|显示|短信|电话/;

/**
 * Whether the evidence at normalised `at` is the writer's own news: its clause names the writer (我) before it
 * and neither addresses the reader nor reports someone else's words ("我在音乐节抽中了一把吉他"
 * vs "恭喜您抽中了", "获得了我们公司举办的大奖赛的二等奖").
 */
export function isSelfReport(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return WRITER.test(s.slice(ca, at)) && !NOT_SELF.test(s.slice(ca, cb));
}

/** A completion marker just before a money verb: 已/已经, 刚/刚刚, 成功, 收到 ("…已转入", "我刚把货款转到"). */
export const DONE_BEFORE = /(?<![未没])(?:已|刚|成功|收到)[^,。!?;\n]{0,5}$/;
/** A completion word just after it: a receipt's "转账支出", "转账入账", "转账成功", "已到账". */
export const DONE_AFTER = /^[^,。!?;\n]{0,6}(?:成功|到账|入账|支出|完成|完毕)/;
/** The verb as an attribute: "您多支付的费用", "转的钱" name a payment made, they ask for none. */
export const PAID_OBJECT = /^(?:支付|缴纳|交|缴|付|转账|转|汇款|汇|打)(?:了)?的/;
/** The verb as a noun: "网银转账功能", "转账限额" name a service, they ask for no payment. */
export const PAYMENT_NOUN = /^(?:功能|限额|额度|记录|服务|业务|明细|凭证)/;
/** "已被冻结", "已经停用": a state reported, not a threat of what happens unless the reader acts. */
export const STATE_BEFORE = /(?<![未没])已(?:经)?(?:被)?$/;

/**
 * Whether the pressure at normalised `at` reports a state ("您的账户已被冻结，请携带证件到网点办理") rather than
 * threatens one ("否则将冻结"); a bank's notice of a freeze is no coercion, a scam still asks (解冻金) or threatens.
 */
export const isReportedState = (s: string, at: number): boolean => STATE_BEFORE.test(s.slice(Math.max(0, at - 4), at));

/** Whether the sentence around normalised `at` speaks to the reader (你/您, you): "就差最后三万就能提出来了，你再想想办法". */
export const isSentenceToReader = (s: string, at: number): boolean => {
  const [a, b] = unitAround(s, at, isSentenceEnd);
  return /[你您]|\byou\b/.test(s.slice(a, b));
};

/** A rating of a service just given: "满意请按1，不满意请按2", "对本次服务进行评价", "press 1 if you were satisfied". */
export const SURVEY = /满意|评价|评分|打分|\bsatisf(?:ied|action)\b|\brate (?:our|the|this|your) (?:service|call|agent|experience)\b/;
/** A gain or a payout in the same sentence: a "survey" that pays ("参与满意度调查即可领取话费") is a lure, not a rating. */
export const SURVEY_LURE = /领取|获得|奖|红包|话费|礼品|返现|补偿|赔|退款|\b(?:prize|gift|reward|free|won|win|claim|cash|refund)\b/;

/**
 * Whether the key press or call-back at normalised `at` rates a service ("满意请按1，一般请按2"): the carrier's or
 * bank's satisfaction call after a call the person made. Its sentence names a rating and offers nothing; a robocall
 * asks the key for a claim ("理赔请按1", "press 1 to speak to an agent about your warrant").
 */
export function isSurveyKey(s: string, at: number): boolean {
  const [a, b] = unitAround(s, at, isSentenceEnd);
  const sentence = s.slice(a, b);
  return (SURVEY.test(sentence) || CONFIRM_KEY.test(sentence)) && !SURVEY_LURE.test(sentence);
}

/**
 * A bank's fraud-alert call: "if you made this purchase press 1, if not press 2" asks the holder to confirm a
 * transaction, the key itself moves nothing; the scam's "if you did NOT make this purchase press 1 to speak to an
 * agent" offers only the way out and stays an ask.
 */
const CONFIRM_KEY = /\bif (?:you|this was you)(?: did)? (?:made|make|recogni[sz]e|authori[sz]ed?|placed|approved?) (?:this|the|these|that)\b/;

/** A service offered to the reader before the word: "为您冻结", "帮您停用" (a bank stopping a stolen card). */
export const SERVICE_BEFORE = /(?:为|帮|替|给)[你您](?:办理|临时)?$/;

/**
 * Whether the pressure at normalised `at` is a service offered to the reader ("如果不是您本人操作，我们会为您冻结卡片")
 * rather than a threat of what happens to them ("否则将冻结你的账户").
 */
export const isOfferedService = (s: string, at: number): boolean => SERVICE_BEFORE.test(s.slice(Math.max(0, at - 5), at));

/** A request or a question in the same clause: the payment is still being asked for ("账户已冻结需要转账解冻", "转了吗"). */
export const STILL_ASKED = /请|麻烦|帮我|帮忙|替我|[你您]先|赶紧|马上|立即|立刻|尽快|务必|需要|必须|还要|再|吗|\?/;

/**
 * Whether the money ask at normalised [at, end) reports a payment already made ("房租我已经转给房东了",
 * "本金及收益已转入您尾号3321的账户", "收到他人转账入账") rather than asks for one: a completion marker next to the
 * verb in its clause, and no request or question in that clause. A scam still asks for the money it wants.
 */
export function isCompletedPayment(s: string, at: number, end: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  if (STILL_ASKED.test(s.slice(ca, cb))) return false;
  return DONE_BEFORE.test(s.slice(Math.max(ca, at - 8), at)) || DONE_AFTER.test(s.slice(end, cb)) || PAID_OBJECT.test(s.slice(at, end)) || PAYMENT_NOUN.test(s.slice(end, cb));
}

/**
 * A bank's, broker's or payment app's account-movement notice, in its own voice: an account tail ("尾号1234",
 * "账户0537", "末四位"), a movement verb and an amount ("…尾号1234的储蓄卡12月3日转入2,500.00元，余额…",
 * "资金账号尾号8812银证转账转入50000元已到账"). Its 转入, its amount and its 余额 report money that moved.
 */
export const ACCOUNT_TAIL = /尾号|末[四4]位|后[四4]位|(?:账户|账号|卡|卡号)[*x]*\d{4}/;
export const MOVEMENT_VERB = /转入|转出|支出|收入|入账|到账|扣款|存入|汇入|收款|支取|代发|还款|退款/;
export const MOVEMENT_AMOUNT = /(?:人民币|rmb|cny|[¥￥])\s*\d|\d[\d,]*(?:\.\d+)?\s*(?:万元|元)/;
/**
 * A clause of such a notice must not ask (STILL_ASKED: 请, 需要, 吗…), name where to send money ("转入安全账户", "以下账户"),
 * ask it back ("返还", "退回") nor speak as a person (你, 我 other than 我行/我司): "到账后请返还", "请将资金转入安全账户"
 * and "我给你尾号1234的卡转了五万" are asks or a person's words, never a notice.
 */
const NOT_NOTICE = /(?:安全|以下|下列|指定|监管|清查|核查|国家|对方|该|这个)(?:的)?(?:账户|账号|银行卡|卡)|返还|退回|退还|归还|退给|转回|你|我(?!行|司|们)/;
/** Clause breaks of a notice: commas and colons, but not inside "2,500.00" or "10:21". */
const NOTICE_BREAK = /(?<!\d)[,:]|[,:](?!\d)/g;

/**
 * Whether the evidence at normalised `at` sits in an account-movement notice: the run of notice clauses around it
 * (none asks, names a receiving account or speaks as a person) names an account tail, a movement verb and an amount.
 */
export function isAccountMovement(s: string, at: number): boolean {
  const [a, b] = unitAround(s, at, isSentenceEnd);
  const sentence = s.slice(a, b);
  const rel = at - a;
  const clauses: [number, number][] = [];
  let start = 0;
  NOTICE_BREAK.lastIndex = 0;
  for (let m = NOTICE_BREAK.exec(sentence); m !== null; m = NOTICE_BREAK.exec(sentence)) {
    clauses.push([start, m.index]);
    start = m.index + 1;
  }
  clauses.push([start, sentence.length]);
  const isNotice = ([ca, cb]: [number, number]): boolean => !STILL_ASKED.test(sentence.slice(ca, cb)) && !NOT_NOTICE.test(sentence.slice(ca, cb));
  const here = clauses.findIndex(([ca, cb]) => rel >= ca && rel < cb);
  if (here < 0 || !isNotice(clauses[here] as [number, number])) return false;
  let first = here;
  let last = here;
  while (first > 0 && isNotice(clauses[first - 1] as [number, number])) first--;
  while (last < clauses.length - 1 && isNotice(clauses[last + 1] as [number, number])) last++;
  const run = sentence.slice((clauses[first] as [number, number])[0], (clauses[last] as [number, number])[1]);
  return ACCOUNT_TAIL.test(run) && MOVEMENT_VERB.test(run) && MOVEMENT_AMOUNT.test(run);
}

/**
 * A prohibition that governs the rest of its clause ("更不要点击对方发来的链接或扫码付款", "请勿向陌生账户转账"):
 * the lexicon's own negation only looks 10 characters back and skips link asks, so a coordinated second object
 * ("…或扫码") still read as a request. Only imperative prohibitions: not 不能 ("航班不能起飞…请致电"), 不用/无需
 * ("你不用去银行，直接扫码转账" is a scam's ask) nor 别担心.
 */
export const PROHIBITION = /(?<!要)不要|别(?!担心|着急|急|怕|客气|紧张|慌|人|的|处|家)|请勿|切勿|勿|严禁|禁止/g;
/** Words after a prohibition that start an affirmative request of their own ("不要去柜台，直接在手机上转"). */
export const PIVOT = /直接|而是|只|改|就行|即可|马上|立即|立刻|赶紧|现在|先|然后|再|按照|请/;
/** Furthest (normalised characters) a prohibition reaches: unpunctuated text (an FBS SMS, speech) runs clauses together. */
export const PROHIBITION_REACH = 16;

/** Whether the ask at normalised `at` is forbidden by a prohibition earlier in its clause (advice, not an ask). */
export function isProhibited(s: string, at: number): boolean {
  const [ca] = unitAround(s, at, isClauseEnd);
  const before = s.slice(Math.max(ca, at - PROHIBITION_REACH), at);
  PROHIBITION.lastIndex = 0;
  let last = -1;
  for (let m = PROHIBITION.exec(before); m !== null; m = PROHIBITION.exec(before)) last = m.index + m[0].length;
  return last >= 0 && !PIVOT.test(before.slice(last));
}

/**
 * A request made of the reader in a clause: addressed (你/您, you), a favour (帮我, 帮忙, 替我, 麻烦, me), "先…", or money
 * sent to the writer's own account ("直接转账到我的微信").
 */
export const ADDRESSED = /[你您]|帮我|帮忙|替我|麻烦|先|到我的?(?:微信|支付宝|账户|银行卡|卡)|扫我的?(?:微信|支付宝)?(?:收款码|二维码|码)|\b(?:you|me)\b/;

/** The school's or a service's own payment platform: "学校缴费平台", "学校的小程序", "官方公众号", "统一缴费平台". */
export const OWN_PLATFORM = /(?:学校|校方|学院|幼儿园|教育局)[^,。!?;\n]{0,6}(?:平台|系统|小程序|公众号|app)|缴费平台|(?:官方|统一)[^,。!?;\n]{0,4}(?:平台|小程序|公众号|app)/;

/** Whether the channel ask at normalised `at` names the institution's own platform in its clause ("请扫描学校缴费平台的二维码"). */
export function isOwnPlatform(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return OWN_PLATFORM.test(s.slice(ca, cb));
}

/** Money sent to the writer's own private account: "转账到我的微信", "直接转我", "借我", "发红包给我", "给我发个红包", "send it to me". */
export const TO_WRITER = /(?:到|给|转)我的?(?:微信|支付宝|账户|银行卡|卡|这个卡)|转我|借(?:给)?我|给我发(?:个|一个)?[^,。!?;\n]{0,6}红包|我的(?:微信|支付宝)?(?:收款码|收款二维码)|红包(?:给|到)我|红包(?:直接)?(?:发|转)(?:给)?我|\b(?:send|transfer|wire|pay) (?:it |the money |them )?(?:to )?me\b/;

/** Whether the money ask at normalised `at` sends the money to the writer's own account (not to a school's or a shop's platform). */
export function isToWriter(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return TO_WRITER.test(s.slice(ca, cb));
}

/** Whether the ask at normalised `at` is made of the reader ("你先帮我转过去") rather than reported ("房租我已经转了"). */
export function isAddressedAsk(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return ADDRESSED.test(s.slice(ca, cb)) || IMPERATIVE.test(s.slice(ca, at + 1));
}

/** A requirement stated before the ask in its clause ("第二单需要充值5000", "提现要先交保证金"). */
export const REQUIRED = /需要|要|必须|得|请/;

/**
 * Whether the money ask at normalised `at` is required of the reader: addressed (isAddressedAsk), or a requirement
 * in a clause the writer is not the subject of ("第二单需要充值5000" vs "我准备下周加仓五千", "我充了五千").
 */
export function isRequiredOfReader(s: string, at: number): boolean {
  if (isAddressedAsk(s, at)) return true;
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return REQUIRED.test(s.slice(ca, cb)) && !WRITER.test(s.slice(ca, at + 1));
}

/** A clause that asks nothing of the reader and sends nothing to the writer: no 你/您/you, no 借我/转我/me. */
export const NOT_TO_READER = /[你您]|(?:借|给|转|打|汇|帮|替)我|\b(?:you|your|me)\b/;

/**
 * Whether the money ask at normalised `at` sits in the writer's own question about a payment ("提现的时候要交手续费吗？",
 * "do I have to pay a fee?"): a question that neither addresses the reader nor asks for money for the writer. A scam's
 * question still names the reader or the writer as the one paid ("你转了吗？", "能借我五千吗？").
 */
export function isOwnQuestion(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  const clause = s.slice(ca, cb);
  const question = s.charCodeAt(cb) === 0x3f || /[吗么呢]\s*$/.test(clause);
  return question && !NOT_TO_READER.test(clause);
}

/** A code or password handed to the writer: "报给我", "告诉我", "发给我们", "念给我听", "截图给我". */
export const TO_WRITER_CREDENTIAL = /(?:告诉|报给|报|念给|读给|发给|发|给|截图给|提供给)(?:我|我们)(?!们?的)/;

/** Whether the credential ask at normalised `at` hands the code or password to the writer (its clause says so). */
export function isToWriterCredential(s: string, at: number): boolean {
  const [ca, cb] = unitAround(s, at, isClauseEnd);
  return TO_WRITER_CREDENTIAL.test(s.slice(ca, cb));
}

/** A fee waived just before the fee word: "不收取手续费", "免收任何费用", "免手续费" (not "以免", "避免"). */
export const WAIVED_BEFORE = /(?:不收|免收|不另收|免除|(?<![以避])免)(?:取)?(?:任何)?$/;

/**
 * Whether the money ask at normalised `at` names a fee the text waives ("改签免费，退票也不收取手续费") rather than one
 * it asks for: only the words right before it, so "不收费群…加wx" still asks for the contact that follows.
 */
export const isWaivedFee = (s: string, at: number): boolean => WAIVED_BEFORE.test(s.slice(Math.max(0, at - 6), at));

/**
 * An English notice's report of an outcome for the reader: money that has reached them ("has been paid into your bank
 * account", "has been credited to your card ending 1234", "was issued to your original payment method") or an action
 * they asked for ("will be closed in 30 days as you requested", "as requested, your account has been closed").
 */
export const OUTCOME_EN =
  /\b(?:(?:has|have) (?:now |already )?been|was|were) (?:paid|credited|refunded|issued|sent|deposited|returned|transferred|moved) (?:in)?to your (?:bank |current |savings |checking |paypal |original |chosen |nominated )?(?:account|card|visa|mastercard|amex|balance|payment method|bank)\b|\bas (?:you )?requested\b|\bat your request\b|\bfollowing your request\b/;
/**
 * A sentence that still asks or presses the reader: something to do to receive it, a condition, a deadline, a link to
 * open, or a crypto deposit (the "27 BTC deposited as you requested into your portfolio at <url>" lure). "Your refund
 * has been credited to your card, confirm your details to receive it" reports nothing; it asks.
 */
export const STILL_ASKED_EN =
  /\b(?:pending|unless|verify|confirm|click|tap|log ?in|sign ?in|update|claim|submit|call|reply|provide|enter|must|need to|required?|within|immediately|urgent(?:ly)?|otherwise|to (?:receive|release|collect|get|accept)|fee|charge|btc|bitcoin|usdt|eth|crypto|portfolio|wallet)\b|\?|<url>|https?:|www\./;

/**
 * Money said to have reached the reader by mistake, or to be sent back: the overpayment and refund-callback scams
 * ("$2,500 has been credited to your account by mistake, send it back") report a credit in order to ask for it.
 */
export const MISTAKEN_CREDIT =
  /\b(?:by mistake|in error|accidentally|mistakenly|overpa(?:id|yment)|extra (?:money|amount|funds)|(?:send|pay|transfer|wire) (?:it|them|the (?:money|difference|extra|excess|rest)) back|refund the (?:difference|extra|excess)|return the (?:difference|extra|excess|money))\b/;

/**
 * Whether the claim at normalised `at` sits in a sentence that reports an outcome for the reader (OUTCOME_EN) and
 * asks nothing (STILL_ASKED_EN), in a text that reports no mistaken credit (MISTAKEN_CREDIT): "your tax refund of £312 has been paid into your bank account" is a receipt, the
 * refund lure's "your refund is pending, verify your card to receive it" an ask.
 */
export function isReportedOutcome(s: string, at: number): boolean {
  const [a, b] = unitAround(s, at, isSentenceEnd);
  const sentence = s.slice(a, b);
  return OUTCOME_EN.test(sentence) && !STILL_ASKED_EN.test(sentence) && !MISTAKEN_CREDIT.test(s);
}

/** The writer's own gain: "i made 12% this week", "my profits were 30%". */
export const OWN_GAIN = /^(?:i|my)\b/;
/**
 * An invitation to the reader to put money in: "you should try it", "i will teach you", "register with my invite code",
 * "deposit to the account…". A pig-butchering lure brags AND invites; a friend's news of their own gains does not.
 */
export const INVITE_EN =
  /\byou (?:should|could|can|must|need to|have to|might want to|ought to) (?:try|join|start|invest|deposit|register|sign up|download|open|buy|put)\b|\b(?:i|we)(?:'ll| will| can| could| would) (?:teach|show|guide|help|coach|introduce) you\b|\b(?:register|sign up|download|deposit|invest|join|recharge|top up)\b[^.!?\n]{0,40}\b(?:my|our|this|the) (?:invite|invitation|referral|code|link|platform|app|group|account|site|exchange)\b|\b(?:invite|invitation|referral) code\b|\bjoin (?:us|me)\b|\b(?:let me|i'll|i will|i can) (?:show|teach|guide) you\b/;

/**
 * Whether the gain claim at normalised `at` is the writer's own news ("i made 12% this week but i'm not putting in
 * more") in a text that invites the reader to nothing (INVITE_EN): a friend's talk about their own crypto.
 */
export function isOwnGainNews(s: string, at: number): boolean {
  return OWN_GAIN.test(s.slice(at, at + 3)) && !INVITE_EN.test(s);
}
