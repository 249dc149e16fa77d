/**
 * Brand tokens that look-alike domains borrow ("jd-kefu.com", "webank-service.cn", "icbc-cn.com"), each
 * with the directory institution it points to. `sub`: may appear inside a longer label (distinctive
 * enough, ≥ 4 letters); `token`: only as a whole hyphen/dot-separated token or glued to a scam word
 * ("jdkefu"), because short or everyday words ("boc", "apple", "live") appear in unrelated names.
 */
export interface Brand {
  token: string;
  institution: string;
  match: "sub" | "token";
}

/** @example BRANDS.find((b) => b.token === "webank")?.institution // "webank" */
export const BRANDS: readonly Brand[] = [
  ["jd", "jd", "token"], ["jingdong", "jd", "sub"], ["360buy", "jd", "sub"], ["jdjr", "jd", "sub"], ["jdpay", "jd", "sub"],
  ["webank", "webank", "sub"], ["weilidai", "webank", "sub"], ["wlidai", "webank", "sub"],
  ["alipay", "alipay", "sub"], ["antgroup", "alipay", "sub"], ["huabei", "alipay", "sub"], ["jiebei", "alipay", "sub"], ["zhifubao", "alipay", "sub"],
  ["tencent", "tencent", "sub"], ["wechat", "tencent", "sub"], ["weixin", "tencent", "sub"], ["tenpay", "tencent", "sub"], ["qq", "tencent", "token"],
  ["unionpay", "unionpay", "sub"], ["95516", "unionpay", "sub"], ["yunshanfu", "unionpay", "sub"],
  ["icbc", "icbc", "sub"], ["95588", "icbc", "sub"], ["abchina", "abc", "sub"], ["95599", "abc", "sub"],
  ["boc", "boc", "token"], ["bankofchina", "boc", "sub"], ["95566", "boc", "sub"], ["ccb", "ccb", "token"], ["95533", "ccb", "sub"],
  ["bankcomm", "bocom", "sub"], ["bocom", "bocom", "sub"], ["cmbchina", "cmb", "sub"], ["cmb", "cmb", "token"], ["95555", "cmb", "sub"],
  ["psbc", "psbc", "sub"], ["95580", "psbc", "sub"], ["citic", "citic", "sub"], ["pingan", "pingan", "sub"], ["cebbank", "ceb", "sub"],
  ["cmbc", "cmbc", "token"], ["spdb", "spdb", "sub"], ["pbccrc", "pbc-credit-center", "sub"], ["zhengxin", "pbc-credit-center", "sub"],
  ["cbirc", "nfra", "sub"], ["nfra", "nfra", "token"], ["csrc", "csrc", "token"], ["12378", "nfra", "sub"],
  ["meituan", "meituan", "sub"], ["pinduoduo", "pinduoduo", "sub"], ["yangkeduo", "pinduoduo", "sub"], ["taobao", "taobao", "sub"],
  ["tmall", "taobao", "sub"], ["douyin", "douyin", "sub"], ["tiktok", "douyin", "sub"], ["sfexpress", "sf-express", "sub"],
  ["10086", "china-mobile", "sub"], ["10010", "china-unicom", "sub"],
  ["apple", "apple", "token"], ["appleid", "apple", "sub"], ["icloud", "apple", "sub"], ["itunes", "apple", "sub"],
  ["microsoft", "microsoft", "sub"], ["amazon", "amazon", "token"], ["paypal", "paypal", "sub"],
  ["irs", "irs", "token"], ["ssa", "ssa", "token"], ["96110", "anti-fraud-center", "sub"],
  // Pinyin that Chinese phishing domains spell brands and products with ("baitiao-kefu.com", "zhengxin-zhuxiao.cn").
  ["baitiao", "jd", "sub"], ["jintiao", "jd", "sub"], ["gonghang", "icbc", "sub"], ["nonghang", "abc", "sub"], ["jianhang", "ccb", "sub"],
  ["zhaohang", "cmb", "sub"], ["youchu", "psbc", "sub"], ["yinlian", "unionpay", "sub"], ["yinbaojian", "nfra", "sub"],
  ["yinjianhui", "nfra", "sub"], ["zhengjianhui", "csrc", "sub"], ["weizhong", "webank", "sub"], ["caifutong", "tencent", "sub"],
  ["fanzha", "anti-fraud-center", "sub"], ["pdd", "pinduoduo", "token"],
  ["usps", "usps", "sub"], ["ups", "ups", "token"], ["fedex", "fedex", "sub"], ["chase", "chase", "token"], ["jpmorgan", "chase", "sub"],
  ["bankofamerica", "bank-of-america", "sub"], ["bofa", "bank-of-america", "token"], ["wellsfargo", "wells-fargo", "sub"],
].map(([token, institution, match]) => ({ token, institution, match }) as Brand);

/**
 * Words glued to a short brand in look-alike labels ("jdkefu", "icbcvip", "qqpay").
 * @example SCAM_WORDS.has("kefu") // true
 */
export const SCAM_WORDS: ReadonlySet<string> = new Set([
  "kefu", "kf", "service", "services", "help", "vip", "cs", "jr", "pay", "finance", "jinrong", "online", "secure", "security",
  "login", "verify", "support", "app", "bank", "cn", "china", "com", "hk", "tuikuan", "refund", "zhuxiao", "loan", "credit", "card",
  "account", "safe", "center", "centre", "gov", "official", "kf95", "dk", "daikuan",
]);

/**
 * Well-known URL shorteners: the real destination is hidden from the person.
 * @example SHORTENERS.has("bit.ly") // true
 */
export const SHORTENERS: ReadonlySet<string> = new Set([
  "t.cn", "url.cn", "dwz.cn", "suo.im", "sina.lt", "mrw.so", "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd",
  "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "rb.gy", "tiny.cc", "t.ly", "s.id", "lnkd.in", "soo.gd", "clck.ru", "shorturl.asia",
  "bitly.com", "tiny.one", "x.gd", "qr.net", "surl.li", "urlz.fr",
]);

/**
 * Top-level domains that phishing favours for being cheap or loosely policed (a weak signal alone).
 * @example SUSPICIOUS_TLDS.has("top") // true
 */
export const SUSPICIOUS_TLDS: ReadonlySet<string> = new Set([
  "top", "xyz", "icu", "vip", "cc", "tk", "ml", "ga", "cf", "gq", "buzz", "club", "work", "site", "online", "shop", "fun", "cyou",
  "sbs", "rest", "lol", "bond", "click", "link", "cfd", "quest", "win", "bid", "loan", "men", "monster", "pw", "ws", "su", "zip",
  "mov", "kim", "wang", "ren", "xin", "live", "life", "today", "support", "help", "info", "biz",
]);
