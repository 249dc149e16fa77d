/**
 * The official-impersonation paths through the gate (structure.ts), one table per path, each wording flagged (risk high
 * or critical), and the genuine notices, police news and family warnings that share their words left unflagged: a
 * genuine notice points to the institution's own number or app (directory.json), a warning describes the tactic, a
 * victim's account or a case report recounts it as it happened (structure/described.ts). Written for this table, in
 * both languages; none is a probe or data-set text.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";

const flagged = (text: string): boolean => analyze(text).label === 1;

describe("flags a caller claiming an authority (police, procuratorate, court, anti-fraud centre, military purchasing, immigration) with a case and an ask", () => {
  it.each([
    ["mil-1", "您好，我们是解放军某部队后勤处的，部队要订一批桶装水和办公用品，单子比较大。我们有合作的厂家，您先跟厂家把货款垫付了，回头部队财务一起给您结算。"],
    ["mil-2", "老板，我是驻地部队的采购员，我们营里要买二十箱白酒，你这里没有的话帮我们从指定的酒厂进货，先把钱打给厂家，我们验货后公对公转账给你。"],
    ["mil-3", "A: 你好，是农家乐老板吗？我是武警支队的，下周有五十人来团建，想订餐。B: 好的欢迎。A: 我们单位有规定，要先在指定的供应商那里买一批特供酒，你先帮我们垫一下，结账时一起给你。"],
    ["mil-4", "您好，我们是部队的，需要采购一批医用口罩，报价合适的话马上下单，不过需要您先向我们指定的军需供应商缴纳一笔保证金。"],
    ["ms-1", "A: 老板，你们这有没有烟酒？\nB: 有的，要什么？\nA: 我是部队的，我们首长要招待客人，要两箱茅台，你这没有的话我给你个供应商电话，你帮我们进一下货，钱你先垫着，回头我们一起结给你。"],
    ["ms-2", "您好，我们是驻地武警，最近要给战士们订一批被褥，听说你家质量好。我们部队有规定必须从指定的军需处购买一批配套物资，你先联系这个军需处的王主任，把钱打过去，我们收到货就跟你结账。"],
    ["ms-3", "家住城西的餐馆老板刘先生接到一名自称部队炊事班班长的电话，称要订30桌饭菜，随后又以部队需要购买特供酒为由，让刘先生先向其提供的账户转账2万元代购，刘先生转账后对方失联。"],
    ["ms-4", "[微信] 你好，我是XX部队的采购员张军，这是我的军官证照片。我们营要采购一批空调，你那边能不能报个价？另外我们需要你先交一笔5000元的保证金到部队指定账户，走完流程就退。"],
    ["afc-1", "您好，我是国家反诈中心的工作人员，监测到您的账户近期有一笔可疑交易，涉嫌被诈骗分子利用。为保护您的资金，请您按照我的指引下载会议软件开启共享屏幕，把余额转到我们的监管账户。"],
    ["afc-2", "这里是96110反诈中心，您的手机号被用于诈骗，需要配合调查，现在不要挂断电话，也不要告诉任何人，按我说的把钱转到国家安全账户进行核查。"],
    ["afc-3", "我们是反诈中心的民警，你的银行卡涉嫌洗钱，要冻结你的账户，如果想解冻，需要先缴纳一笔保证金到指定账户。"],
    ["z-afc-4", "喂你好，我这边是国家反诈中心的，我们监测到你正在被诈骗，为了保护你的资金安全，你需要把钱转到我们这边的保护账户，等核实完再退给你。"],
    ["z-afc-5", "您好，我是反诈中心民警，您刚才下载的APP是诈骗软件，为了帮您追回损失，请您下载我们的追损软件，并开启屏幕共享。"],
    ["af-1", "【国家反诈中心】您的银行卡被诈骗团伙利用，已被列入涉案名单，请立即联系办案民警13812345678进行解除，否则将冻结您名下所有账户。"],
    ["af-2", "您好，我是国家反诈中心的，我们监测到您在使用非法网贷平台，您的账户已被限制，需要您配合我们进行资金清查，请加我们的专用QQ号并按要求操作。"],
    ["af-3", "这里是公安部反诈中心，你的手机号码涉嫌发送诈骗短信，两小时后将被停机。如有疑问请按1转接民警。"],
    ["pol-1", "喂，是王某某吗？我是市公安局刑侦大队的，你的身份证被人冒用开了银行卡，涉嫌一起非法集资案，现在要对你进行资金审查，你把名下的存款转到清查账户，核查后会退还。"],
    ["pol-2", "这里是人民检察院，您涉嫌一宗洗钱案件，我们已经签发逮捕令。如需证明清白，请添加办案民警的QQ，配合进行视频笔录，案件保密，不得告诉家人。"],
    ["pol-3", "您好，我是法院的工作人员，您有一张传票未签收，涉及一起经济纠纷，请按9转人工查询，否则将被强制执行。"],
    ["pol-4", "你好，我是派出所的民警，你的快递里发现了违禁品，涉嫌走私，需要你配合调查，请下载这个APP并开启屏幕共享，我们要核查你的银行流水。"],
    ["z-pol-5", "A: 你好，这里是北京市公安局，我是刑警王警官。B: 什么事？A: 我们在侦办一起特大洗钱案，抓获的嫌疑人供出你的账户收了他一百万。B: 不可能啊。A: 你要证明自己清白，就要配合我们做资金核查，这是机密案件，你找个没人的房间，把手机调成静音，不要和任何人联系。"],
    ["z-pol-6", "您好，我是最高人民检察院的，这是你的逮捕令，你可以上网查询。你现在必须配合调查，把你所有的资金交由我们监管，调查结束后会全部返还。"],
    ["z-pol-7", "您好，这里是卫健委，您的医保卡在外地被违规使用，涉嫌骗保，我现在把电话转接到当地公安局，请您不要挂机。"],
    ["pc-1", "A: 喂你好，是刘芳吗？我是上海市浦东新区公安分局的警官，警号0451。\nB: 是我，怎么了？\nA: 我们在办理一起跨境洗钱案，案犯交代用你的身份证办了一张银行卡，涉案金额两百万。你现在是嫌疑人，要配合我们调查，否则将对你进行拘留。\nB: 我没有啊。\nA: 那你要证明你的清白，我现在把电话转给检察院的李检察官，他会告诉你怎么做。"],
    ["pc-2", "A: 我是检察院的李检察官，你的案件已经立案，现在需要对你名下所有资金进行核查，你要把钱转到我们的国家清算账户，核查完就还给你。这件事是机密，不能告诉任何人，包括你的家人。"],
    ["pc-3", "您好，我们是市公安局网安支队的，您的微信账号涉嫌参与网络赌博，我们需要您配合做一份笔录，请您现在找一个安静的地方，用手机下载我们发给您的警务通软件。"],
    ["imm-1", "This is an urgent message from the immigration department. There is a problem with your visa status and a warrant has been issued. Press 1 to speak with an immigration officer now or you may be deported."],
    ["imm-2", "This call is from US Citizenship and Immigration Services. Your immigration file has discrepancies and you may face deportation. Call us back immediately at 202-555-0147 to resolve this."],
    ["imm-3", "Hello, this is Officer Daniel Brown from the Department of Homeland Security. Your immigration record shows violations and your visa will be revoked today. To avoid arrest and deportation you must pay the processing fee immediately. Do not disconnect this call."],
    ["imm-4", "这里是中国驻洛杉矶领事馆，您的护照涉嫌一起跨国洗钱案件，即将被注销，详情请按9。"],
    ["ri-1", "This is an important message from the Department of Homeland Security. Your visa application has been flagged for irregularities and your legal status is under review. If you do not respond, an arrest warrant will be issued in your name. Please call 1-888-555-0199 immediately to speak with an officer."],
    ["ri-2", "Hello, this is the immigration office calling regarding your green card. There is a problem with your documents and you face deportation. You need to pay a penalty fee today to fix your status. Press zero to speak to an agent."],
    ["f-9", "A: 喂，是王阿姨吗？我是社保局的工作人员，您的社保卡被人盗用了，需要您配合我们，把卡里的钱先转到我们的安全账户。\nB: 这是真的吗？不会是骗子吧？\nA: 阿姨您放心，我们是正规单位，您千万别挂电话，现在就去银行。"],
    ["f-10", "我是公安局的，你的账户涉嫌洗钱，凡是不配合调查的一律按同案犯处理，你现在把钱转到我们的安全账户，不要告诉任何人。"],
  ])("%s", (_, text) => {
    expect(flagged(text)).toBe(true);
  });
});

describe("flags a refund, claim or cancellation by 'customer service' that moves the user to an app, a screen, a loan product, a code or a chat", () => {
  it.each([
    ["cus-1", "您好，我是淘宝客服，您购买的面膜因为质量问题被召回了，我们要给您办理退款，需要您打开支付宝备用金，按提示操作领取理赔金。"],
    ["cus-2", "你好，这里是快递公司理赔中心，您的包裹在运输中丢失，我们将赔偿您380元，请下载钉钉，加入会议，我指导您领取。"],
    ["cus-3", "您好，您报名的课程因为老师原因取消了，我们这边给您退费，麻烦您下载一个APP，在上面填写银行卡号和收到的验证码，退款会直接到账。"],
    ["cus-4", "亲，您在我店拍的商品缺货了，给您退款并额外补偿50元，请扫描这个二维码添加售后专员，他会帮你操作退款。"],
    ["cus-5", "您好，这里是航空公司客服，您的航班已经取消，为您办理改签和补偿300元，需要您提供银行卡号并把收到的验证码告诉我。"],
    ["cus-6", "您好，我是某平台客服，您之前开通的会员服务到期后每月自动扣费，如果不取消会影响征信，我们需要您打开屏幕共享，我来帮您关闭。"],
    ["z-cus-7", "您好，我是拼多多商家客服，您买的童装检测出甲醛超标，我们这边给您双倍赔偿，麻烦您加一下我们理赔专员的微信。"],
    ["z-cus-8", "您好，您在我们平台购买的保险产品存在问题，需要为您办理退保退款，请您下载一下会议软件，我们一对一指导您操作。"],
    ["z-cus-9", "A: 您好，我是快递客服，你的快递丢了，我们赔你三倍。B: 好的怎么赔？A: 你打开微信，点我发给你的链接，填写银行卡号和密码，赔款马上到账。"],
    ["z-cus-10", "我是某教育机构的课程顾问，您孩子报的网课因为平台整改要全部退费，请您添加我们退费老师的QQ，按他说的步骤操作。"],
    ["cs-1", "A: 您好，我是抖音商城的售后客服，您上个月购买的那款电热水壶被质检部门查出有安全隐患，我们要给您做退款处理，另外还有三倍的赔偿。\nB: 哦，那怎么弄？\nA: 您打开支付宝，搜索备用金，点进去看一下您的额度，我们需要验证您的支付能力才能把赔偿金打给您。"],
    ["cs-2", "您好，我是中通快递的理赔专员，您的快递在分拣中心遗失了，我们这边按照规定赔偿您200元。您这边下载一下“云闪付”APP，我们通过APP给您打款，到时候需要您提供一下收到的验证码。"],
    ["cs-3", "【退款通知】您在淘宝购买的商品因仓库失火无法发货，商家将为您办理退款并赔偿，请联系客服QQ：2588xxxx办理。"],
    ["cs-4", "您好，这里是京东客服，您之前开通了京东金条的学生账户，现在国家规定要注销，否则会影响您的征信，需要您配合我们操作一下。"],
  ])("%s", (_, text) => {
    expect(flagged(text)).toBe(true);
  });
});

describe("flags phishing SMS of the official-services family: a service, an expiring benefit or a penalty, and a link or a reply", () => {
  it.each([
    ["sms-1", "【ETC】尊敬的用户，您的ETC已被停用，请于24小时内登录 etc-yz.vip 进行认证，逾期将无法使用。"],
    ["sms-2", "【社保局】您的社保卡已过期，需尽快重新激活，否则将影响您的医保报销，点击 sbk-jh.xyz 办理。"],
    ["sms-3", "【中国移动】尊敬的客户，您的话费积分8620分即将清零，可兑换现金礼包，请点击 10086-jf.top 兑换。"],
    ["sms-4", "【税务局】您的个人所得税年度汇算有一笔退税1280元待领取，请于三日内登录 tax-tuishui.cn 填写银行卡信息领取。"],
    ["sms-5", "【人社局】您有一笔育儿补贴2000元尚未领取，请在今日内点击 rsj-bt.com 申领，过期作废。"],
    ["sms-6", "尊敬的车主，您的ETC卡因认证过期将被注销，请回复1办理重新认证。"],
    ["sms-7", "【个税】您有一笔退税待领取，金额3560元，详情登陆 https://gs-refund.cc"],
    ["sms-8", "Your tax refund of $412.50 is pending. Verify your bank details at irs-refund-gov.com within 24 hours or it will be cancelled."],
    ["sms-9", "USPS: Your package could not be delivered due to an unpaid toll fee. Pay now at tolls-ezpass.info to avoid penalty."],
    ["z-etc-3", "【ETC客服中心】您的ETC设备已过期失效，即日起将暂停使用，请登录 etcfwzx.cc 完成认证恢复使用。"],
    ["z-etc-4", "尊敬的用户您好，您的高速ETC认证已失效，请及时点击 http://t.cn/A6x9k2 进行更新，以免影响出行。"],
    ["z-ts-3", "尊敬的纳税人：根据国家减税政策，您可申请个人所得税退税2,368元。请于12月10日前访问 https://www.etax-refund.top 登记银行卡信息，逾期视为自动放弃。国家税务总局"],
    ["z-jf-3", "【中国联通】尊敬的用户，您有2980积分将于今日清零，请登录 unicom-jfdh.cn 兑换礼品。"],
    ["z-yb-3", "您的医保账户余额即将清零，请在今天内点击链接 yb-ybj.top 进行电子医保卡绑定，否则将影响使用。"],
    ["z-sub-3", "【财政局】您有一笔2025年度个人职业技能补贴待领取，请添加工作人员微信办理领取，逾期视为放弃。"],
    ["tx-1", "尊敬的纳税人：您好！根据《个人所得税法》及相关规定，经系统核算，您有一笔2025年度个人所得税退税款尚未领取，金额为人民币1,860.00元。请您于收到本邮件后3个工作日内登录以下链接完成退税申请：http://www.chinatax-gov.cn.tuishui.top 逾期未办理将视为自动放弃。国家税务总局 敬上"],
    ["tx-2", "【税务通知】您的个税退税已审核通过，因银行卡信息有误无法到账，请在24小时内通过 tax12366.cc 重新提交银行卡信息。"],
    ["et-1", "【ETC】尊敬的车主：您的ETC因未进行年审已被限制使用，为避免通行时产生额外扣费，请尽快登录 https://etc.gov-yunshangtong.com 完成审核。"],
    ["et-2", "尊敬的ETC用户，您的电子标签已到期，系统将于今晚24点停止服务，请及时点击链接 www.etcbgz.com 进行更新，感谢配合！"],
    ["et-3", "【高速ETC】您的ETC认证信息过期，卡片将被锁定，请点击 t.cn/AbCd12 更新。"],
  ])("%s", (_, text) => {
    expect(flagged(text)).toBe(true);
  });
});

describe("flags victims' accounts and case reports that quote the scammer's claims and asks", () => {
  it.each([
    ["nar-1", "我前天接到一个自称是公安局的电话，对方说我的身份证涉及一起诈骗案，让我下载一个APP开启屏幕共享，还让我把钱转到他们说的安全账户，我差点就转了。"],
    ["nar-2", "我妈昨天接了个电话，对方自称医保局的，说她的医保卡被盗刷了，要转到公安局处理，然后又让她把存款转到指定账户，说是资金核查。"],
    ["nar-3", "A caller said he was from the Social Security Administration and told me my number had been suspended. He told me to buy gift cards and read him the numbers to keep my benefits."],
    ["nar-4", "I got a call from someone saying he was from my bank's fraud department. He said my account had been compromised and told me to move my savings to a new safe account he set up. I wired $9,000 before I realized it was a scam."],
    ["nar-5", "我接到一个自称快递客服的电话，说我的包裹丢了要赔偿，让我下载了一个会议软件共享屏幕，然后我的卡里就被转走了两万元。"],
    ["kid-1", "张女士接到电话，对方称其儿子在外地出了车祸，急需手术费五万元，让她马上转账，不要挂断电话。张女士转账后发现被骗。"],
    ["z-kid-3", "妈，我是小明，我在外面跟人打架把人打伤了，现在在派出所，对方要赔两万，你别告诉爸，赶紧打到这个卡上。"],
    ["z-nar-6", "上周我爸接到一个电话，对方说他是银行的，说我爸的信用卡被冒用了，让他把钱转到一个安全账户，还说不能挂电话，结果转了五万。"],
    ["z-case-7", "12月1日，市民刘女士接到一名自称“快递理赔员”的电话，称其快递丢失可获得赔偿，随后诱导刘女士下载一款会议软件并开启屏幕共享，刘女士银行卡内的3万元被转走。"],
    ["kd-1", "李阿姨接到一个陌生电话，电话那头一个男子哭着喊妈，说自己开车撞了人，对方要私了，需要马上拿五万块钱，还说千万别告诉爸爸。李阿姨信以为真，按照对方提供的账号转了五万元。"],
    ["c-en-1", "Last month a retiree in Ohio got a call from a man who said he worked for her bank's fraud team. He told her that her account had been hacked and that she needed to move her money to a secure account to protect it. She wired $24,000 before her daughter realized it was a scam."],
    ["c-en-2", "My father received a call from someone claiming to be with Social Security. The caller said his Social Security number had been suspended because of suspicious activity and that he had to withdraw cash and buy gift cards to keep it active. He lost $3,000."],
    ["c-en-3", "A caller told my grandmother that he was an officer with the sheriff's department and that she had missed jury duty. He said a warrant would be issued unless she paid a fine right away with prepaid cards, and told her not to tell anyone."],
    ["c-en-4", "The woman said someone from 'Amazon support' called her about a suspicious order and asked her to install a remote access app so he could refund her. He then said he had refunded too much and asked her to send back the difference in gift cards."],
    ["ec-1", "A 72-year-old woman from Dayton lost $18,000 after a caller claiming to be from her bank's fraud department told her that her account had been compromised. The caller instructed her to withdraw cash and deposit it into a Bitcoin ATM to keep it safe."],
    ["ec-2", "Case summary: The victim received a call from a man who identified himself as an agent of the Social Security Administration. He said her Social Security number had been used in a crime and would be suspended unless she moved her savings to a protected government account. She transferred $45,000 over three days."],
    ["ec-3", "He told me he was from Chase fraud prevention and that someone was trying to use my card. He asked me to read him the code that was texted to me so he could block the charge. After I gave it to him, $2,400 was taken from my checking account."],
    ["ed-1", "Case #2291: On March 3 the complainant, a 67-year-old retired teacher, received a phone call from a person identifying himself as an employee of the Social Security Administration. The caller stated that her SSN had been linked to drug trafficking in Texas and would be frozen. He instructed her to withdraw $12,000 and purchase gift cards, then read the card numbers over the phone. The complainant complied."],
    ["ed-2", "Victim report: I received a text saying there was a suspicious charge on my Wells Fargo account. When I called the number in the text, the man said he was from the fraud department and that my account was compromised. He told me to transfer my funds to a new account to protect them. I transferred $8,500 and the money is gone."],
    ["ed-3", "My elderly neighbor got a call from a man saying her grandson had been arrested after a car accident and needed $5,000 for bail. The man said he was a public defender and told her not to tell anyone. A courier came to pick up the cash that afternoon."],
    ["ed-4", "Someone called me pretending to be from Social Security and said my benefits would be stopped unless I verified my Social Security number and paid a fee with gift cards. I bought $500 in gift cards and read him the numbers."],
    ["ed-5", "According to the complaint, the victim received a call from a person claiming to be from her bank. The caller told her that her account had been hacked and that she had to move her money to a safe account. She transferred $30,000 before realizing it was a scam."],
  ])("%s", (_, text) => {
    expect(flagged(text)).toBe(true);
  });
});

describe("leaves genuine notices, police news and family warnings that share those words unflagged", () => {
  it.each([
    ["b-bank-1", "【招商银行】您尾号1234的账户于12月02日15:30消费人民币286.00元，余额5,320.15元。如非本人操作请致电95555。"],
    ["b-bank-2", "【工商银行】尊敬的客户，您的信用卡本期账单金额3,562.00元，最后还款日12月20日，请按时还款，可通过工行手机银行还款。"],
    ["b-bank-3", "【建设银行】您的账户因长期未使用已转为不动户，如需继续使用，请携带本人身份证到任意网点办理激活。"],
    ["b-air-1", "【东方航空】尊敬的旅客，您预订的12月5日MU5137航班因天气原因取消，您可通过东方航空APP免费改签或退票，详询95530。"],
    ["b-air-2", "【南方航空】您好，您的CZ3101航班计划变更，起飞时间调整为15:40，请通过南航APP或致电95539办理改签、退票。"],
    ["b-ins-1", "您好，这里是中国平安保险，您上个月申请的住院医疗理赔已经审核通过，理赔款2,350元已经打到您尾号6621的银行卡，请注意查收，谢谢。"],
    ["b-ins-2", "A: 您好，这里是太平洋保险理赔部，您的车险理赔已经结案，赔款今天下午会到账。B: 好的谢谢。A: 不客气，有问题可以拨打95500。"],
    ["b-fam-1", "妈，刚才是不是有人打电话说是公安局的，说你涉嫌洗钱要你把钱转到安全账户？那是骗子！千万别转，公安不会打电话让你转账的，有事先给我打电话。"],
    ["b-fam-2", "爸，我看新闻说最近有人冒充部队采购，让饭店老板先垫付货款，你店里要是接到这种电话别信，直接挂了。"],
    ["b-fam-3", "Mom, if someone calls saying they're from the IRS and tells you to pay with gift cards, hang up. It's a scam. Call me first."],
    ["b-news-1", "近日，我市警方成功破获一起冒充公检法电信诈骗案，抓获犯罪嫌疑人12名。警方提醒，公检法机关不会通过电话办案，不存在安全账户。"],
    ["b-news-2", "据市公安局通报，今年以来冒充军警购物诈骗高发，骗子冒充部队采购人员，以先垫付货款为由骗取商家钱财。警方提醒商户遇到此类情况务必核实。"],
    ["b-news-3", "国家反诈中心提醒：近期出现冒充反诈中心工作人员的诈骗，骗子称您的账户涉案，要求下载软件共享屏幕。反诈中心不会要求转账，如有疑问请拨打96110。"],
    ["b-rem-1", "【温馨提示】ETC不会通过短信要求认证，收到含链接的ETC失效短信请勿点击，可拨打高速公路客服热线12122核实。"],
    ["b-rem-2", "【国家税务总局】个人所得税年度汇算请通过个人所得税APP办理，税务部门不会通过短信发送退税链接，请谨防诈骗。"],
    ["b-etc-1", "【粤通卡】尊敬的客户，您的ETC账户余额不足20元，为避免影响通行，请通过粤通卡APP或微信公众号及时充值。"],
    ["b-tax-1", "【国家税务总局】您2025年度个人所得税综合所得汇算已完成，退税款386.00元已退至您的银行账户，请注意查收。"],
    ["b-car-1", "【中国移动】尊敬的客户，您的积分2000分将于12月31日到期，可通过中国移动APP积分商城兑换话费或礼品。退订回TD"],
    ["b-sb-1", "【人力资源和社会保障局】您申领的第三代社保卡已制卡完成，请携带身份证到社区服务中心领取。"],
    ["b-pol-call", "您好，我是辖区派出所的民警，最近冒充客服诈骗比较多，提醒您不要相信陌生来电，不要共享屏幕，不要给任何人转账。"],
    ["b-cs-1", "A: 您好，我的快递显示已签收但我没收到。B: 您好，非常抱歉，我们已经联系快递员核实，如果确认丢失会按照规定赔偿，赔款会原路退回到您的支付账户。"],
    ["b-en-1", "Delta: Your flight DL1234 on Dec 5 has been cancelled. We have rebooked you on DL1456 departing 4:15 PM. View or change your trip in the Fly Delta app or at delta.com."],
    ["b-en-2", "The Police Department is warning residents about a scam in which callers claim to be from immigration and threaten deportation unless a fee is paid. Hang up and report such calls."],
    ["zb-1", "【中国平安】尊敬的客户，您的理赔申请已受理，案件号P2025120301，我们将在3个工作日内完成审核，可通过平安金管家APP查看进度，详询95511。"],
    ["zb-2", "【国家医保服务平台】您的医保电子凭证已激活，可在国家医保服务平台APP中查看使用。"],
    ["zb-3", "【个人所得税】您的2025年度个税汇算申请已受理，退税将在审核后退至您的银行卡，可登录个人所得税APP查看进度。"],
    ["zb-4", "爸，新闻里说最近有人冒充反诈中心打电话，说你账户涉案让你下载软件共享屏幕，那都是骗子，真遇到了直接挂掉，然后给我打个电话。"],
    ["zb-5", "A: 奶奶，你上次说有个自称客服的打电话让你开通屏幕共享？B: 是啊，我没理他。A: 对，做得好，以后这种电话直接挂，千万不要按他说的做。"],
    ["zb-6", "警情通报：12月2日，我局接到市民李某报警称，其接到自称公安局的电话后被骗5万元。经侦查，已抓获犯罪嫌疑人2名。警方提醒：公安机关不会通过电话要求转账。"],
    ["zb-7", "您好，这里是市公安局反诈中心，我们是做回访的，您之前报案的案件已立案，目前正在侦办中，有进展会通知您，另外提醒您不要相信任何声称能帮您追回损失的人。"],
    ["zb-8", "【中国国际航空】尊敬的旅客，因天气原因您乘坐的CA1501航班取消，我们已为您保护至次日CA1503航班，如需退改请通过国航APP办理或致电95583。"],
    ["zb-9", "您好，这里是人保财险，您的车险理赔款4,200元已经支付到您尾号8872的银行卡，请注意查收，如有疑问请拨打95518。"],
    ["zb-10", "The Social Security Administration will never call to threaten you or ask for gift cards. If someone claiming to be from SSA asks you to pay, hang up and report it at oig.ssa.gov."],
    ["zb-11", "Hi Mom, a guy called me today saying he was from the IRS and that I owed back taxes. I knew it was a scam so I hung up. Just letting you know in case they call you too."],
    ["zb-12", "【粤通卡】尊敬的客户，您的ETC卡将于2026年1月到期，请携带身份证和行驶证到粤通卡服务网点办理换卡，或通过粤通卡APP在线办理。"],
    ["zb-13", "部队采购的事我打听过了，是后勤处正规招标的，合同走公对公，不用我们垫钱，放心吧。"],
    ["eb-1", "Scam alert: Criminals are calling people pretending to be from their bank's fraud department. They say your account has been compromised and ask you to move money to a safe account. Your bank will never ask you to do this. Hang up and call the number on the back of your card."],
    ["eb-2", "Hi Mom, a guy called me today saying he was from the IRS and that I owed back taxes. I knew it was a scam so I hung up. Just letting you know in case they call you too."],
    ["eb-3", "Grandpa, if anyone calls saying they're from Social Security and asks for gift cards, it's a scam. Don't give them anything, just call me."],
    ["f-2", "爸，我跟你说个事，最近好多老人接到冒充公检法的电话，说你涉嫌犯罪，让你把钱转到安全账户，你千万别信，直接挂掉，然后给我打电话。"],
    ["f-3", "A: 姐，刚才有个人打电话说是反诈中心的，说我的卡有风险，让我下载个APP开屏幕共享。\nB: 那肯定是骗子！真的反诈中心不会让你下载别的APP，更不会让你共享屏幕，赶紧挂了。\nA: 嗯我已经挂了。"],
    ["f-4", "奶奶，以后有人打电话跟你说我出事了要钱，你千万别转账，先给我打电话确认，现在骗子会用AI模仿声音。"],
    ["f-5", "A: 儿子，有个自称你们学校老师的人加我微信，说要交资料费500元。\nB: 妈你先别转，我们老师从来不在微信上收钱，我问问班主任。\nA: 好的。"],
    ["f-6", "A: 老公，有人打电话说我们的快递丢了，要赔偿我们，让我加他微信。\nB: 别加，这是骗子的套路，快递丢了直接在APP里申请理赔就行。"],
    ["i-1", "A: 您好，请问是张先生吗？我是平安保险的理赔专员。B: 是我。A: 您上周提交的门诊理赔已经审核通过了，理赔金额是1260元，已经打到您登记的银行卡上了，请您注意查收。B: 好的，谢谢。A: 不客气，祝您生活愉快。"],
    ["i-2", "您好，这里是中国人寿客服中心，您的理赔案件已结案，赔款将在三个工作日内到账，到账后会有短信通知，感谢您的支持。"],
    ["i-3", "A: 喂，您好，我是太平洋保险的，您车险报案的那个事故，定损已经做完了，赔款8000元明天打到您卡上。B: 好的好的。A: 后续如果有疑问可以在太保APP上查看进度。"],
    ["bk-1", "【中国银行】您的借记卡于12月3日在境外发生一笔消费，金额USD 58.00，若非本人交易，请立即致电95566冻结卡片。"],
    ["bk-2", "【农业银行】尊敬的客户，您的账户存在异常交易，已临时冻结，请本人携带身份证到就近网点办理解冻。"],
    ["bk-3", "【交通银行】您的信用卡额度已提升至50000元，可登录买单吧APP查看，如非本人申请请致电95559。"],
    ["bk-4", "【平安银行】您尾号3310的信用卡本期账单已出，应还金额2,188.50元，到期还款日12月18日，可通过平安口袋银行APP还款。"],
    ["bk-5", "【邮储银行】您的账户将于2026年1月1日起进行系统升级，升级期间暂停网银服务，给您带来不便敬请谅解。"],
    ["bk-6", "【招商银行】您的一卡通于12月03日转账支出10,000.00元，余额2,351.20元。如有疑问请联系95555。"],
    ["pn-1", "近日，某区反诈中心接到预警，市民张先生正在与冒充公检法的骗子通话，民警立即上门劝阻，张先生才意识到被骗，及时保住了15万元存款。"],
    ["pn-2", "记者从市公安局获悉，今年以来，全市共发生冒充客服类诈骗案件300余起，民警介绍，骗子常以退款理赔为由，诱导受害人下载会议软件共享屏幕，进而转走资金。"],
    ["pn-3", "【案例】王女士接到自称快递客服的电话，称其包裹丢失要给予赔偿，要求王女士下载某APP并开启屏幕共享，王女士察觉不对立即挂断，并拨打96110咨询，避免了损失。"],
    ["pn-4", "市公安局发布通报：近期有不法分子冒充部队人员，以采购为名要求商家垫付货款，目前已有多名商户被骗。如遇类似情况，请立即拨打110报警。"],
    ["f-1", "A: 妈，你今天是不是接到一个说是公安局的电话？\nB: 是啊，说我涉嫌洗钱，让我把钱转到一个账户里配合调查，我有点害怕。\nA: 千万别转！那是骗子，公安局不会打电话让你转账的，你把电话挂了，有事给我打电话。\nB: 好，我知道了。"],
    ["f-7", "A: 爸，你刚才电话里说有人让你下载什么软件？\nB: 对，他说他是银行的，说我的卡被盗刷了，让我下载一个软件开个共享屏幕，他帮我处理。\nA: 千万别下载！那是骗子，银行不会让你共享屏幕的，你直接挂了，我明天陪你去银行问。"],
    ["f-8", "A: Mom, who was that on the phone?\nB: A man said he was from Medicare and told me to give him my bank details so he could send me a new card.\nA: Don't give him anything! It's a scam. Medicare will never call you for your bank details. Just hang up."],
  ])("%s", (_, text) => {
    expect(flagged(text)).toBe(false);
  });
});
