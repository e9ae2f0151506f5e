/** Supabase: JWT role decoding (service_role reported, anon never), project ref, keyword alignments. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng, makeJwt } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detectors } from "../../src/registry.js";
import { detector, SERVICE_ROLE_BASE64, supabaseClaims } from "../../detectors/supabase/index.js";
import { sampleProjectJwt, sampleRef } from "../../detectors/supabase/samples.js";
import { api } from "../../detectors/supabase/api.js";
import { createSupabaseEmulator } from "../../detectors/supabase/emulator.js";
import { checkAllowed } from "../../src/net/allowlist.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";
import type { TokenInstance } from "../../src/types.js";

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const all = compileRules(detectors);
const scan = (content: string) =>
  scanContent(Buffer.from(content), ".env", all).matches.filter((m) => m.detectorId === "supabase").map((m) => [m.ruleId, m.secret]);

describe("supabase project JWTs", () => {
  it("decodes role, project ref and expiry offline", () => {
    const rng = createRng(1);
    const token = sampleProjectJwt(rng, "service_role", "abcdefghijklmnopqrst");
    expect(supabaseClaims(token)).toMatchObject({ role: "service_role", ref: "abcdefghijklmnopqrst", iss: "supabase" });
    const inference = rule("service-role-key").infer!(token);
    expect(inference.account).toBe("abcdefghijklmnopqrst");
    expect(inference.capabilities).toEqual(expect.arrayContaining(["DELETE_DATA", "READ_PII", "ACCOUNT_WIDE"]));
    expect(inference.expiresAt).toMatch(/^20\d\d-/);
    expect(inference.notes).toContain("project https://abcdefghijklmnopqrst.supabase.co");
  });

  it("reports service_role keys and never anon keys, even side by side", () => {
    const rng = createRng(2);
    const service = sampleProjectJwt(rng, "service_role");
    const anon = sampleProjectJwt(rng, "anon");
    expect(scan(`SUPABASE_ANON_KEY=${anon}\nSUPABASE_SERVICE_ROLE_KEY=${service}\n`)).toEqual([["supabase/service-role-key", service]]);
    expect(rule("service-role-key").validate!(anon)).toEqual({ ok: false, reason: "anon key: publishable by design" });
  });

  it("finds service_role at each of the three base64 alignments of the payload", () => {
    const rng = createRng(3);
    const seen = new Set<string>();
    for (let pad = 0; pad < 6; pad++) {
      const payload = { x: "y".repeat(pad), role: "service_role", ref: sampleRef(rng) };
      const token = makeJwt(payload, rng.chars(ALPHABET.base64url, 43));
      const body = token.split(".")[1]!;
      const keyword = SERVICE_ROLE_BASE64.find((k) => body.includes(k));
      expect(keyword, `alignment with padding ${pad}`).toBeDefined();
      seen.add(keyword!);
      expect(scan(`KEY=${token}\n`)).toEqual([["supabase/service-role-key", token]]);
    }
    expect(seen.size).toBe(3);
  });

  it("labels the self-hosting demo key as a default credential", () => {
    const token = sampleProjectJwt(createRng(4), "service_role", "", "supabase-demo");
    expect(rule("service-role-key").infer!(token).tokenClass).toContain("demo");
  });
});

describe("supabase prefixed keys", () => {
  it("reports sb_secret_ and sbp_ keys and never sb_publishable_", () => {
    const rng = createRng(5);
    const secret = `sb_secret_${rng.chars(ALPHABET.base62, 31)}`;
    const pat = `sbp_${rng.hex(40)}`;
    const publishable = `sb_publishable_${rng.chars(ALPHABET.base62, 31)}`;
    expect(scan(`A=${secret}\nB=${pat}\nC=${publishable}\n`)).toEqual([
      ["supabase/secret-key", secret],
      ["supabase/management-token", pat],
    ]);
    expect(rule("management-token").infer!(pat).capabilities).toContain("DELETE_INFRA");
  });
});

describe("supabase introspection", () => {
  const serve = loopbacksClosedAfterEach();
  const introspect = async (token: TokenInstance, projectKeys: string[] = []) => {
    const server = await serve(createSupabaseEmulator({ projectKeys }));
    return { result: await introspectOne(detector, token, server), requests: server.requests };
  };
  const token = (ruleId: string, secret: string, companions: { ruleId: string; secret: string }[] = []): TokenInstance =>
    foundToken(ruleId, secret, companions, rule(ruleId).capabilities);

  it("asks only the project's own host, taken from the key", () => {
    const check = (origin: string) => checkAllowed(api.allow, { method: "GET", path: "/auth/v1/settings", origin }, api.baseUrl).allowed;
    expect(check("https://abcdefghijklmnopqrst.supabase.co")).toBe(true);
    expect(check("https://evil.example.com")).toBe(false);
    expect(check("https://a.b.supabase.co")).toBe(false);
  });

  it("sends the key as the apikey header to /auth/v1/settings", async () => {
    const key = sampleProjectJwt(createRng(6), "service_role");
    const { result, requests } = await introspect(token("service-role-key", key), [key]);
    expect(result.liveness).toBe("live");
    expect(requests.map((r) => [r.method, r.path, r.headers["apikey"] === key])).toEqual([["GET", "/auth/v1/settings", true]]);
  });

  it("leaves keys without a known project, and the public demo key, unchecked without a request", async () => {
    const rng = createRng(7);
    const secret = await introspect(token("secret-key", `sb_secret_${rng.chars(ALPHABET.base62, 31)}`));
    expect(secret.result).toMatchObject({ liveness: "unchecked" });
    expect(secret.result.reason).toMatch(/project URL unknown/);
    const demo = await introspect(token("service-role-key", sampleProjectJwt(rng, "service_role", "", "supabase-demo")));
    expect(demo.result.reason).toMatch(/demo key/);
    expect([...secret.requests, ...demo.requests]).toEqual([]);
  });
});
