import { describe, expect, it } from "vitest";
import { findDomainSpans, findEmailSpans } from "./anchored.js";

const STOP = "\\s<>\"'`\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u4e00-\\u9fff";
/** The reference patterns the anchored scans replace. */
const EMAIL_RE = /(?<![a-z0-9._%+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![a-z0-9-])/gi;
const DOMAIN_RE = new RegExp(`(?<![a-z0-9@._/-])(?:[a-z0-9]+(?:-+[a-z0-9]+)*\\.)+(?:xn--[a-z0-9-]{2,59}|[a-z]{2,24})(?![a-z0-9@-])(?:/[^${STOP}]*)?`, "giu");
const spans = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

const SAMPLES = [
  "",
  "加我 random@icloud.com 或 a.b+c@mail.qq.com，再看 jd-kefu.com/login?x=1。",
  "visit www.irs.gov. or help@irs.gov, -bad.com, _x.com, a/b.com, @c.com, ..d.com, e..f.com",
  "x@y.z a@b.cc 1.2.3.4 v1.2.3 readme.md foo.bar.baz.qux xn--lipay-3ve.com a-.com a--b.com",
  `${"a".repeat(70)}@long.com ${"b".repeat(64)}@ok.com .x@y.com x.@y.com`,
  "end.com",
  "ｊｄ．ｃｏｍ mixed jd.com中文 中文jd.com/路径 email中文a@b.com",
];

describe("anchored scans agree with the reference regexes", () => {
  it.each(SAMPLES)("%j", (text) => {
    expect(findEmailSpans(text)).toEqual(spans(EMAIL_RE, text));
    expect(findDomainSpans(text)).toEqual(spans(DOMAIN_RE, text));
  });

  it("agree on random texts over a small alphabet", () => {
    const alphabet = ["a", "b", "1", ".", "-", "@", "_", "/", " ", "中", "com", "cn", "x", "a.com", "@b.cn", "xn--p1a"];
    let seed = 42;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 16;
    };
    let matched = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const len = next() % 30;
      for (let i = 0; i < len; i++) text += alphabet[next() % alphabet.length];
      expect(findEmailSpans(text), text).toEqual(spans(EMAIL_RE, text));
      expect(findDomainSpans(text), text).toEqual(spans(DOMAIN_RE, text));
      matched += spans(EMAIL_RE, text).length + spans(DOMAIN_RE, text).length;
    }
    expect(matched).toBeGreaterThan(2000);
  });
});
