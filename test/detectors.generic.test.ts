/**
 * Checks every registered detector must pass, whatever its token format: each rule set scans
 * 100 KB made of one of its keywords repeated (alone, or followed by the start of a value or key
 * name) within the budget, in a plain .env file and in the files its path-bound rules run on.
 */
import { describe, it } from "vitest";
import { detectors } from "../src/registry.js";
import { createRng } from "../src/detector-kit/index.js";
import type { Detector, DetectorSamples } from "../src/detector-kit/index.js";
import { compileRules } from "../src/engine/compile.js";
import { expectFastOnRepeats } from "./support/speed.js";

/** What may follow a keyword: nothing, a token body's first characters, a key-name tail, an assignment. */
const AFTER_KEYWORD = ["", "0", "a", "AAAA", "a".repeat(31), ".", "=a", "=E", "_key=", "_KEY=", "_TOKEN="];

/** The sample files of the rules that run only on some paths (e.g. newrelic.yml). */
async function pathBoundSamplePaths(detector: Detector): Promise<string[]> {
  const { samples } = (await import(`../detectors/${detector.id}/samples.ts`)) as { samples: DetectorSamples };
  const pathBound = new Set(detector.rules.filter((r) => r.paths !== undefined).map((r) => r.id));
  return samples.positive(createRng(1)).flatMap((s) => (s.path !== undefined && pathBound.has(s.rule) ? [s.path] : []));
}

describe.each(detectors.map((d) => [d.id, d] as const))("detector %s", (_id, detector) => {
  it("stays fast on 100 KB of any of its keywords repeated", async () => {
    const ruleSet = compileRules([detector]);
    const units = detector.rules.flatMap((r) => r.keywords).flatMap((keyword) => AFTER_KEYWORD.map((after) => `${keyword}${after}`));
    for (const path of new Set(["x.env", ...(await pathBoundSamplePaths(detector))])) expectFastOnRepeats(ruleSet, units, { path });
  });
});
