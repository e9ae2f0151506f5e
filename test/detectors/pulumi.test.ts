/** Pulumi: access tokens by prefix and exact length. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/pulumi/index.js";

const compiled = compileRules([detector]);
const found = (content: string, path = ".env") => scanContent(Buffer.from(content), path, compiled).matches.map((m) => m.secret);

describe("pulumi detector", () => {
  const rng = createRng(10);

  it("finds a token in a CI workflow env block", () => {
    const token = `pul-${rng.hex(40)}`;
    expect(found(`env:\n  PULUMI_ACCESS_TOKEN: ${token}\n`, ".github/workflows/deploy.yml")).toEqual([token]);
  });

  it("needs exactly 40 lower-case hex digits", () => {
    expect(found(`pul-${rng.hex(39)} pul-${rng.hex(41)} pul-${rng.hex(40).toUpperCase()}`)).toEqual([]);
  });

  it("scores the token as able to destroy stacks and read their secrets", () => {
    expect(detector.rules[0]!.infer!(`pul-${rng.hex(40)}`).capabilities).toEqual(expect.arrayContaining(["DELETE_INFRA", "SECRETS_READ"]));
  });
});
