/** Mailchimp: Marketing keys with their data center, Transactional keys under Mandrill/Mailchimp names. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/mailchimp/index.js";

const compiled = compileRules([detector]);
const found = (content: string) => scanContent(Buffer.from(content), ".env", compiled).matches.map((m) => [m.ruleId, m.secret]);

describe("mailchimp detector", () => {
  const rng = createRng(33);

  it("finds Marketing keys of one- and two-digit data centers and names the data center", () => {
    const keys = [`${rng.hex(32)}-us6`, `${rng.hex(32)}-us21`];
    expect(found(keys.map((k, i) => `KEY_${i}=${k}`).join("\n"))).toEqual(keys.map((k) => ["mailchimp/marketing-api-key", k]));
    const inference = detector.rules[0]!.infer!(keys[1]!);
    expect(inference.account).toBe("data center us21");
  });

  it("rejects data centers that do not exist in the format and longer words", () => {
    expect(found(`${rng.hex(32)}-us0\n${rng.hex(32)}-us123\n${rng.hex(32)}-usa`)).toEqual([]);
  });

  it("reports md- keys under Mandrill or Mailchimp names only", () => {
    const key = `md-${rng.chars(ALPHABET.base64url, 22)}`;
    expect(found(`MANDRILL_API_KEY=${key}`)).toEqual([["mailchimp/transactional-api-key", key]]);
    expect(found(`MAILCHIMP_TRANSACTIONAL_API_KEY: "${key}"`)).toEqual([["mailchimp/transactional-api-key", key]]);
    expect(found(`MARKDOWN_ID=${key}`)).toEqual([]);
  });

  it("reports an unprefixed Mandrill key only when it looks random", () => {
    const key = `Xy4${rng.chars(ALPHABET.base62, 19)}`;
    expect(found(`MANDRILL_KEY=${key}`)).toEqual([["mailchimp/transactional-api-key-legacy", key]]);
    expect(found("MANDRILL_TEMPLATE_SLUG=order-confirmation-v2")).toEqual([]);
  });
});
