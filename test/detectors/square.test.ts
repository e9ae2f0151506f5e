/** Square: EAAA tokens only under Square names, legacy sq0atp-/sq0csp- anywhere, app ids never. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/square/index.js";

const compiled = compileRules([detector]);
const found = (content: string, path = ".env") =>
  scanContent(Buffer.from(content), path, compiled).matches.map((m) => [m.ruleId, m.secret]);

describe("square detector", () => {
  const rng = createRng(64);
  const accessToken = () => `EAAAl${rng.chars(ALPHABET.base64url, 59)}`;

  it("reports EAAA tokens under Square key names in every casing", () => {
    for (const name of ["SQUARE_ACCESS_TOKEN", "squareAccessToken", "square-token", "square.accessToken", "SQUARE_TOKEN"]) {
      const token = accessToken();
      expect(found(`${name}: "${token}"`), name).toEqual([["square/access-token", token]]);
    }
  });

  it("ignores EAAA runs in source maps and under other names", () => {
    const map = JSON.stringify({ version: 3, mappings: `AAAA;EAAA${rng.chars(ALPHABET.base64url, 60)};EAAA` });
    expect(found(map, "dist/main.js.map")).toEqual([]);
    expect(found(`ACCESS_TOKEN=${accessToken()}`)).toEqual([]);
    expect(found(`square_size = "EAAAl${rng.chars(ALPHABET.base64url, 59)}x"`)).toEqual([]);
  });

  it("finds legacy personal tokens and application secrets without a name, never application ids", () => {
    const pat = `sq0atp-${rng.chars(ALPHABET.base64url, 22)}`;
    const secret = `sq0csp-${rng.chars(ALPHABET.base64url, 43)}`;
    expect(found(`${pat}\n${secret}\nsq0idp-${rng.chars(ALPHABET.base64url, 22)}\n`)).toEqual([
      ["square/legacy-personal-access-token", pat],
      ["square/application-secret", secret],
    ]);
  });
});
