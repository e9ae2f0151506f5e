/**
 * The scan engine's correctness traps (../shared/bench/README.md) and its behaviour on adversarial
 * input: overlapping keywords must not hide a match, a window must cover the longest match its
 * rule can make (even when the rule under-declares it), and no input may make a rule hang.
 */
import { describe, expect, it } from "vitest";
import { detectors } from "../src/registry.js";
import type { Detector, TokenRule } from "../src/types.js";
import { compileRules } from "../src/engine/compile.js";
import { buildKeywordAutomaton, HitList } from "../src/engine/keyword-automaton.js";
import { maxMatchLength, maxReachLength } from "../src/engine/regex-length.js";
import { scanContent } from "../src/engine/scan-content.js";
import { createRng } from "../src/detector-kit/index.js";

function detectorOf(rules: Partial<TokenRule>[]): Detector {
  return {
    id: "fixture",
    name: "Fixture",
    docsUrl: "https://example.test/",
    remediation: { revoke: "-", narrower: "-" },
    related: {},
    rules: rules.map((rule, i) => ({
      id: `rule-${i}`,
      title: `rule ${i}`,
      keywords: [],
      pattern: /$^/,
      maxLength: 10,
      confidence: "high",
      capabilities: [],
      skipPlaceholderCheck: true,
      ...rule,
    })),
  };
}

const scanWith = (rules: Partial<TokenRule>[], content: string, path = "file.txt") =>
  scanContent(Buffer.from(content, "latin1"), path, compileRules([detectorOf(rules)]));

/** Random text of letters and digits (no keyword of the fixtures in it). */
const noise = (seed: number, length: number) => createRng(seed).chars("0123456789abcdef", length);

describe("keyword automaton", () => {
  it("reports every occurrence of every keyword, overlapping ones included, case-folded", () => {
    const automaton = buildKeywordAutomaton(["paykey_", "key_", "ykey", "k"]);
    const hits: [string, number][] = [];
    automaton.scan(Buffer.from("x PAYKEY_ y key_"), (id, end) => hits.push([automaton.keywords[id]!, end]));
    expect(hits).toEqual([
      ["k", 6],
      ["ykey", 8],
      ["paykey_", 9],
      ["key_", 9],
      ["k", 13],
      ["key_", 16],
    ]);
  });

  it("collects the same hits as the callback scan, within [from, to)", () => {
    const automaton = buildKeywordAutomaton(["ab", "bc", "abc"]);
    const text = Buffer.from("abcabc xabc");
    const viaScan: number[] = [];
    automaton.scan(text, (id, end) => viaScan.push(id, end), 3, 11);
    const list = automaton.collect(text, new HitList(), 3, 11);
    expect([...list.data.subarray(0, list.length)]).toEqual(viaScan);
    expect(viaScan.filter((_, i) => i % 2 === 1).every((end) => end > 3 && end <= 11)).toBe(true);
  });
});

describe("overlapping keywords", () => {
  it("a keyword inside another keyword still runs its own rule", () => {
    const rules = [
      { keywords: ["paykey_"], pattern: /paykey_[a-z]{6}(?![a-z])/ },
      { keywords: ["key_"], pattern: /key_(?<secret>[0-9]{6})(?![0-9])/ },
    ];
    const content = "ref paykey_123456 end";
    // The trap: one alternation RegExp reports "paykey_" and never "key_" inside it.
    expect([...content.matchAll(/paykey_|key_/g)].map((m) => m[0])).toEqual(["paykey_"]);
    const { matches } = scanWith(rules, content);
    expect(matches.map((m) => [m.ruleId, m.secret])).toEqual([["fixture/rule-1", "123456"]]);
  });

  it("two rules whose keywords overlap in one token both get their windows; the more confident wins", () => {
    const rules: Partial<TokenRule>[] = [
      { keywords: ["tok_"], pattern: /tok_[A-Za-z0-9]{20}/, confidence: "low" },
      { keywords: ["live_tok_"], pattern: /live_tok_[A-Za-z0-9]{20}/, confidence: "high" },
    ];
    const token = `live_tok_${noise(1, 20)}`;
    const { matches } = scanWith(rules, `a = "${token}"\nb = "tok_${noise(2, 20)}"\n`);
    expect(matches.map((m) => [m.ruleId, m.line])).toEqual([
      ["fixture/rule-1", 1],
      ["fixture/rule-0", 2],
    ]);
  });
});

describe("windows", () => {
  it("cover the longest match even when maxLength is declared too small", () => {
    const body = noise(3, 1400);
    const { matches } = scanWith(
      [{ keywords: ["jwtish."], pattern: /jwtish\.[a-f0-9]{10,1500}(?![a-f0-9])/, maxLength: 40 }],
      `x\nvalue: jwtish.${body} end\n`,
    );
    expect(matches.map((m) => [m.secret.length, m.line])).toEqual([[7 + 1400, 2]]);
  });

  it("reach back from a keyword at the end of a long match", () => {
    const body = noise(4, 400);
    const { matches } = scanWith(
      [{ keywords: ["tailkw"], pattern: /(?<![a-f0-9])[a-f0-9]{400}:tailkw/, maxLength: 12 }],
      `${"y".repeat(2000)} ${body}:tailkw\n`,
    );
    expect(matches.map((m) => m.secret)).toEqual([`${body}:tailkw`]);
  });

  it("cover a look-around that reads past the match", () => {
    const rule = { keywords: ["deploy.example"], pattern: /Bearer (?<secret>[a-f0-9]{32})(?=[\s\S]{0,300}deploy\.example)/, maxLength: 10 };
    const secret = noise(5, 32);
    const { matches } = scanWith([rule], `Authorization: Bearer ${secret}\n${" ".repeat(250)}\nurl = https://deploy.example/x\n`);
    expect(matches.map((m) => m.secret)).toEqual([secret]);
    expect(maxReachLength(rule.pattern.source)).toBeGreaterThanOrEqual(7 + 32 + 300 + 14);
  });

  it("report a match once when several hits of its keywords open overlapping windows", () => {
    const token = `ab${noise(6, 50)}ab`;
    const { matches } = scanWith([{ keywords: ["ab"], pattern: /ab[0-9a-f]{50}ab/, maxLength: 54 }], `${token} ${token}`);
    expect(matches.map((m) => m.start)).toEqual([0, 55]);
  });

  it("find tokens far apart in a large file, each on its line", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 500 === 7 ? `k = tok_${noise(i, 20)}` : noise(i, 80)));
    const { matches } = scanWith([{ keywords: ["tok_"], pattern: /tok_[0-9a-f]{20}/, maxLength: 24 }], lines.join("\n"));
    expect(matches.map((m) => [m.line, m.column])).toEqual([8, 508, 1008, 1508].map((line) => [line, 5]));
  });
});

describe("regex length bounds", () => {
  it("reads the longest match from a pattern", () => {
    expect(maxMatchLength("abc")).toBe(3);
    expect(maxMatchLength("a{2,5}(?:xy|z)?")).toBe(7);
    expect(maxMatchLength("(?<n>ab|cde)[a-z]{3}(?=q)\\b")).toBe(6);
    expect(maxMatchLength("\\u0041\\x41[\\]x]")).toBe(3);
    expect(maxMatchLength("a+")).toBe(Infinity);
    expect(maxMatchLength("a{3,}")).toBe(Infinity);
  });

  it("every registered rule has bounded quantifiers, so its window is derived from its pattern", () => {
    const unbounded = detectors.flatMap((d) =>
      d.rules.filter((r) => !Number.isFinite(maxReachLength(r.pattern.source))).map((r) => `${d.id}/${r.id}`),
    );
    expect(unbounded).toEqual([]);
  });
});

describe("adversarial input (every registered detector)", () => {
  const ruleSet = compileRules(detectors);
  const keywords = ruleSet.automaton.keywords.slice(0, ruleSet.keywordCount);
  const timed = (content: Buffer): number => {
    const started = performance.now();
    scanContent(content, "adversarial.txt", ruleSet);
    return performance.now() - started;
  };

  it("100 KB of one repeated character, for each first character of every keyword, each fast", () => {
    const firsts = [...new Set(keywords.flatMap((k) => [k[0]!, k[0]!.toUpperCase()]))];
    const slowest = Math.max(...firsts.map((c) => timed(Buffer.from(c.repeat(100_000), "latin1"))));
    expect(slowest).toBeLessThan(2_000);
  });

  it("100 KB of each keyword repeated, each fast", () => {
    const times = keywords.map((k) => [k, timed(Buffer.from(k.repeat(Math.ceil(100_000 / k.length)), "latin1"))] as const);
    const [keyword, slowest] = times.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(slowest, `slowest keyword: ${keyword}`).toBeLessThan(3_000);
  });

  it("a 50 MB single line of one character", () => {
    expect(timed(Buffer.alloc(50_000_000, "a"))).toBeLessThan(20_000);
  });

  it("a 50 MB single line dense with every keyword", () => {
    const unit = `${keywords.join(" ")} `;
    const line = Buffer.from(unit.repeat(Math.ceil(50_000_000 / unit.length)), "latin1");
    expect(timed(line)).toBeLessThan(45_000);
  });

  it("20 MB of each decode-layer trigger (encoded keyword, %XX, \\uXXXX, \\/, manifests)", () => {
    const form = ruleSet.encodedForms[0]!.text.toString("latin1");
    const units = [form, "%41", "\\u0041", "a\\/", "kind: Secret\n", '"auth": "QUFBQUFB",', ".dockerconfigjson: QUFBQUFBQUFB\n"];
    for (const unit of units) {
      const elapsed = timed(Buffer.from(unit.repeat(Math.ceil(20_000_000 / unit.length)), "latin1"));
      expect(elapsed, unit).toBeLessThan(10_000);
    }
  });
});
