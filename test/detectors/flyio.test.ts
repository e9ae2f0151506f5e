/** Fly.io: macaroon chains, and the variety check that replaces the placeholder filter on long bodies. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/flyio/index.js";

const ruleSet = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", ruleSet);

describe("fly.io tokens", () => {
  const rng = createRng(17);
  const macaroon = (length: number) => `fm2_${rng.chars(ALPHABET.base64, length)}`;

  it("keeps a whole FlyV1 chain of macaroons as one secret", () => {
    const token = `FlyV1 ${macaroon(300)},${macaroon(200)},${macaroon(120)}`;
    const { matches } = scan(`FLY_API_TOKEN="${token}"\n`);
    expect(matches.map((m) => [m.ruleId, m.secret])).toEqual([["flyio/macaroon-token", token]]);
    expect(detector.rules[0]!.infer!(token).notes[0]).toContain("3 macaroons");
  });

  it("reports a random body that happens to contain a placeholder word", () => {
    const token = `fm2_${rng.chars(ALPHABET.base64, 150)}TODO${rng.chars(ALPHABET.base64, 150)}`;
    expect(scan(`FLY_API_TOKEN=${token}\n`).matches.map((m) => m.secret)).toEqual([token]);
  });

  it("drops a body with too little variety, saying why", () => {
    const { matches, dropped } = scan(`FLY_API_TOKEN=fm2_${"AbCd".repeat(60)}\n`);
    expect(matches).toEqual([]);
    expect(dropped.map((d) => d.reason)).toEqual(["placeholder (too little variety)"]);
  });
});
