/**
 * The form suite as a CI gate for the SMS forms, bounded: every case of the playbook case table (scams and
 * benign look-alikes, both languages) in the shape real SMS arrive in — a 【signature】 or "Notice:" prefix, an
 * opt-out tail, short links, masked numbers. No form may cost more than ADVERSARIAL_MAX_DROP of recall or add
 * more than that of false alarms. The ASR forms are measured by `scamguard eval` (not gated yet: the case
 * table's SMS rows read aloud lose their links).
 */
import { analyze } from "@scamguard/detect";
import { isScamCase, readCaseTable } from "../../../detect/test/case-table.js";
import { describe, expect, it } from "vitest";
import { FORMS, runForms } from "./form.js";
import { ADVERSARIAL_MAX_DROP } from "./index.js";

const texts = readCaseTable().map((c) => ({ text: c.text, lang: c.lang === "zh" ? ("zh" as const) : ("en" as const), label: isScamCase(c) ? (1 as const) : (0 as const) }));
const SMS_FORMS = FORMS.filter((f) => f.id.startsWith("sms-"));

describe("form suite: SMS forms over the case table", () => {
  const report = runForms(texts, (t) => analyze(t).label === 1, SMS_FORMS);

  it("changes the case table's messages", () => {
    const signature = report.forms.find((r) => r.form === "sms-signature");
    expect(signature?.scamsChanged).toBeGreaterThan(100);
    expect(signature?.benignChanged).toBeGreaterThan(100);
  });

  it.each(SMS_FORMS.map((f) => f.id))("%s costs at most 0.02 recall and adds at most 0.02 false alarms", (id) => {
    const r = report.forms.find((x) => x.form === id);
    expect(r, id).toBeDefined();
    expect((r?.recallBefore ?? 0) - (r?.recall ?? 0), r?.what).toBeLessThanOrEqual(ADVERSARIAL_MAX_DROP);
    expect((r?.fpr ?? 0) - (r?.fprBefore ?? 0), r?.what).toBeLessThanOrEqual(ADVERSARIAL_MAX_DROP);
  });
});
