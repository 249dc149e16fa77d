/**
 * Which fraud modes (contracts FRAUD_MODES ids) a dataset's own scam type may be answered with, for
 * mode accuracy. Only types whose meaning is clear are mapped; a type may accept several modes where
 * the taxonomy splits what the dataset lumps together (a "bank scam" call is a fake customer-service
 * or a phishing script). Ids are plain strings so modes added to the taxonomy later can be listed
 * before the engine emits them. Unmapped types are left out of mode accuracy, never counted wrong.
 */

/** `set/type` → accepted modes. */
const MODES_BY_TYPE: Record<string, readonly string[]> = {
  "teleantifraud-zh/客服诈骗": ["impersonate_customer_service", "fake_refund", "credit_repair"],
  "teleantifraud-zh/彩票诈骗": ["prize_lottery"],
  "teleantifraud-zh/投资诈骗": ["investment_romance", "loan_finance"],
  "teleantifraud-zh/绑架诈骗": ["virtual_kidnapping"],
  "teleantifraud-zh/身份盗窃": ["phishing", "impersonate_customer_service"],
  "teleantifraud-zh/钓鱼诈骗": ["phishing"],
  "teleantifraud-zh/银行诈骗": ["impersonate_customer_service", "phishing", "impersonate_bank"],
  "bothbosu-scam-dialogue-en/refund": ["fake_refund"],
  "bothbosu-scam-dialogue-en/reward": ["prize_lottery"],
  "bothbosu-scam-dialogue-en/ssn": ["impersonate_police", "impersonate_government"],
  "bothbosu-scam-dialogue-en/support": ["impersonate_customer_service", "tech_support"],
  "smishing-sms-en/smish_delivery": ["parcel_customs"],
  "smishing-sms-en/smish_prize": ["prize_lottery"],
  "smishing-sms-en/smish_job": ["part_time_brushing"],
  "smishing-sms-en/smish_finance_crypto": ["investment_romance"],
  "smishing-sms-en/smish_wrong_number_romance": ["investment_romance"],
  "smishing-sms-en/smish_account_alert": ["phishing"],
  "smishing-sms-en/smish_credit_debit_card": ["phishing"],
  "smishing-sms-en/smish_tax_refund": ["fake_refund", "phishing"],
  "smishing-sms-en/smish_loan_credit": ["loan_finance"],
  "fbs-spam-sms-zh/phishing_bank_points_ebank": ["phishing"],
  "fbs-spam-sms-zh/phishing_carrier_apple": ["phishing"],
  "fbs-spam-sms-zh/fake_investment_stock_group": ["investment_romance"],
  "real-cases-zh/冒充公检法": ["impersonate_police"],
  "real-cases-zh/冒充电商物流客服": ["impersonate_customer_service", "fake_refund", "parcel_customs"],
  "real-cases-zh/冒充领导熟人/老师": ["impersonate_acquaintance"],
  "real-cases-zh/刷单返利": ["part_time_brushing"],
  "real-cases-zh/网络游戏虚假交易": ["game_trading"],
  "real-cases-zh/虚假征信/注销校园贷": ["credit_repair"],
  "real-cases-zh/虚假投资理财/杀猪盘": ["investment_romance"],
  "real-cases-zh/虚假网络贷款": ["loan_finance"],
  "real-cases-zh/绑架/出事": ["virtual_kidnapping", "impersonate_acquaintance"],
  "real-cases-zh/ETC/医保/社保/积分钓鱼短信": ["phishing"],
  "real-cases-zh/百万保障/自动扣费": ["impersonate_customer_service", "fake_refund"],
  "real-cases-zh/冒充军警购物": ["impersonate_military_purchase", "impersonate_police", "online_shopping"],
  "real-cases-zh/机票改签": ["fake_refund", "impersonate_customer_service", "flight_rebooking"],
  "real-cases-zh/AI换脸/拟声": ["ai_face_swap", "impersonate_acquaintance", "virtual_kidnapping"],
};

/**
 * Modes accepted for a scam of this set and type, or null when the type has no clear mode.
 * @example acceptedModes("real-cases-zh", "刷单返利") // ["part_time_brushing"]
 */
export function acceptedModes(set: string, type: string): readonly string[] | null {
  return MODES_BY_TYPE[`${set}/${type}`] ?? null;
}
