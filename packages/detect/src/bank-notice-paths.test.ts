/**
 * Issue 7: a bank's, broker's or payment app's account-movement notice (an account tail, a movement verb, an amount,
 * optionally the balance, in the notice's own voice) reports money that moved: no money ask, no accusation in its
 * reasons, never medium from the notice alone. A scam that asks the money on or back ("请将…转入安全账户",
 * "转入以下账户", "到账后请退回") stays an ask. Written for this table; none is a probe or data-set text.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";

/** Reasons that accuse the reader of being asked for money ("要求转账汇款", "提到大额钱款"). */
const MONEY_REASON = /要求转账|大额钱款|转到“安全账户”/;

const notices: readonly (readonly [string, string])[] = [
  ["icbc-credit", "【工商银行】您尾号1234的储蓄卡12月3日10:21转入2,500.00元，余额12,888.00元。"],
  ["ccb-salary", "【建设银行】您尾号5678的账户12月1日工资收入12,345.67元，余额20,100.50元。"],
  ["guosen-bank-securities", "【国信证券】您的资金账号尾号8812银证转账转入50000元已到账，请登录易淘金App查看。"],
  ["cmb-account-style", "【招商银行】您账户0537于12月03日10:21收款人民币12,500.00，备注：货款，余额45,210.33。"],
  ["abc-debit", "【中国农业银行】您尾号9901账户12月02日14:03完成支出交易人民币-1,280.00，余额30,566.12。"],
  ["boc-suffix", "您尾号为4321的借记卡于12月03日09:15存入人民币20,000.00元，当前余额35,000.00元。【中国银行】"],
  ["bocom-deduct", "【交通银行】您尾号6688的信用卡12月03日自动还款扣款3,500.00元，本期账单已还清。"],
  ["alipay-card", "【支付宝】您尾号2468的银行卡12月03日通过支付宝转出10,000.00元至余额宝。"],
  ["wechat-pay-refund", "【微信支付】您尾号1357的银行卡12月03日退款入账158.00元，详情请在微信支付中查看。"],
  ["cmbc-payroll", "【民生银行】您尾号7777的账户于12月01日收到代发工资入账15,600.00元，可用余额18,230.45元。"],
  ["htsc-withdraw", "【华泰证券】您的资金账号尾号3302于12月03日银证转账转出30,000.00元，资金已到账银行卡。"],
];

const scams: readonly (readonly [string, string])[] = [
  ["safe-account", "您尾号1234的账户涉嫌洗钱，请将50000元转入安全账户。"],
  ["listed-account", "【中国银行】您尾号1234的账户12月3日转入50000元，该款项为误转，请于今日内转回至以下账户，否则将冻结您的账户。"],
  ["return-after-credit", "您尾号1234的银行卡转入50000元，到账后请退回至以下账户。"],
  ["return-now", "您尾号1234的银行卡已转入50000元，到账后请立即返还。"],
  ["move-on", "您尾号1234的银行卡已转入资金50000元，请立即转入以下账户进行资金核查。"],
];

describe("an account-movement notice reads as a report of money, not an ask", () => {
  it.each(notices)("%s: no money reason, low risk", (_, text) => {
    const v = analyze(text);
    expect(v.label).toBe(0);
    expect(v.risk).toBe("low");
    expect(v.signals.map((s) => s.id)).not.toContain("money:transfer");
    expect(v.reasons.filter((r) => MONEY_REASON.test(r))).toEqual([]);
  });
  it.each(scams)("%s: the money is still asked", (_, text) => {
    const v = analyze(text);
    const money = v.signals.filter((s) => s.id === "money:transfer" || s.id === "money:safe-account");
    expect(money.length).toBeGreaterThan(0);
    // What the reason quotes is the ask after the notice's first clause, never the reported "转入" before it.
    for (const s of money) expect(s.evidence[0]?.start ?? -1).toBeGreaterThan(text.indexOf("，"));
  });
});
