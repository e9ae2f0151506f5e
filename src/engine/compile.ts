/** Turns the detector registry into one structure the scanner can run fast. */
import picomatch from "picomatch";
import type { Detector, TokenRule } from "../types.js";
import { buildKeywordAutomaton, type KeywordAutomaton } from "./keyword-automaton.js";

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
  automaton: KeywordAutomaton;
  /** For each keyword id, the rules it routes to. */
  keywordRules: CompiledRule[][];
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
        reach: rule.maxLength + WINDOW_MARGIN,
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
  return {
    rules,
    byId: new Map(rules.map((r) => [r.ruleId, r])),
    automaton: buildKeywordAutomaton([...keywordIds.keys()]),
    keywordRules,
    pathOnlyRules: rules.filter((r) => r.rule.keywords.length === 0 && r.pathMatcher),
    maxReach: Math.max(0, ...rules.map((r) => r.reach)),
  };
}
