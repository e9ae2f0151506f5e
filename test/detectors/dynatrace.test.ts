/** Dynatrace: prefixes to token kinds, the documented example, and a public-only token identifier. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/dynatrace/index.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", compiled);

describe("dynatrace detector", () => {
  const rng = createRng(12);
  const token = (prefix: string) => `${prefix}.${rng.chars(ALPHABET.alnumUpper, 24)}.${rng.chars(ALPHABET.alnumUpper, 64)}`;

  it("classifies access, platform and OAuth client tokens", () => {
    const tokens = [token("dt0c01"), token("dt0s16"), token("dt0s01")];
    expect(scan(tokens.join("\n")).matches.map((m) => [m.ruleId, m.secret])).toEqual([
      ["dynatrace/access-token", tokens[0]],
      ["dynatrace/platform-token", tokens[1]],
      ["dynatrace/oauth-client-secret", tokens[2]],
    ]);
  });

  it("drops Dynatrace's documented example", () => {
    const example = ["dt0s01", "ST2EY72KQINMH574WMNVI7YN", "G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM"].join(".");
    expect(scan(`DT_CLIENT_SECRET=${example}`).dropped.map((d) => d.reason)).toEqual(["documented example key"]);
  });

  it("names the public token identifier, never the secret portion", () => {
    const secret = token("dt0c01");
    const notes = detector.rules[0]!.infer!(secret).notes.join(" ");
    expect(notes).toContain(secret.slice(0, 31));
    expect(notes).not.toContain(secret.slice(32));
  });

  it("rejects lower-case bodies and short secret portions", () => {
    const lower = `dt0c01.${rng.chars(ALPHABET.alnumLower, 24)}.${rng.chars(ALPHABET.alnumLower, 64)}`;
    const short = `dt0c01.${rng.chars(ALPHABET.alnumUpper, 24)}.${rng.chars(ALPHABET.alnumUpper, 40)}`;
    expect(scan(`${lower}\n${short}`).matches).toEqual([]);
  });
});
