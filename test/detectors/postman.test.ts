/** Postman: API keys and collection access keys, exact shapes. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/postman/index.js";

const compiled = compileRules([detector]);
const found = (content: string) => scanContent(Buffer.from(content), "postman/env.json", compiled).matches.map((m) => [m.ruleId, m.secret]);

describe("postman detector", () => {
  const rng = createRng(4);

  it("finds an API key in a Postman environment export", () => {
    const key = `PMAK-${rng.hex(24)}-${rng.hex(34)}`;
    const env = JSON.stringify({ name: "ci", values: [{ key: "apiKey", value: key, type: "secret", enabled: true }] });
    expect(found(env)).toEqual([["postman/api-key", key]]);
  });

  it("finds collection access keys but not task ids that share the prefix", () => {
    const key = `PMAT-${rng.chars(ALPHABET.alnumUpper, 26)}`;
    expect(found(`?access_key=${key}\nfixes PMAT-1234 and PMAT-${rng.chars(ALPHABET.alnumUpper, 25)}`)).toEqual([
      ["postman/collection-access-key", key],
    ]);
  });

  it("rejects upper-case hex in API keys and wrong part lengths", () => {
    expect(found(`PMAK-${rng.hex(24).toUpperCase()}-${rng.hex(34)}\nPMAK-${rng.hex(23)}-${rng.hex(35)}`)).toEqual([]);
  });
});
