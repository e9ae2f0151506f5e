/** Stripe: key classes from the prefix, test mode, publishable keys, restricted-key error parsing. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/stripe/index.js";
import { parsePermissionError } from "../../detectors/stripe/api.js";

const set = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", set).matches.map((m) => m.ruleId);
const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const key = (prefix: string, seed = 1) => `${prefix}${createRng(seed).chars(ALPHABET.base62, 99)}`;

describe("stripe keys", () => {
  it("classifies each prefix, with test-mode keys flagged and scored as TEST_MODE only", () => {
    expect(scan(`A=${key("sk_live_")}\nB=${key("rk_live_")}\nC=${key("sk_test_")}\nD=${key("rk_test_")}\n`)).toEqual([
      "stripe/secret-key-live",
      "stripe/restricted-key-live",
      "stripe/secret-key-test",
      "stripe/restricted-key-test",
    ]);
    for (const id of ["secret-key-test", "restricted-key-test"]) {
      expect(rule(id).testMode).toBe(true);
      expect(rule(id).capabilities).toEqual(["TEST_MODE"]);
    }
    for (const id of ["secret-key-live", "restricted-key-live"]) {
      expect(rule(id).testMode).toBeUndefined();
      expect(rule(id).capabilities).toContain("PROD_REACH");
    }
    expect(rule("secret-key-live").infer!(key("sk_live_")).tokenClass).toBe("live secret key");
    expect(rule("restricted-key-live").capabilities).not.toContain("ACCOUNT_WIDE");
  });

  it("never reports publishable keys", () => {
    expect(scan(`STRIPE_PUBLISHABLE_KEY=${key("pk_live_")}\nNEXT_PUBLIC_KEY=${key("pk_test_")}\n`)).toEqual([]);
  });

  it("drops Stripe's documented test key as an example", () => {
    const documented = ["sk", "test", "4eC39HqLyjWDarjtT1zdp7dc"].join("_");
    const result = scanContent(Buffer.from(`stripe.api_key = "${documented}"\n`), "app.py", set);
    expect(result.matches).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["documented example key"]);
  });

  it("reads the account and the missing permission from a restricted key's 403 message", () => {
    const message =
      "The provided key 'rk_live_*****************abcd' does not have the required permissions for this endpoint on account 'acct_1AbCdEf'. Having the 'rak_charge_read' permission would allow this request to continue.";
    expect(parsePermissionError(message)).toEqual({ account: "acct_1AbCdEf", permission: "rak_charge_read" });
    expect(parsePermissionError("something else")).toEqual({});
  });
});
