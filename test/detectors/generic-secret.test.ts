/** Generic secret assignments: value checks, names that do and do not count, provider rules win. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detectors } from "../../src/registry.js";
import { checkValue, detector } from "../../detectors/generic-secret/index.js";

const own = compileRules([detector]);
const all = compileRules(detectors);
const scanOwn = (content: string) => scanContent(Buffer.from(content), ".env", own).matches.map((m) => [m.ruleId, m.secret, m.evidence]);

describe("generic-secret values", () => {
  it("keeps random-looking values and drops words, ids, hashes, code and paths", () => {
    const rng = createRng(1);
    expect(checkValue(`${rng.chars(ALPHABET.base62, 20)}7`, 12)).toEqual({ ok: true });
    expect(checkValue(rng.hex(64), 12)).toEqual({ ok: true });
    const dropped: [string, string][] = [
      ["abcdefghijklmnop", "needs both letters and digits"],
      ["1234567890123456", "needs both letters and digits"],
      [rng.uuid(), "UUID (an identifier)"],
      ["sha512-abc123def456ghi789", "integrity hash"],
      ["this.config.apiKey2", "property access in code, not a value"],
      ["DEFAULT_API_TOKEN_V2", "constant name, not a value"],
      ["./secrets/token2.json", "file path"],
      ["a1a1a1a1a1a1a1a1", "low entropy"],
      ["short1", "shorter than 12 characters"],
    ];
    for (const [value, reason] of dropped) expect(checkValue(value, 12), value).toEqual({ ok: false, reason });
  });

  it("matches snake, upper, kebab and apiKey names, and reports the name as evidence", () => {
    const rng = createRng(2);
    const value = `${rng.chars(ALPHABET.base62, 20)}4`;
    for (const name of ["CLIENT_SECRET", "github-token", "SECRET_KEY_BASE", "stripe_api_key", "weatherApiKey", "ACCESS_TOKEN_V2", "DB_PASSWORD", "adminPassword"]) {
      const rule = /pass/i.test(name) ? "generic-secret/password-assignment" : "generic-secret/secret-assignment";
      expect(scanOwn(`${name}: "${value}"\n`), name).toEqual([[rule, value, name]]);
    }
  });

  it("ignores names where the keyword is followed by another word (url, file, type, hash)", () => {
    const value = `${createRng(3).chars(ALPHABET.base62, 20)}4`;
    for (const name of ["TOKEN_URL", "secret_file", "token_type", "password_hash", "secretName", "tokens"]) {
      expect(scanOwn(`${name}=${value}\n`), name).toEqual([]);
    }
  });
});

describe("generic-secret against provider rules", () => {
  it("yields to the provider rule that claims the same value", () => {
    const rng = createRng(4);
    const awsSecret = `${rng.chars(ALPHABET.base62, 20)}${rng.chars(ALPHABET.base64, 20)}`;
    const found = scanContent(Buffer.from(`DEPLOY_TOKEN=${awsSecret}\nAWS_SECRET_KEY=${awsSecret}\n`), ".env", all).matches;
    expect(found.map((m) => m.ruleId)).toEqual(["generic-secret/secret-assignment", "aws/secret-access-key"]);
    // The generic rule claims the AWS line too; only the more confident match is kept.
    expect(scanOwn(`AWS_SECRET_KEY=${awsSecret}\n`).map((m) => m[0])).toEqual(["generic-secret/secret-assignment"]);
  });

  it("stays fast on keyword-dense input", () => {
    for (const unit of ["_token=", "password ", "api_key: a1", "--password x", `pwd=${"a1".repeat(70)} `, "SECRET_KEY_BASE_"]) {
      const content = unit.repeat(Math.ceil(2_000_000 / unit.length));
      const started = Date.now();
      scanContent(Buffer.from(content), "big.txt", own);
      expect(Date.now() - started, unit).toBeLessThan(1500);
    }
  });
});
