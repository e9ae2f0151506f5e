/** Speed checks on adversarial input: a rule set must scan long runs of its own keywords quickly. */
import { expect } from "vitest";
import type { CompiledRuleSet } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";

export interface RepeatOptions {
  /** File path the content is scanned as (path-gated rules only run on their own files). */
  path?: string;
  /** Each unit is repeated until the content has at least this many characters. */
  minLength?: number;
  budgetMs?: number;
}

/** Scans each unit repeated to `minLength` characters and expects every scan to end within `budgetMs`. */
export function expectFastOnRepeats(ruleSet: CompiledRuleSet, units: readonly string[], options: RepeatOptions = {}): void {
  const { path = "x.env", minLength = 100_000, budgetMs = 3000 } = options;
  for (const unit of units) {
    const content = Buffer.from(unit.repeat(Math.ceil(minLength / unit.length)));
    const start = performance.now();
    scanContent(content, path, ruleSet);
    expect(performance.now() - start, `${unit} in ${path}`).toBeLessThan(budgetMs);
  }
}
