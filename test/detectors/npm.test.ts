/** npm: the base62 CRC-32 checksum of `npm_` tokens and the classic UUID tokens in .npmrc only. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng, withBase62Crc } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/npm/index.js";

const set = compileRules([detector]);
const scan = (content: string, path = ".npmrc") => scanContent(Buffer.from(content), path, set);
const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const token = (seed: number) => `npm_${withBase62Crc(createRng(seed).chars(ALPHABET.base62, 30))}`;

describe("npm access tokens", () => {
  it("validates the CRC-32 of the 30 random characters and rejects any change", () => {
    const good = token(1);
    expect(rule("access-token").validate!(good)).toEqual({ ok: true });
    for (const index of [4, 20, 34, 39]) {
      const changed = good.slice(0, index) + (good[index] === "a" ? "b" : "a") + good.slice(index + 1);
      expect(rule("access-token").validate!(changed), `changed at ${index}`).toEqual({ ok: false, reason: "checksum" });
    }
  });

  it("reports a valid token in .npmrc and drops one with a wrong checksum, saying why", () => {
    const good = token(2);
    expect(scan(`//registry.npmjs.org/:_authToken=${good}\n`).matches.map((m) => [m.ruleId, m.secret])).toEqual([["npm/access-token", good]]);
    const bad = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
    const result = scan(`//registry.npmjs.org/:_authToken=${bad}\n`);
    expect(result.matches).toEqual([]);
    expect(result.dropped).toEqual([{ ruleId: "npm/access-token", line: 1, reason: "checksum" }]);
  });

  it("reports a classic UUID token only as an auth token value, and says classic tokens were revoked", () => {
    const uuid = createRng(3).uuid();
    expect(scan(`//registry.npmjs.org/:_authToken=${uuid}\n`).matches.map((m) => m.ruleId)).toEqual(["npm/legacy-auth-token"]);
    expect(scan(`{"id": "${uuid}"}\n`, "package-lock.json").matches).toEqual([]);
    expect(rule("legacy-auth-token").infer!(uuid).notes.join(" ")).toMatch(/revoked on 2025-12-09/);
  });

  it("infers the class and the publish ceiling offline", () => {
    const inference = rule("access-token").infer!(token(4));
    expect(inference.tokenClass).toBe("access token");
    expect(inference.capabilities).toEqual(["CODE_WRITE", "DELETE_DATA", "IAM_WRITE"]);
  });
});
