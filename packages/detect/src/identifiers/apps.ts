/**
 * Apps that scammers move victims into: meeting and screen-sharing apps, remote-control tools, chat apps
 * outside the platform, and loan apps used to "refund" or "verify credit". Data, not branches.
 */

/** Why an app matters to the playbook. */
export type AppCategory = "meeting" | "remote_control" | "chat" | "loan";

/** One known app: a stable id, how people write it, and its category. */
export interface KnownApp {
  id: string;
  /** The name its users know it by (the Chinese one for a Chinese app). */
  name: string;
  /** Its English name, where `name` is Chinese (an English verdict never shows 腾讯会议). */
  nameEn?: string;
  aliases: readonly string[];
  category: AppCategory;
}

/**
 * The known apps. Aliases are matched case- and width-insensitively; latin aliases on word boundaries.
 * @example KNOWN_APPS.find((a) => a.id === "todesk")?.category // "remote_control"
 */
export const KNOWN_APPS: readonly KnownApp[] = [
  { id: "zoom", name: "Zoom", aliases: ["zoom", "zoom会议", "瞩目"], category: "meeting" },
  { id: "tencent-meeting", name: "腾讯会议", nameEn: "Tencent Meeting", aliases: ["腾讯会议", "tencent meeting", "voov", "voov meeting"], category: "meeting" },
  { id: "dingtalk", name: "钉钉", nameEn: "DingTalk", aliases: ["钉钉", "dingtalk", "ding talk"], category: "meeting" },
  { id: "feishu", name: "飞书", nameEn: "Feishu (Lark)", aliases: ["飞书", "feishu", "lark app"], category: "meeting" },
  { id: "webex", name: "Webex", aliases: ["webex"], category: "meeting" },
  { id: "teams", name: "Microsoft Teams", aliases: ["microsoft teams", "ms teams"], category: "meeting" },
  { id: "google-meet", name: "Google Meet", aliases: ["google meet"], category: "meeting" },
  { id: "skype", name: "Skype", aliases: ["skype"], category: "meeting" },
  { id: "welink", name: "WeLink", aliases: ["welink"], category: "meeting" },
  { id: "xiaoyu", name: "小鱼易连", nameEn: "Xiaoyu Yilian", aliases: ["小鱼易连"], category: "meeting" },
  { id: "sunlogin", name: "向日葵", nameEn: "Sunlogin", aliases: ["向日葵", "向日葵远程", "sunlogin"], category: "remote_control" },
  { id: "todesk", name: "ToDesk", aliases: ["todesk", "to desk"], category: "remote_control" },
  { id: "teamviewer", name: "TeamViewer", aliases: ["teamviewer", "team viewer"], category: "remote_control" },
  { id: "anydesk", name: "AnyDesk", aliases: ["anydesk", "any desk"], category: "remote_control" },
  { id: "rustdesk", name: "RustDesk", aliases: ["rustdesk"], category: "remote_control" },
  { id: "quicksupport", name: "QuickSupport", aliases: ["quicksupport", "quick support"], category: "remote_control" },
  { id: "oray", name: "Oray", aliases: ["oray", "蒲公英"], category: "remote_control" },
  { id: "telegram", name: "Telegram", aliases: ["telegram", "纸飞机", "电报"], category: "chat" },
  { id: "whatsapp", name: "WhatsApp", aliases: ["whatsapp"], category: "chat" },
  { id: "signal", name: "Signal", aliases: ["signal app"], category: "chat" },
  { id: "line", name: "LINE", aliases: ["line app"], category: "chat" },
  { id: "potato", name: "Potato", aliases: ["potato chat", "土豆聊天"], category: "chat" },
  { id: "batchat", name: "BatChat", aliases: ["batchat", "蝙蝠聊天"], category: "chat" },
  { id: "letstalk", name: "Let's Talk", aliases: ["letstalk", "let's talk"], category: "chat" },
  { id: "miliao", name: "米聊", nameEn: "Mi Talk", aliases: ["米聊"], category: "chat" },
  { id: "duxiaoman", name: "度小满", nameEn: "Du Xiaoman", aliases: ["度小满", "有钱花"], category: "loan" },
  { id: "360jietiao", name: "360借条", nameEn: "360 Jietiao", aliases: ["360借条"], category: "loan" },
  { id: "fenqile", name: "分期乐", nameEn: "Fenqile", aliases: ["分期乐"], category: "loan" },
  { id: "kaniu", name: "安逸花", nameEn: "Anyihua", aliases: ["安逸花"], category: "loan" },
  { id: "zhaolian", name: "招联金融", nameEn: "Zhaolian Finance", aliases: ["招联金融", "招联好期贷"], category: "loan" },
  { id: "xiaoying", name: "小赢卡贷", nameEn: "Xiaoying Card Loan", aliases: ["小赢卡贷"], category: "loan" },
  { id: "paipaidai", name: "拍拍贷", nameEn: "PPDai", aliases: ["拍拍贷"], category: "loan" },
];

const BY_ALIAS = new Map<string, KnownApp>();
for (const app of KNOWN_APPS) for (const alias of [app.name, ...app.aliases]) BY_ALIAS.set(alias.normalize("NFKC").toLowerCase(), app);

/**
 * The known app a folded name refers to, if any.
 * @example findKnownApp("todesk")?.name // "ToDesk"
 */
export function findKnownApp(foldedName: string): KnownApp | undefined {
  return BY_ALIAS.get(foldedName);
}

const BY_ID = new Map(KNOWN_APPS.map((app) => [app.id, app] as const));

/**
 * An app's name in a person's language, from its id (a normalised `app` identifier); the id itself when unknown.
 * @example appName("tencent-meeting", "zh") // "腾讯会议"
 * @example appName("tencent-meeting", "en") // "Tencent Meeting"
 */
export function appName(id: string, lang: "zh" | "en"): string {
  const app = BY_ID.get(id);
  if (!app) return id;
  return lang === "en" ? (app.nameEn ?? app.name) : app.name;
}
