/** RubyGems: API keys in ~/.gem/credentials and in CI variables. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/rubygems/index.js";

const compiled = compileRules([detector]);
const found = (content: string, path = ".env") => scanContent(Buffer.from(content), path, compiled).matches.map((m) => m.secret);

describe("rubygems detector", () => {
  const rng = createRng(48);

  it("finds keys in the gem credentials file", () => {
    const key = `rubygems_${rng.hex(48)}`;
    expect(found(`---\n:rubygems_api_key: ${key}\n`, ".gem/credentials")).toEqual([key]);
  });

  it("needs exactly 48 hex digits after the prefix", () => {
    expect(found(`rubygems_${rng.hex(47)}\nrubygems_${rng.hex(49)}\n`)).toEqual([]);
  });

  it("scores a key as a supply-chain risk", () => {
    expect(detector.rules[0]!.capabilities).toContain("CODE_WRITE");
  });
});
