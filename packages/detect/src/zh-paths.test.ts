/**
 * Chinese paths of issue 7 beyond the official and chat paths (official-paths.test.ts, chat-paths.jsonl), one table
 * per path: each scam wording flagged (label 1), each benign near-miss that shares its words left unflagged. Written
 * for this table; none is a probe or data-set text.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";

const flagged = (text: string): boolean => analyze(text).label === 1;

describe("a service's own call or notice: a satisfaction rating, a card-fraud check, a fee the notice says is not due", () => {
  it.each([
    ["svc-scam-1", "这里是中国移动语音通知，您的手机号码涉嫌违规，将在两小时后停机，如有疑问请按1转人工。"],
    ["svc-scam-2", "您好，这里是银行风控中心，您的账户涉嫌洗钱即将被冻结，请把资金转到我们的安全账户进行核查。"],
    ["svc-scam-3", "您好，我是银行客服，您的账户因异常已被冻结，需要先缴纳5000元解冻金才能恢复使用，请尽快转账。"],
    ["svc-scam-4", "您好，这里是电信客服，参与本次满意度调查即可领取100元话费，请按1并输入您的银行卡号。"],
    ["svc-scam-5", "您好，我是工商银行信用卡中心的，您的信用卡被盗刷了，为了帮您冻结卡片，请把手机收到的验证码告诉我。"],
    ["svc-scam-6", "This is an automated message from your bank. Your account will be suspended today. Press 1 to speak with an agent and verify your card."],
  ])("%s is flagged", (_, text) => {
    expect(flagged(text)).toBe(true);
  });
  it.each([
    ["svc-ok-1", "您好，这里是中国移动，邀请您对刚才的服务进行满意度评价，满意请按1，一般请按2，不满意请按3。"],
    ["svc-ok-2", "您好，这里是中国电信10000号，请对本次通话的客服人员服务进行评价，非常满意请按1，不满意请按2，感谢您的配合。"],
    ["svc-ok-3", "您好，这里是招商银行信用卡中心，我们监测到您的信用卡刚才在境外有一笔5000元的消费，请问是您本人操作的吗？如果不是，我们会为您冻结卡片并补办新卡。我们不会向您索要密码或验证码。"],
    ["svc-ok-4", "【工商银行】您的账户因风险管控已被临时冻结，请携带身份证到网点办理，解冻无需缴纳任何费用。"],
    ["svc-ok-5", "【建设银行】您尾号6677的借记卡已按您的要求挂失，补卡无需支付手续费，请本人持证件到网点办理。"],
    ["svc-ok-6", "Thank you for calling. To rate your satisfaction with today's call, press 1 if you were satisfied or 2 if you were not."],
  ])("%s is left unflagged", (_, text) => {
    expect(flagged(text)).toBe(false);
  });
});
