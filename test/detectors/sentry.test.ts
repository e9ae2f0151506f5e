/** Sentry: prefixed token kinds, organization token payload decoding, unprefixed tokens under Sentry names. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector, orgTokenPayload } from "../../detectors/sentry/index.js";
import { expectFastOnRepeats } from "../support/speed.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".sentryclirc", compiled);

describe("sentry detector", () => {
  const rng = createRng(71);
  const orgToken = (payload: Record<string, unknown>) =>
    `sntrys_${Buffer.from(JSON.stringify(payload)).toString("base64")}_${rng.chars(ALPHABET.base64, 43)}`;

  it("classifies user, user-app and integration tokens", () => {
    const tokens = [`sntryu_${rng.hex(64)}`, `sntrya_${rng.hex(64)}`, `sntryi_${rng.hex(64)}`];
    expect(scan(tokens.join("\n")).matches.map((m) => m.ruleId)).toEqual([
      "sentry/user-auth-token",
      "sentry/user-app-token",
      "sentry/integration-token",
    ]);
  });

  it("decodes an organization token's organization and Sentry URL", () => {
    const token = orgToken({ iat: 1712345678.25, url: "https://sentry.example.org", region_url: "https://sentry.example.org", org: "acme" });
    expect(orgTokenPayload(token)?.["org"]).toBe("acme");
    expect(scan(`[auth]\ntoken=${token}\n`).matches.map((m) => m.secret)).toEqual([token]);
    const inference = detector.rules.find((r) => r.id === "org-auth-token")!.infer!(token);
    expect(inference.account).toBe("acme");
    expect(inference.notes.join(" ")).toContain("https://sentry.example.org");
  });

  it("drops sntrys_ strings whose payload has no organization", () => {
    const token = orgToken({ iat: 1, url: "https://sentry.io", region_url: "https://us.sentry.io" });
    expect(scan(`token=${token}`).dropped.map((d) => d.reason)).toEqual(["payload is not a Sentry organization token"]);
  });

  it("reports 64-hex tokens only under a Sentry key name", () => {
    const token = rng.hex(64);
    expect(scan(`SENTRY_AUTH_TOKEN=${token}`).matches.map((m) => m.ruleId)).toEqual(["sentry/legacy-auth-token"]);
    expect(scan(`CHECKSUM=${token}`).matches).toEqual([]);
  });

  it("stays fast on adversarial repetitions of its keywords", () => {
    expectFastOnRepeats(compiled, ["sntrys_eyJ", "sntryu_a", "sentry_token=", "sntrys_eyJAAAA_"]);
  });
});
