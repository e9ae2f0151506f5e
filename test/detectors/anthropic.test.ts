/** Anthropic: key classes, the fixed AA suffix, and OAuth tokens that are never sent. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { introspectAll, UNSUPPORTED_REASON } from "../../src/introspect/run.js";
import { detector } from "../../detectors/anthropic/index.js";
import { foundToken, loopbacksClosedAfterEach } from "../support/introspection.js";

const set = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", set).matches.map((m) => m.ruleId);
const rng = createRng(11);
const key = (prefix: string, suffix = "AA") => `${prefix}${rng.chars(ALPHABET.base64url, 93)}${suffix}`;

const serve = loopbacksClosedAfterEach();

describe("anthropic keys", () => {
  it("classifies API, admin and OAuth tokens", () => {
    const content = [key("sk-ant-api03-"), key("sk-ant-admin01-"), key("sk-ant-oat01-"), key("sk-ant-ort01-")].map((k, i) => `K${i}=${k}`).join("\n");
    expect(scan(content)).toEqual(["anthropic/api-key", "anthropic/admin-key", "anthropic/oauth-access-token", "anthropic/oauth-refresh-token"]);
  });

  it("requires the AA suffix of API and admin keys", () => {
    expect(scan(`K=${key("sk-ant-api03-", "AB")}\n`)).toEqual([]);
    expect(scan(`K=${key("sk-ant-admin01-", "BA")}\n`)).toEqual([]);
  });

  it("infers admin keys as IAM writers and API keys as spenders", () => {
    const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
    expect(rule("admin-key").infer!("").capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "IAM_WRITE"]));
    expect(rule("api-key").infer!("").capabilities).toEqual(expect.arrayContaining(["SPEND"]));
    expect(rule("api-key").infer!("").capabilities).not.toContain("IAM_WRITE");
  });

  it("never sends Claude OAuth tokens, refresh tokens above all", async () => {
    const server = await serve(() => ({ status: 200, body: { data: [] } }));
    const results = await introspectAll(
      ["oauth-refresh-token", "oauth-access-token"].map((ruleId) => ({
        key: ruleId,
        detector,
        token: foundToken(ruleId, key(ruleId === "oauth-refresh-token" ? "sk-ant-ort01-" : "sk-ant-oat01-")),
      })),
      { offline: false, endpoints: new Map([["anthropic", server.url]]) },
    );
    expect([...results.values()]).toEqual([
      { liveness: "unchecked", reason: UNSUPPORTED_REASON },
      { liveness: "unchecked", reason: UNSUPPORTED_REASON },
    ]);
    expect(server.requests).toEqual([]);
  });
});
