import { describe, expect, it } from "vitest";
import { ContactIndex, PARTICIPATION_WINDOW_MS } from "./contact-index.js";

const NOW = Date.parse("2026-12-02T10:00:00Z");
const H1 = "a".repeat(64);
const H2 = "b".repeat(64);
const jd = (seq: number, ttlS: number, from = "phone:950618") => ({
  seq,
  institution: "jd",
  channel: "phone" as const,
  fromKey: from,
  purpose: null,
  expiresAtMs: NOW + ttlS * 1000,
});

describe("ContactIndex", () => {
  it("finds exactly the declared contact, and applies the same seq once", () => {
    const index = new ContactIndex();
    index.add(H1, jd(1, 60), NOW);
    index.add(H1, jd(1, 60), NOW);
    expect(index.size).toBe(1);
    expect(index.find(H1, "jd", "phone", "phone:950618", NOW)?.seq).toBe(1);
    expect(index.find(H1, "jd", "sms", "phone:950618", NOW)).toBeNull();
    expect(index.find(H1, "icbc", "phone", "phone:950618", NOW)).toBeNull();
    expect(index.find(H2, "jd", "phone", "phone:950618", NOW)).toBeNull();
  });

  it("holds several declarations per person and ends one by seq", () => {
    const index = new ContactIndex();
    index.add(H1, jd(1, 60), NOW);
    index.add(H1, jd(2, 60, "phone:4006065500"), NOW);
    index.end(H1, 1);
    expect(index.size).toBe(1);
    expect(index.find(H1, "jd", "phone", "phone:950618", NOW)).toBeNull();
    expect(index.find(H1, "jd", "phone", "phone:4006065500", NOW)?.seq).toBe(2);
  });

  it("never answers past the expiry, and a sweep drops what expired", () => {
    const index = new ContactIndex();
    index.add(H1, jd(1, 30), NOW);
    index.add(H2, jd(2, 3600), NOW);
    index.add(H2, jd(3, -1), NOW);
    expect(index.size).toBe(2);
    expect(index.find(H1, "jd", "phone", "phone:950618", NOW + 31_000)).toBeNull();
    expect(index.sweep(NOW + 45_000)).toBe(1);
    expect(index.size).toBe(1);
    expect(index.find(H2, "jd", "phone", "phone:950618", NOW + 45_000)?.seq).toBe(2);
  });

  it("counts an institution as participating while its last declaration is recent", () => {
    const index = new ContactIndex();
    expect(index.participates("jd", NOW)).toBe(false);
    index.markParticipant("jd", NOW);
    expect(index.participates("jd", NOW + 1000)).toBe(true);
    expect(index.participates("jd", NOW + PARTICIPATION_WINDOW_MS + 1)).toBe(false);
  });
});
