/** Benchmark inputs: real-shaped dialogues from ../shared/data train splits when present, else built-in samples. */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const DATA_DIR = process.env.SCAMGUARD_DATA_DIR ?? resolve(process.cwd(), "../shared/data");

const FALLBACK = [
  "A: 您好，我是微众银行微粒贷客服，工号8821。系统显示您的微粒贷利率过高不合规，需要注销，否则会影响您的个人征信。\nB: 啊？那怎么办？\nA: 您下载一个会议软件，打开屏幕共享，我一步步指导您操作。稍后您会收到验证码，请直接告诉我。\nB: 好的。\nA: 为了资金安全，需要把余额转到银保监会认证的安全账户进行资金清算，清算完成后原路退回。",
  "A: Hello, this is Amazon customer support. We noticed a suspicious charge on your account and need to verify your identity.\nB: What charge?\nA: Please download AnyDesk so I can help you, then read me the code we just texted you. Do not hang up or your account will be suspended.",
  "A: 你好，我想问一下我的快递到哪了\nB: 亲，您的订单已经发货了，预计明天送达，请您耐心等待哦\nA: 好的谢谢\nB: 不客气，祝您生活愉快",
];

/** ~1.5 KB dialogues and 200-character messages, mixed scam and legitimate, zh and en. */
export function loadBenchTexts(limit = 4000): { dialogues: string[]; messages: string[] } {
  const texts: string[] = [];
  for (const set of ["teleantifraud-zh", "bothbosu-scam-dialogue-en", "jddc-customer-service-zh", "twitter-customer-care-en"]) {
    const file = resolve(DATA_DIR, set, "train.jsonl");
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    for (const line of lines.slice(0, limit / 4)) texts.push((JSON.parse(line) as { text: string }).text);
  }
  const pool = texts.length > 0 ? texts : FALLBACK;
  const dialogues = pool.map((t) => fitTo(t, 1500, pool));
  const messages = pool.map((t) => fitTo(t, 200, pool));
  return { dialogues, messages };
}

/** Repeats or cuts a text to about `chars` characters so every sample is the advertised size. */
function fitTo(text: string, chars: number, pool: string[]): string {
  let out = text;
  for (let i = 0; out.length < chars; i++) out += `\n${pool[i % pool.length]}`;
  return out.slice(0, chars);
}
