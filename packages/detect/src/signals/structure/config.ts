/** The structure reader's data: playbook.json `structure`, read once into sets (see each field for what it means). */
import playbook from "../../../data/lexicons/playbook.json" with { type: "json" };

interface StructureConfig {
  /** Ids of the channel/credential/money families that only MENTION something (a code SMS, an amount), never ask. */
  mentions: string[];
  /** Asks that point at a contact: they do not count when every contact in the text is official. */
  contactAsks: string[];
  /**
   * Asks that count only in a short one-speaker message (an SMS, a chat line): there a bare link after a claim
   * is the request; in a newsletter or a support agent's reply it is a reference.
   */
  messageAsks: string[];
  /**
   * Claims a link alone does not complete: shops and carriers advertise prize draws with their links; a prize
   * scam asks for a fee, a credential or a contact (a risky link's own url:* facts still count as asks).
   */
  linkWeakClaims: string[];
  /**
   * Claims a bare link (a `messageAsks` one) does not complete but an explicit "click / claim here" link does:
   * "you have won our draw, winners at <link>" is a shop's notice; "you have won, claim it at <link>" asks.
   */
  bareLinkWeakClaims: string[];
  /** Marketing opt-out cues ("回T退订", scanned as lexicon `optOutZh`). */
  optOut: string[];
  /**
   * Claims a link alone does not complete in a message that offers an opt-out: a registered advertiser's
   * 红包 or 积分 offer links to its shop; a points-phishing SMS never offers "回T退订" and asks for the card.
   */
  optOutLinkWeakClaims: string[];
  /** The plain link asks (`linkWeakClaims`). */
  linkAsks: string[];
  /** Signals that mark an automated call on their own. */
  automated: string[];
  /** Asks that complete a robocall: press a key, call back. */
  robocallAsks: string[];
  /** Protective signals a scam can quote; dropped once the text makes a direct claim and ask. */
  quotable: string[];
  /** Pressure that completes a claim on its own ("不要挂电话", "tell no one", a threat of arrest). */
  completingPressure: string[];
  /**
   * Claims that say something happened to SOMEONE: made of the reader ("恭喜您中奖") they are a pretext; told by
   * the writer of themselves ("我年会抽中了二等奖", with no 你/您 in the clause) they are chit-chat, not a claim.
   */
  selfClaims: string[];
  /**
   * Why the sender cannot be reached to check who they are ("在开会不方便接电话", "手机坏了", "我在国外"): the
   * cover of an impersonated boss, friend or relative. With a money request made of the reader ("你先帮我转…")
   * it is that playbook; with a report of a payment ("房租我已经转了") or no ask it is an ordinary message.
   */
  coverStories: string[];
  /**
   * A sender's new number or account, a broken or borrowed phone (scanned as lexicons `newAccountZh`/`newAccountEn`):
   * a cover like `coverStories`. Claim or pressure evidence inside one of these cues is that cover, not a claim.
   */
  newAccount: { zh: string[]; en: string[] };
  /**
   * Who the sender says they are when no institution is named: a leader, teacher, relative or old friend. With a money
   * request made of the reader (or a new-account cover and that request) it is the acquaintance playbook.
   */
  personaClaims: string[];
  /**
   * A fee before the reader can withdraw, unfreeze or receive what is theirs (scanned as lexicons `releaseFeeZh`/
   * `releaseFeeEn`): the last stage of the chat-form playbook (pig butchering, brushing, game and marketplace trades,
   * a romance's parcel, a "recovery" service).
   */
  releaseFee: { zh: string[]; en: string[] };
  /**
   * A chat sender shown only by a name with a title: a line headed "王总：", a notice signed "——王老师", "昵称是王总".
   * Regular expressions over the original text (flags gm), since normalisation folds a header like "王总：小张，" into
   * one run. A persona (see `personaClaims`), never a claim.
   */
  displayTitle: { zh: string[] };
  /** A sweetheart far away who has never met the reader (scanned as lexicons `distanceZh`/`distanceEn`): with a release fee, a romance scam's money stage. */
  distance: { zh: string[]; en: string[] };
  /**
   * Money asks that a receipt or a chat also uses to REPORT a payment already made ("…已转入您尾号3321的账户",
   * "我刚把货款转到你们公司账户了"): there the money has moved and nobody is asked to move it (see isCompletedPayment).
   */
  completedAsks: string[];
  /**
   * Money signals that a bank's, broker's or payment app's account-movement notice uses to REPORT money that moved
   * ("您尾号1234的储蓄卡转入2,500.00元，余额12,888.00元"): inside such a notice (see isAccountMovement) they ask nothing.
   */
  movementReports: string[];
  /**
   * Asks that complete only the claims listed with them: "get back to me / reply if you are interested" is the ask
   * of an advance-fee or prize offer, but after an account notice or in a support chat it is ordinary courtesy.
   * A stranger's "wrong number / we met at…" opener is the contact move of the same kind: with an investment or
   * romance pitch it completes the pig-butchering opening; alone, or with "want to play golf on Saturday", nothing.
   */
  narrowAsks: Record<string, string[]>;
  /**
   * A service's own notice of something the holder did ("new sign-in… if this was you, you don't need to do
   * anything"; "we will never ask for your password") states the event a phishing mail also states. Where the text
   * carries one of `noticeCues`, no pressure at all (no deadline, no threat) and no risky link, the `noticeClaims`
   * are the notice's subject, not a claim; a phishing mail that quotes the cue still rushes ("within 24 hours or…")
   * or links to a look-alike.
   */
  noticeCues: string[];
  noticeClaims: string[];
  /**
   * Claims that are news, not a problem, unless a companion signal makes them one: "your membership has been
   * renewed, manage it at <link>" is every shop's receipt; with "if you did not authorize this", a deadline, a
   * recorded call or a number to call to cancel it is the refund-callback lure. Without a companion such a claim
   * completes nothing.
   */
  companionClaims: Record<string, string[]>;
  /** The chat-form trajectory: its moves, its money asks and (scanned as lexicons `lureZh`/`lureEn`) its lures. */
  trajectory: { claims: string[]; moves: string[]; moneyAsks: string[] };
}

export const CONFIG = playbook.structure as StructureConfig;
export const MENTIONS = new Set(CONFIG.mentions);
export const CONTACT_ASKS = new Set(CONFIG.contactAsks);
export const MESSAGE_ASKS = new Set(CONFIG.messageAsks);
export const LINK_WEAK_CLAIMS = new Set(CONFIG.linkWeakClaims);
export const BARE_LINK_WEAK_CLAIMS = new Set(CONFIG.bareLinkWeakClaims);
export const OPT_OUT_LINK_WEAK_CLAIMS = new Set(CONFIG.optOutLinkWeakClaims);
export const LINK_ASKS = new Set(CONFIG.linkAsks);
export const AUTOMATED = new Set(CONFIG.automated);
export const ROBOCALL_ASKS = new Set(CONFIG.robocallAsks);
export const QUOTABLE = new Set(CONFIG.quotable);
export const COMPLETING_PRESSURE = new Set(CONFIG.completingPressure);
export const SELF_CLAIMS = new Set(CONFIG.selfClaims);
export const NOTICE_CUES = new Set(CONFIG.noticeCues);
export const NOTICE_CLAIMS = new Set(CONFIG.noticeClaims);
export const COVER_STORIES = new Set(CONFIG.coverStories);
export const PERSONA_CLAIMS = new Set(CONFIG.personaClaims);
export const DISPLAY_TITLE: readonly RegExp[] = CONFIG.displayTitle.zh.map((p) => new RegExp(p, "gm"));
export const COMPLETED_ASKS = new Set(CONFIG.completedAsks);
export const MOVEMENT_REPORTS = new Set(CONFIG.movementReports);
export const COMPANION_CLAIMS = new Map<string, ReadonlySet<string>>(Object.entries(CONFIG.companionClaims).map(([claim, with_]) => [claim, new Set(with_)]));
export const NARROW_ASKS = new Map<string, ReadonlySet<string>>(Object.entries(CONFIG.narrowAsks).map(([ask, claims]) => [ask, new Set(claims)]));
export const TRAJECTORY_CLAIMS = new Set(CONFIG.trajectory.claims);
export const TRAJECTORY_MOVES = new Set(CONFIG.trajectory.moves);
export const TRAJECTORY_MONEY = new Set(CONFIG.trajectory.moneyAsks);
export const DECISIVE = new Set<string>(playbook.standalone.ids);
export const ASK_FAMILIES = new Set(["channel", "credential", "money"]);
export const CLAIM_FAMILIES = new Set(["impersonation", "pretext"]);
export const OFFICIAL_CONTACT = "protective:official-contact";
