/** PlanetScale: the three prefixes, length bounds, and a trailing sentence dot left out. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/planetscale/index.js";

const compiled = compileRules([detector]);
const found = (content: string) => scanContent(Buffer.from(content), "README.md", compiled).matches.map((m) => [m.ruleId, m.secret]);

describe("planetscale detector", () => {
  const rng = createRng(19);

  it("classifies service tokens, passwords and OAuth tokens", () => {
    const t = `pscale_tkn_${rng.chars(ALPHABET.base64url, 43)}`;
    const p = `pscale_pw_${rng.chars(ALPHABET.base64url, 43)}`;
    const o = `pscale_oauth_${rng.chars(ALPHABET.base64url, 43)}`;
    expect(found(`${t}\n${p}\n${o}\n`)).toEqual([
      ["planetscale/service-token", t],
      ["planetscale/database-password", p],
      ["planetscale/oauth-token", o],
    ]);
  });

  it("leaves a sentence's final dot out of the token", () => {
    const t = `pscale_tkn_${rng.chars(ALPHABET.base62, 40)}`;
    expect(found(`Use the token ${t}.`)).toEqual([["planetscale/service-token", t]]);
  });

  it("accepts 32 to 64 characters only", () => {
    expect(found(`pscale_pw_${rng.chars(ALPHABET.base62, 31)}\npscale_pw_${rng.chars(ALPHABET.base62, 65)}`)).toEqual([]);
  });
});
