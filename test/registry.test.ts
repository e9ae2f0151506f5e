/**
 * The registry's parity checks: every detector folder is registered once, in order, with its
 * samples (and its emulator when it has an API); rules are well-formed and their regexes bounded.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectors } from "../src/registry.js";

const root = join(import.meta.dirname, "..", "detectors");
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Unbounded repetition outside character classes: `*`, `+` or `{n,}`. */
export function unboundedQuantifiers(source: string): string[] {
  const stripped = source.replace(/\\./g, "_").replace(/\[[^\]]*\]/g, "_");
  return stripped.match(/[*+]|\{\d+,\}/g) ?? [];
}

describe("detector registry", () => {
  it("registers every folder of detectors/ exactly once, under its folder name", () => {
    expect(detectors.map((d) => d.id)).toEqual(folders);
  });

  it("keeps detectors/index.ts sorted, one export line per provider", () => {
    const lines = readFileSync(join(root, "index.ts"), "utf8").split("\n").filter((l) => l.startsWith("export "));
    const ids = lines.map((l) => /"\.\/([^/]+)\/index\.js"/.exec(l)?.[1]);
    expect(ids).toEqual(folders);
  });

  it("gives every detector samples, and an emulator exactly when it has an API", () => {
    for (const detector of detectors) {
      expect(existsSync(join(root, detector.id, "samples.ts")), `${detector.id}/samples.ts`).toBe(true);
      expect(existsSync(join(root, detector.id, "emulator.ts")), `${detector.id}/emulator.ts iff api`).toBe(detector.api !== undefined);
    }
  });

  it("has well-formed detectors and rules", () => {
    for (const detector of detectors) {
      expect(detector.name, detector.id).not.toBe("");
      expect(detector.docsUrl, detector.id).toMatch(/^https:\/\//);
      expect(detector.remediation.revoke, detector.id).not.toBe("");
      expect(detector.remediation.narrower, detector.id).not.toBe("");
      expect(detector.rules.length, detector.id).toBeGreaterThan(0);
      const ids = detector.rules.map((r) => r.id);
      expect(new Set(ids).size, `${detector.id} rule ids unique`).toBe(ids.length);
      for (const rule of detector.rules) {
        const where = `${detector.id}/${rule.id}`;
        expect(rule.id, where).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(rule.maxLength, where).toBeGreaterThan(0);
        expect(rule.keywords.length > 0 || (rule.paths?.length ?? 0) > 0, `${where} needs keywords or paths`).toBe(true);
        for (const keyword of rule.keywords) expect(keyword, where).toBe(keyword.toLowerCase());
        expect(rule.pattern.flags.includes("g") || rule.pattern.flags.includes("y"), `${where} flags are the engine's`).toBe(false);
        expect(unboundedQuantifiers(rule.pattern.source), `${where} must use bounded quantifiers only`).toEqual([]);
      }
    }
  });

  it("covers at least 40 providers and 80 token types", () => {
    expect(detectors.length).toBeGreaterThanOrEqual(40);
    expect(detectors.reduce((n, d) => n + d.rules.length, 0)).toBeGreaterThanOrEqual(80);
  });
});

describe("unboundedQuantifiers", () => {
  it("flags *, + and {n,} but not escaped or class characters", () => {
    expect(unboundedQuantifiers("a+b*c{3,}")).toEqual(["+", "*", "{3,}"]);
    expect(unboundedQuantifiers(String.raw`\+[*+]{1,3}x{2,5}`)).toEqual([]);
  });
});
