/** New Relic: key kinds by prefix/suffix, EU keys, legacy license keys by name or agent config path. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/new-relic/index.js";

const compiled = compileRules([detector]);
const found = (content: string, path = ".env") =>
  scanContent(Buffer.from(content), path, compiled).matches.map((m) => [m.ruleId, m.secret]);

describe("new-relic detector", () => {
  const rng = createRng(61);

  it("classifies user, license, insert, query and browser keys", () => {
    const keys: [string, string][] = [
      [`NRAK-${rng.chars(ALPHABET.alnumUpper, 27)}`, "user-api-key"],
      [`${rng.hex(36)}NRAL`, "license-key"],
      [`NRII-${rng.chars(ALPHABET.base64url, 32)}`, "insert-key"],
      [`NRIQ-${rng.chars(ALPHABET.base64url, 32)}`, "query-key"],
      [`NRJS-${rng.hex(19)}`, "browser-key"],
    ];
    expect(found(keys.map(([k], i) => `K${i}=${k}`).join("\n"))).toEqual(keys.map(([k, id]) => [`new-relic/${id}`, k]));
  });

  it("notes EU license keys", () => {
    const key = `eu01xx${rng.hex(30)}NRAL`;
    expect(found(`license_key: ${key}`)).toEqual([["new-relic/license-key", key]]);
    expect(detector.rules.find((r) => r.id === "license-key")!.infer!(key).notes.join(" ")).toContain("EU");
  });

  it("finds a bare 40-hex license key under a New Relic name or in an agent config, not elsewhere", () => {
    const key = rng.hex(40);
    expect(found(`NEW_RELIC_LICENSE_KEY=${key}`)).toEqual([["new-relic/license-key-legacy", key]]);
    const yaml = `common: &default_settings\n  license_key: '${key}'\n`;
    expect(found(yaml, "config/newrelic.yml")).toEqual([["new-relic/license-key-agent-config", key]]);
    expect(found(yaml, "config/other.yml")).toEqual([]);
    expect(found(`exports.config = { app_name: ['shop'], license_key: '${key}' }`, "newrelic.js")).toEqual([
      ["new-relic/license-key-agent-config", key],
    ]);
  });

  it("gives the browser key no capabilities and low confidence", () => {
    const rule = detector.rules.find((r) => r.id === "browser-key")!;
    expect(rule.capabilities).toEqual([]);
    expect(rule.confidence).toBe("low");
  });
});
