/** Turns the detector registry into one structure the scanner can run fast. */
import picomatch from "picomatch";
import type { Detector, TokenRule } from "../types.js";
import { buildKeywordAutomaton, type KeywordAutomaton } from "./keyword-automaton.js";
import { encodedKeywordForms, type EncodedKeywordForm } from "./encoded-keywords.js";
import { LAYER_CUES } from "./decode-layers.js";
import { maxReachLength } from "./regex-length.js";

export interface CompiledRule {
  /** `${detector.id}/${rule.id}` */
  ruleId: string;
  detector: Detector;
  rule: TokenRule;
  /** The rule's pattern with the engine's flags (`g` and `d`). */
  regex: RegExp;
  /** Bytes scanned on each side of a keyword hit. */
  reach: number;
  /** Present when the rule is restricted to some paths. */
  pathMatcher?: (path: string) => boolean;
  confidenceRank: number;
  /** Order in the registry; a tie-breaker that keeps output deterministic. */
  order: number;
}

export interface CompiledRuleSet {
  rules: CompiledRule[];
  byId: Map<string, CompiledRule>;
  /** Plain keywords first (ids 0..keywordCount-1), then the base64 forms of the distinctive ones. */
  automaton: KeywordAutomaton;
  /** Number of plain keywords. */
  keywordCount: number;
  /** For each plain keyword id, the rules it routes to. */
  keywordRules: CompiledRule[][];
  /** For each plain keyword id, the longest reach of its rules. */
  keywordReach: number[];
  /** Byte length of each plain keyword. */
  keywordLengths: Int32Array;
  /** Automaton id `keywordCount + i` is `encodedForms[i]`. */
  encodedForms: EncodedKeywordForm[];
  /** Automaton id `cueBase + i` is `LAYER_CUES[i]` (triggers of the URL/JSON/manifest layers). */
  cueBase: number;
  /** Rules with `paths` and no keywords: run on the whole file when the path matches. */
  pathOnlyRules: CompiledRule[];
  /** Longest reach of any rule: the overlap needed between chunks of a streamed file. */
  maxReach: number;
}

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 } as const;
/** Room for look-behind/look-ahead boundaries at the edges of a window. */
export const WINDOW_MARGIN = 16;

export function compileRules(detectors: readonly Detector[]): CompiledRuleSet {
  const rules: CompiledRule[] = [];
  for (const detector of detectors) {
    for (const rule of detector.rules) {
      const flags = [...new Set(`${rule.pattern.flags.replace(/[gdy]/g, "")}gd`)].join("");
      rules.push({
        ruleId: `${detector.id}/${rule.id}`,
        detector,
        rule,
        regex: new RegExp(rule.pattern.source, flags),
        reach: ruleReach(rule) + WINDOW_MARGIN,
        pathMatcher: rule.paths ? picomatch(rule.paths as string[], { dot: true }) : undefined,
        confidenceRank: CONFIDENCE_RANK[rule.confidence],
        order: rules.length,
      });
    }
  }
  const keywordIds = new Map<string, number>();
  const keywordRules: CompiledRule[][] = [];
  for (const compiled of rules) {
    for (const raw of compiled.rule.keywords) {
      const keyword = raw.toLowerCase();
      let id = keywordIds.get(keyword);
      if (id === undefined) {
        id = keywordRules.length;
        keywordIds.set(keyword, id);
        keywordRules.push([]);
      }
      if (!keywordRules[id]!.includes(compiled)) keywordRules[id]!.push(compiled);
    }
  }
  const keywords = [...keywordIds.keys()];
  const encodedForms = encodedKeywordForms(
    keywords.map((keyword, keywordId) => ({
      keyword,
      keywordId,
      patterns: keywordRules[keywordId]!.map((r) => r.rule.pattern),
    })),
  );
  return {
    rules,
    byId: new Map(rules.map((r) => [r.ruleId, r])),
    automaton: buildKeywordAutomaton([...keywords, ...encodedForms.map((f) => f.text.toString("latin1")), ...LAYER_CUES]),
    keywordCount: keywords.length,
    keywordLengths: Int32Array.from(keywords, (k) => Buffer.byteLength(k, "latin1")),
    cueBase: keywords.length + encodedForms.length,
    keywordRules,
    keywordReach: keywordRules.map((list) => Math.max(0, ...list.map((r) => r.reach))),
    encodedForms,
    pathOnlyRules: rules.filter((r) => r.rule.keywords.length === 0 && r.pathMatcher),
    maxReach: Math.max(0, ...rules.map((r) => r.reach)),
  };
}

/**
 * Text needed on each side of a keyword hit: the declared `maxLength`, or more when the pattern
 * itself can match (or look) further, so that a too-small declaration cannot hide a token.
 */
export function ruleReach(rule: TokenRule): number {
  const derived = maxReachLength(rule.pattern.source);
  return Number.isFinite(derived) ? Math.max(rule.maxLength, derived) : rule.maxLength;
}
