/** Slack: token classes, webhook URLs, scope mapping, and tokens that are never sent anywhere. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { introspectAll, UNSUPPORTED_REASON } from "../../src/introspect/run.js";
import { detector } from "../../detectors/slack/index.js";
import { capabilitiesOfScope } from "../../detectors/slack/api.js";
import { foundToken, loopbacksClosedAfterEach } from "../support/introspection.js";

const set = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), "notify.py", set).matches.map((m) => [m.ruleId, m.secret]);
const rng = createRng(5);
const upper = (n: number) => rng.chars(ALPHABET.alnumUpper, n);

const serve = loopbacksClosedAfterEach();

describe("slack", () => {
  it("extracts the whole webhook URL, and nothing from a placeholder URL", () => {
    const url = `https://hooks.slack.com/services/T${upper(10)}/B${upper(10)}/${rng.chars(ALPHABET.base62, 24)}`;
    expect(scan(`requests.post("${url}", json=payload)\n`)).toEqual([["slack/webhook-url", url]]);
    expect(scan(`url = "https://hooks.slack.com/services/T00000000/B00000000/${"X".repeat(24)}"\n`)).toEqual([]);
  });

  it("tells bot, user, rotating and refresh tokens apart", () => {
    const bot = `xoxb-${rng.chars(ALPHABET.digits, 12)}-${rng.chars(ALPHABET.digits, 13)}-${rng.chars(ALPHABET.base62, 24)}`;
    const rotating = `xoxe.xoxp-1-${rng.chars(ALPHABET.base62, 166)}`;
    const refresh = `xoxe-1-${rng.chars(ALPHABET.base62, 146)}`;
    expect(scan(`a = "${bot}"\nb = "${rotating}"\nc = "${refresh}"\n`).map(([id]) => id)).toEqual([
      "slack/bot-token",
      "slack/rotating-access-token",
      "slack/refresh-token",
    ]);
  });

  it("maps scopes to capabilities", () => {
    expect(capabilitiesOfScope("chat:write.customize")).toEqual(["SEND_AS_ORG"]);
    expect(capabilitiesOfScope("admin.users:write")).toEqual(["IAM_WRITE", "ACCOUNT_WIDE", "DELETE_DATA"]);
    expect(capabilitiesOfScope("channels:history")).toEqual(["READ_PII", "SECRETS_READ"]);
    expect(capabilitiesOfScope("reactions:read")).toEqual([]);
  });

  it("never sends refresh tokens, app-level tokens, session tokens or webhook URLs", async () => {
    const server = await serve(() => ({ status: 200, body: { ok: true, user: "x", team: "y" } }));
    const secrets: Record<string, string> = {
      "refresh-token": `xoxe-1-${rng.chars(ALPHABET.base62, 146)}`,
      "legacy-refresh-token": `xoxr-${rng.chars(ALPHABET.base62, 40)}`,
      "app-level-token": `xapp-1-A${upper(10)}-${rng.chars(ALPHABET.digits, 13)}-${rng.hex(64)}`,
      "browser-session-token": `xoxc-1-2-3-${rng.hex(64)}`,
      "webhook-url": `https://hooks.slack.com/services/T${upper(10)}/B${upper(10)}/${rng.chars(ALPHABET.base62, 24)}`,
    };
    const results = await introspectAll(
      Object.entries(secrets).map(([ruleId, secret]) => ({
        key: ruleId,
        detector,
        token: foundToken(ruleId, secret),
      })),
      { offline: false, endpoints: new Map([["slack", server.url]]) },
    );
    for (const ruleId of Object.keys(secrets)) expect(results.get(ruleId), ruleId).toEqual({ liveness: "unchecked", reason: UNSUPPORTED_REASON });
    expect(server.requests).toEqual([]);
  });
});
