import { describe, expect, it } from "vitest";
import { detectSignals } from "./detect-signals.js";
import { readStructure } from "./structure.js";

const structureOf = (text: string) => {
  const { text: normalized, signals } = detectSignals(text);
  return readStructure(normalized, signals);
};

describe("readStructure: a victim's account is a scam, general advice is a warning", () => {
  it("reads a first-person account of the playbook as a claim and an ask", () => {
    const s = structureOf("前天有人打电话给我，自称是银行客服，说我的账户有风险，让我下载一个会议软件共享屏幕，我就照做了，后来发现卡里的钱被转走了。");
    expect(s.claimAndAsk).toBe(true);
    expect(s.warning).toBe(false);
  });

  it("reads a relative's account the same way", () => {
    const s = structureOf("我爸接到一个电话，对方说是公安局的，说他涉嫌洗钱，让他把存款转到安全账户，他就转了。");
    expect(s.claimAndAsk || s.decisive).toBe(true);
    expect(s.warning).toBe(false);
  });

  it("keeps a police reminder that tells a victim's story in general terms a warning", () => {
    const s = structureOf("警方提醒：不法分子会自称客服，让你下载会议软件共享屏幕，再让你把钱转到安全账户，如遇此类情况请立即挂断。");
    expect(s.warning).toBe(true);
    expect(s.claimAndAsk).toBe(false);
  });

  it("keeps advice phrased as 'if someone…' a warning even when it says 我", () => {
    const s = structureOf("如果有人自称领导让我转账，我会先打电话核实，凡是要求转账到陌生账户的都是诈骗。");
    expect(s.claimAndAsk).toBe(false);
  });
});

describe("readStructure: a case report names a victim and a loss", () => {
  it("reads a third-person case report as the scam it recounts", () => {
    const s = structureOf("市民李女士接到自称京东客服的电话，对方称其学生账户未注销会影响征信，李女士按照对方要求下载会议软件共享屏幕，将5万元转入对方账户，后发现被骗。");
    expect(s.claimAndAsk).toBe(true);
    expect(s.warning).toBe(false);
  });

  it("keeps a reminder that names neither a victim nor a loss a warning", () => {
    const s = structureOf("近期有人自称京东客服，称学生账户未注销会影响征信，要求下载会议软件共享屏幕并转账。");
    expect(s.warning).toBe(true);
    expect(s.claimAndAsk).toBe(false);
  });
});

describe("readStructure: a shop's offer with an opt-out is not completed by its link", () => {
  it("does not read a 红包 or 积分 offer with 回T退订 and a link as claim and ask", () => {
    expect(structureOf("【优选超市】亲爱的会员，您有一张20元红包待领取，3天内有效，点击 https://m.youxuan-shop.com/hb 领取，回T退订").claimAndAsk).toBe(false);
    expect(structureOf("【优选超市】尊敬的会员，您的积分即将过期，快来兑换好礼吧！戳 https://m.youxuan-shop.com/jf 回TD退订").claimAndAsk).toBe(false);
  });

  it("still reads the same offer as claim and ask when it asks for a card or code", () => {
    expect(structureOf("【优选超市】您的积分即将过期，可兑换现金，请点击 https://m.youxuan-shop.com/jf 填写银行卡号和验证码领取，回T退订").claimAndAsk).toBe(true);
  });
});

describe("readStructure: a carrier's own service channel is an official contact", () => {
  it("does not count 'log in to the carrier's own app' as an ask", () => {
    const s = structureOf("【中国移动】积分兑换活动开始啦，您的积分可兑换话费，登录中国移动APP参与抽大奖。");
    expect(s.claimAndAsk).toBe(false);
  });

  it("still counts a points SMS whose link is not the carrier's own", () => {
    const s = structureOf("【中国移动】您的积分即将清零，可兑换现金礼包，请登录 jf-10086.cc 及时兑换。");
    expect(s.claimAndAsk).toBe(true);
  });
});

describe("readStructure: who won the prize", () => {
  it("reads the writer's own win as chit-chat, not a claim made of the reader", () => {
    const s = structureOf("周末去看演出，我在现场抽中了一台相机，回头加我微信发你照片。");
    expect(s.claimAndAsk).toBe(false);
    expect([...(s.self ?? [])]).toContain("pretext:prize");
  });

  it("keeps a prize announced to the reader a claim, even when the organiser says 我们", () => {
    const s = structureOf("恭喜您！您的号码被系统随机选中，获得了我们公司举办的抽奖活动的一等奖，请加客服微信领取。");
    expect(s.claimAndAsk).toBe(true);
    expect(s.self?.size ?? 0).toBe(0);
  });
});

describe("readStructure: the chat-form trajectory (lure → another app → money asks that grow)", () => {
  it("reads a move to another app followed by money asks in two turns as the trajectory", () => {
    // "免费领礼品" claims nothing ("免费领游戏皮肤" is now the game-trade claim): the moves alone make the path.
    const s = structureOf("A: 免费领礼品了，加我QQ群，扫码就能领。\nB: 扫了，说要付款验证。\nA: 这是验证身份，付1元就行。\nA: 刚才验证没通过，要再付988才能解冻你的账户。");
    expect(s.trajectory).toBe(true);
    expect(s.claimAndAsk).toBe(false);
  });

  it("reads an easy-money opener, a move and one money ask as the trajectory", () => {
    const s = structureOf("A: 宝妈在家就能做的兼职，动动手指一天赚三百，有兴趣吗？\nB: 有兴趣。\nA: 加我QQ，我发你任务链接。\nA: 你现在做的是组合任务，要连续做完三单才能提现，第二单需要充值5000。");
    expect(s.trajectory).toBe(true);
  });

  it("reads a chat-form claim followed by a move cue (register an account) as the opening", () => {
    const s = structureOf("A: 我在做一个理财项目，每天收益5%，我带你做。\nB: 安全吗？\nA: 放心，你注册一个账号，我把链接发你。");
    expect(s.trajectory).toBe(true);
  });

  it("does not read rapport and a move without money as the trajectory (dating chat)", () => {
    const s = structureOf("A: 很高兴认识一下你，感觉我们很聊得来。\nB: 我也是。\nA: 我们加个微信吧，方便约时间。");
    expect(s.trajectory).toBe(false);
  });

  it("does not read money asked by family without a move as the trajectory", () => {
    expect(structureOf("亲爱的，这个月房租该交了，你转我三千，我一起交给房东。").trajectory).toBe(false);
  });

  it("does not read the money a friend reports paying as an ask (game chat)", () => {
    expect(structureOf("A: 今晚上号吗？\nB: 上，我刚抽到新皮肤。\nA: 羡慕，我充了648才出，你加我QQ我们开黑。").trajectory).toBe(false);
  });

  it("keeps a warning that describes the trajectory a warning", () => {
    const s = structureOf("警方提醒：骗子先以交友为名聊天，再让你加微信、下载APP，然后诱导你充值投资，凡是要求充值的都是诈骗。");
    expect(s.trajectory).toBe(false);
    expect(s.warning).toBe(true);
  });

  it("keeps the speaker: a customer's own move and payment do not make the agent's trajectory", () => {
    const s = structureOf("A: 我加了你们的客服微信，已经付款500元了。\nB: 好的，我帮您查一下订单。");
    expect(s.trajectory).toBe(false);
  });
});

describe("readStructure: a payment reported is not a payment asked for", () => {
  it("reads a receipt or a chat about money already moved as no ask", () => {
    for (const text of ["本金及收益共计51,234.50元已转入您尾号3321的账户。", "我刚把货款转到你们公司账户了，麻烦查收一下开个发票。", "您的账户收到他人转账入账人民币1,200.00元。"]) {
      const s = structureOf(text);
      expect([...(s.self ?? [])], text).toContain("money:transfer");
    }
  });

  it("keeps a transfer still asked for, or asked about, an ask", () => {
    for (const text of ["您已转入的保证金不够，还需要再转入3万元才能提现。", "账户已冻结需要转账解冻。", "钱你已经转到那个账户了吗？", "你先帮我把三千块转给房东。"]) {
      expect([...(structureOf(text).self ?? [])], text).not.toContain("money:transfer");
    }
  });
});

describe("readStructure: a forbidden ask is advice", () => {
  it("reads every object of a prohibition as described, past the lexicon's 10-character negation", () => {
    const s = structureOf("游戏账号交易请通过官方平台，不要私下交易，更不要点击对方发来的链接或扫码付款。");
    expect(s.claimAndAsk).toBe(false);
    expect(s.warning).toBe(true);
  });

  it("does not read 'no need to…, just…' or 'can you…' as a prohibition", () => {
    expect(structureOf("你那个游戏账号我要了，不要在平台交易，直接点击我发的链接扫码付款。").claimAndAsk).toBe(true);
    expect(structureOf("我是你儿子的同学，他出车祸了，你能不能先转五千块手术费给我。").claimAndAsk).toBe(true);
  });
});

describe("readStructure: a stranger's wrong-number opener is a move, not a claim", () => {
  it("does not read an apology for a misdial followed by a question as a claim and an ask", () => {
    const s = structureOf("Oh, I'm so sorry! I must have dialed the wrong number. Can you call me back at 555-0144 so I can check which number I dialed?");
    expect(s.claimAndAsk).toBe(false);
  });

  it("reads the opener turned into a friendship as the romance-scam opening", () => {
    const s = structureOf("Hi, is this Tom? Oh sorry, wrong number. Well, nice to meet you anyway, maybe it's fate.");
    expect(s.claimAndAsk).toBe(true);
  });

  it("reads 'nice to meet you anyway' without a wrong-number opener or a pitch as no claim", () => {
    const s = structureOf("Nice to meet you anyway! Call me at 555-0199 when you are back in town.");
    expect(s.claimAndAsk).toBe(false);
  });
});

describe("readStructure: a state reported is no threat", () => {
  it("does not complete a claim with the freeze a bank reports", () => {
    expect(structureOf("您的账户已被冻结，如有疑问请携带有效证件前往网点办理。").claimAndAsk).toBe(false);
  });

  it("still completes it with a threat or a fee", () => {
    expect(structureOf("您的账户存在异常，不处理将冻结。").claimAndAsk).toBe(true);
    expect(structureOf("您的账户已被冻结，需缴纳5000元解冻金才能解冻。").claimAndAsk).toBe(true);
  });
});

describe("readStructure: text without punctuation (speech recognition, fake-base-station SMS)", () => {
  it("does not let a callee's mention of scams describe the caller's claims and asks far from it in a long run-on transcript", () => {
    const s = structureOf(
      "喂您好请问是王女士吗对我是您好这里是银行信用卡中心我是客服专员小刘工号八三二七系统检测到您的信用卡昨天晚上在外地有一笔五千八百元的异常消费需要马上处理不然这张卡会被限制使用哦是吗我之前也听说过冒充银行的诈骗电话你们真的是银行的吗是的我们是正规客服您放心您可以看一下卡背面的电话号码和我们来电是一致的那这笔钱能追回来吗可以的我们会帮您申请退回但是为了保护您的资金安全我们需要先冻结这张卡再重新核验您的身份整个流程大概五分钟您现在方便吗方便那我要做什么麻烦您把刚刚收到的短信验证码告诉我我这边马上帮您操作",
    );
    expect(s.claimAndAsk || s.decisive).toBe(true);
    expect(s.warning).toBe(false);
  });

  it("keeps an unpunctuated police reminder a warning", () => {
    const s = structureOf("警方提醒近期有不法分子冒充客服称您的账户异常要求您下载会议软件共享屏幕并转账到安全账户如遇此类情况请立即挂断并拨打一一零");
    expect(s.warning).toBe(true);
    expect(s.claimAndAsk).toBe(false);
  });

  it("reads an SMS header in 【】 as the sender's tag, not as a warning over the message", () => {
    const s = structureOf("【温馨提示】您的ETC卡已失效请立即登录<url>重新认证逾期将停用");
    expect(s.claimAndAsk).toBe(true);
    expect(s.warning).toBe(false);
    const reminder = structureOf("【警方提醒】凡是自称客服要求您共享屏幕转账到安全账户的都是诈骗");
    expect(reminder.warning).toBe(true);
  });
});
