/**
 * Runs every detector's samples through the real engine: each positive, in every file context,
 * must be found once with its exact span and rule; each negative must yield nothing. Every rule's
 * whole regex match on its samples must fit its maxLength (the engine's window around a keyword).
 */
import { describe, expect, it } from "vitest";
import { detectors } from "../src/registry.js";
import { createRng } from "../src/detector-kit/index.js";
import type { DetectorSamples } from "../src/detector-kit/index.js";
import { compileRules } from "../src/engine/compile.js";
import { scanContent } from "../src/engine/scan-content.js";
import { placeInContexts } from "./support/contexts.js";

const ruleSet = compileRules(detectors);
const scan = (content: string, path: string) => scanContent(Buffer.from(content, "utf8"), path, ruleSet);

async function loadSamples(id: string): Promise<DetectorSamples> {
  const module = (await import(`../detectors/${id}/samples.ts`)) as { samples: DetectorSamples };
  return module.samples;
}

describe.each(detectors.map((d) => [d.id, d] as const))("detector %s", (id, detector) => {
  it("has positive samples for every rule, and negative samples", async () => {
    const samples = await loadSamples(id);
    const positives = samples.positive(createRng(1));
    for (const rule of detector.rules) {
      expect(positives.filter((p) => p.rule === rule.id).length, `positives for ${id}/${rule.id}`).toBeGreaterThanOrEqual(1);
    }
    expect(samples.negative(createRng(1)).length).toBeGreaterThanOrEqual(2);
  });

  it("finds every positive sample in every context, with its exact secret and rule", async () => {
    const samples = await loadSamples(id);
    for (const seed of [1, 2, 3]) {
      for (const sample of samples.positive(createRng(seed))) {
        const ruleId = `${id}/${sample.rule}`;
        const placements = sample.content !== undefined
          ? [{ context: "file", path: sample.path ?? "sample.txt", content: sample.content }]
          : placeInContexts(sample.name ?? "SERVICE_CREDENTIAL", sample.secret);
        for (const placed of placements) {
          const found = scan(placed.content, placed.path).matches.filter((m) => m.secret === sample.secret);
          expect(found.map((m) => m.ruleId), `${ruleId} in ${placed.context} (${placed.path}), seed ${seed}`).toEqual([ruleId]);
        }
      }
    }
  });

  it("fits every positive sample's whole regex match within its rule's maxLength", async () => {
    const samples = await loadSamples(id);
    for (const seed of [1, 2, 3]) {
      for (const sample of samples.positive(createRng(seed))) {
        const rule = detector.rules.find((r) => r.id === sample.rule)!;
        const texts = sample.content !== undefined ? [sample.content] : placeInContexts(sample.name ?? "SERVICE_CREDENTIAL", sample.secret).map((p) => p.content);
        const pattern = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gdy]/g, "")}g`);
        let found = 0;
        for (const text of texts) {
          for (const match of text.matchAll(pattern)) {
            found += 1;
            expect(match[0].length, `${id}/${rule.id}, seed ${seed}`).toBeLessThanOrEqual(rule.maxLength);
          }
        }
        expect(found, `${id}/${rule.id} matched its sample`).toBeGreaterThan(0);
      }
    }
  });

  it("reports none of its negative samples", async () => {
    const samples = await loadSamples(id);
    for (const seed of [1, 2, 3]) {
      for (const negative of samples.negative(createRng(seed))) {
        const result = scan(negative.content, negative.path ?? "config.env");
        const where = `negative (${negative.why}): ${negative.content.slice(0, 80)}`;
        // Not by this detector, nor by another provider's rule.
        expect(result.matches.filter((m) => m.detectorId !== "generic-secret").map((m) => m.ruleId), where).toEqual([]);
        // The generic rule may not report text a provider rule recognised and rejected (checksum, example...).
        const rejectedLines = new Set(result.dropped.filter((d) => !d.ruleId.startsWith("generic-secret/")).map((d) => d.line));
        expect(result.matches.filter((m) => rejectedLines.has(m.line)).map((m) => m.ruleId), where).toEqual([]);
      }
    }
  });
});
