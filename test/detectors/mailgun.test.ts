/** Mailgun: legacy key- keys, current keys under Mailgun names, signing keys, public keys ignored. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/mailgun/index.js";
import { api } from "../../detectors/mailgun/api.js";
import { createMailgunEmulator } from "../../detectors/mailgun/emulator.js";
import { foundToken, introspectDirectly, loopbacksClosedAfterEach } from "../support/introspection.js";
import { expectFastOnRepeats } from "../support/speed.js";

const compiled = compileRules([detector]);
const found = (content: string) =>
  scanContent(Buffer.from(content), ".env", compiled).matches.map((m) => [m.ruleId, m.secret, m.evidence]);

describe("mailgun detector", () => {
  const rng = createRng(8);
  const current = () => `${rng.hex(32)}-${rng.hex(8)}-${rng.hex(8)}`;

  it("finds a legacy private key anywhere, but never the public validation key", () => {
    const key = `key-${rng.hex(32)}`;
    expect(found(`auth: { username: 'api', key: '${key}' }\npublic: 'pubkey-${rng.hex(32)}'`)).toEqual([
      ["mailgun/private-api-key", key, undefined],
    ]);
  });

  it("tells a webhook signing key from an API key by the key name", () => {
    const signing = current();
    const api = current();
    expect(found(`MAILGUN_WEBHOOK_SIGNING_KEY=${signing}\nMAILGUN_API_KEY=${api}\n`)).toEqual([
      ["mailgun/webhook-signing-key", signing, "MAILGUN_WEBHOOK_SIGNING_KEY"],
      ["mailgun/api-key", api, "MAILGUN_API_KEY"],
    ]);
    expect(detector.rules.find((r) => r.id === "webhook-signing-key")!.infer!(signing).capabilities).toEqual([]);
  });

  it("needs Mailgun evidence for the current key shape", () => {
    expect(found(`EMAIL_API_KEY=${current()}`)).toEqual([]);
    expect(found(`webhookSigningKey: "${current()}"`)).toEqual([]);
  });

  it("stays fast on adversarial repetitions of its keywords", () => {
    expectFastOnRepeats(compiled, ["key-a", "MAILGUN_KEY=", "mailgun_webhook_"]);
  });

  describe("introspection", () => {
    const serve = loopbacksClosedAfterEach();

    it("authenticates as api:<key> and asks the EU region after a US 401", async () => {
      const secret = current();
      const server = await serve(createMailgunEmulator([{ key: secret, region: "EU", domains: [{ name: "mg.acme.example", state: "active" }] }]));
      const result = await introspectDirectly(api, "mailgun", foundToken("mailgun/api-key", secret), server);
      expect(result).toMatchObject({ liveness: "live", account: "EU region" });
      expect(server.requests).toHaveLength(2);
      for (const r of server.requests) {
        expect(r.path).toBe("/v4/domains?limit=10");
        expect(r.headers.authorization).toBe(`Basic ${Buffer.from(`api:${secret}`).toString("base64")}`);
      }
    });

    it("declares the EU origin on the allowlist for the second call only", () => {
      expect(api.allow).toEqual([
        { method: "GET", path: "/v4/domains" },
        { method: "GET", path: "/v4/domains", origin: "https://api.eu.mailgun.net" },
      ]);
    });
  });
});
