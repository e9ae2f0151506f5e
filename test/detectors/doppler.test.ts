/** Doppler: each prefix maps to its own token kind; documented example and bounds. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/doppler/index.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", compiled);

describe("doppler detector", () => {
  const rng = createRng(5);

  it("classifies every documented prefix", () => {
    const kinds: [string, string][] = [
      ["pt", "personal-token"], ["ct", "cli-token"], ["st", "service-token"], ["sa", "service-account-token"],
      ["said", "service-account-identity-token"], ["scim", "scim-token"], ["audit", "audit-token"],
    ];
    const lines = kinds.map(([kind]) => `dp.${kind}.${rng.chars(ALPHABET.base62, 43)}`);
    expect(scan(lines.join("\n")).matches.map((m) => m.ruleId)).toEqual(kinds.map(([, id]) => `doppler/${id}`));
  });

  it("keeps the environment of a service token and names it", () => {
    const token = `dp.st.prd.${rng.chars(ALPHABET.base62, 44)}`;
    const [match] = scan(`DOPPLER_TOKEN="${token}"`).matches;
    expect(match?.secret).toBe(token);
    const rule = detector.rules.find((r) => r.id === "service-token")!;
    expect(rule.infer!(token).notes.join(" ")).toContain("prd");
    expect(rule.infer!(token).capabilities).toEqual(["SECRETS_READ"]);
  });

  it("drops the documented example and bodies outside 40-44 characters", () => {
    const example = `dp.pt.${["bAqhcVzrhy5cRHkOlNTc0Ve6w5", "NUDCpcutm8vGE9myi"].join("")}`;
    const result = scan(`${example}\ndp.pt.${rng.chars(ALPHABET.base62, 39)}\ndp.pt.${rng.chars(ALPHABET.base62, 45)}\n`);
    expect(result.matches).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["documented example key"]);
  });

  it("scores personal tokens account-wide and SCIM tokens as identity writes", () => {
    const byId = (id: string) => detector.rules.find((r) => r.id === id)!;
    expect(byId("personal-token").capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "SECRETS_READ"]));
    expect(byId("scim-token").capabilities).toContain("IAM_WRITE");
    expect(byId("service-account-identity-token").lifetime).toBe("short");
  });
});
