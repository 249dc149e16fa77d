/**
 * `npx vitest bench --run packages/detect/src/identifiers`: identifiers, mentions, links and contacts on a
 * ~1.5 KB scam dialogue, next to two baselines measured in the same run (one NFKC pass and one `\d+`
 * scan over the same text), so figures from a loaded machine can still be compared as ratios.
 */
import { bench, describe } from "vitest";
import { contactDetector } from "../contact/detector.js";
import { findInstitutionMentions } from "../directory/mentions.js";
import { verifyClaim } from "../directory/verify.js";
import { analyzeUrl } from "../link/analyze-url.js";
import { linkDetector } from "../link/detector.js";
import { normalize } from "../text/normalize.js";
import { extractIdentifiers } from "./extract.js";
import { normalizeIdentifier } from "./normalize.js";

const TURN = [
  "A: 您好，我是京东金融客服，工号 10086，您之前开通的学生白条需要注销，否则会影响您的个人征信。",
  "B: 我没开通过啊，你们怎么联系我的？这是FaceTime，显示 jd-kefu@icloud.com。",
  "A: 系统显示您大学期间开通过，您先下载腾讯会议，会议号 987 654 321，打开共享屏幕我指导您操作。",
  "B: 好的。那要我做什么？",
  "A: 您登录 https://jd-kefu.com/zhuxiao 填写银行卡号，比如 6222 0212 3456 7890 128，然后把验证码告诉我。",
  "A: 注销需要把资金转到银保监会认证的安全账户，稍后会有专员 13800138000 联系您，请勿挂断电话。",
  "Agent: Please also install AnyDesk and keep this line open, our supervisor will call +1 800-555-0199.",
].join("\n");
const TEXT = TURN.repeat(Math.ceil(1500 / TURN.length)).slice(0, 1500);
const NORMALIZED = normalize(TEXT);
const DIGITS = /\d+/g;

describe(`1.5 KB dialogue (${TEXT.length} chars)`, () => {
  bench("baseline: String.normalize(NFKC)", () => {
    TEXT.normalize("NFKC");
  });
  bench("baseline: /\\d+/g scan", () => {
    let n = 0;
    for (const _ of TEXT.matchAll(DIGITS)) n++;
    if (n < 0) throw new Error();
  });
  bench("extractIdentifiers", () => {
    extractIdentifiers(TEXT);
  });
  bench("findInstitutionMentions", () => {
    findInstitutionMentions(NORMALIZED.normalized);
  });
  // A fresh context object each time: identifiers are cached per NormalizedText object.
  bench("linkDetector.detect", () => {
    linkDetector.detect({ text: { ...NORMALIZED }, lang: "zh" });
  });
  bench("contactDetector.detect", () => {
    contactDetector.detect({ text: { ...NORMALIZED }, lang: "zh" });
  });
  bench("link + contact (shared extraction)", () => {
    const ctx = { text: { ...NORMALIZED }, lang: "zh" as const };
    linkDetector.detect(ctx);
    contactDetector.detect(ctx);
  });
});

describe("single identifiers", () => {
  bench("normalizeIdentifier phone (CN mobile)", () => {
    normalizeIdentifier("phone", "+86 138 0013 8000");
  });
  bench("normalizeIdentifier phone (libphonenumber, +44)", () => {
    normalizeIdentifier("phone", "+44 20 7946 0958");
  });
  bench("analyzeUrl look-alike", () => {
    analyzeUrl("https://webank-service.cn/login");
  });
  bench("verifyClaim FaceTime", () => {
    verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" }, channel: "facetime" });
  });
});
