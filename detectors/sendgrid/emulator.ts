/**
 * Loopback emulator of the SendGrid v3 endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented at https://www.twilio.com/docs/sendgrid/api-reference : GET /v3/scopes ->
 * `{"scopes": [...]}`; errors `{"errors": [{"field": null, "message": "authorization required"}]}` (401)
 * and `"access forbidden"` (403); GET /v3/user/username -> `{"username", "user_id"}` with user.username.read.
 */
import { ALPHABET, bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface SendgridKeyState {
  key: string;
  scopes: string[];
  username?: string;
  deleted?: boolean;
}

const errors = (status: number, message: string): EmulatedResponse => ({ status, body: { errors: [{ field: null, message }] } });

export function createSendgridEmulator(keys: readonly SendgridKeyState[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request);
    const state = keys.find((k) => k.key === bearer);
    if (!state || state.deleted) return errors(401, "authorization required");
    const path = request.path.split("?", 1)[0];
    if (request.method === "GET" && path === "/v3/scopes") return { status: 200, body: { scopes: state.scopes } };
    if (request.method === "GET" && path === "/v3/user/username") {
      if (!state.scopes.includes("user.username.read")) return errors(403, "access forbidden");
      return { status: 200, body: { username: state.username ?? "unknown", user_id: 1234567 } };
    }
    return errors(404, "resource not found");
  };
}

/** A Full Access key: every resource with create, read, update and delete (about 300 scopes in reality). */
export function fullAccessScopes(): string[] {
  const resources = [
    "alerts", "api_keys", "asm.groups", "asm.groups.suppressions", "categories", "clients.desktop.stats", "credentials",
    "designs", "ips", "ips.pools", "ips.warmup", "mail_settings.bcc", "mail_settings.footer", "marketing", "marketing.automation",
    "messages", "partner_settings", "subusers", "subusers.credits", "subusers.monitor", "suppression.bounces", "suppression.blocks",
    "suppression.invalid_emails", "suppression.spam_reports", "suppression.unsubscribes", "teammates", "templates", "templates.versions",
    "tracking_settings.click", "tracking_settings.open", "user.account", "user.credits", "user.email", "user.profile", "user.settings.enforced_tls",
    "user.timezone", "user.username", "user.webhooks.event.settings", "user.webhooks.parse.settings", "whitelabel", "access_settings.activity",
  ];
  const scopes = resources.flatMap((r) => ["create", "read", "update", "delete"].map((a) => `${r}.${a}`));
  return [...scopes, "mail.send", "mail.batch.create", "mail.batch.read", "stats.read", "billing.read", "billing.update"];
}

const key = (rng: Rng): string => `SG.${rng.chars(ALPHABET.base64url, 22)}.${rng.chars(ALPHABET.base64url, 43)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const full = key(rng);
    const sendOnly = key(rng);
    const deleted = key(rng);
    return [
      {
        name: "live Full Access key",
        rule: "api-key",
        secret: full,
        handler: createSendgridEmulator([{ key: full, scopes: fullAccessScopes(), username: "acme-mail" }]),
        expect: {
          liveness: "live",
          owner: "acme-mail",
          tokenClass: "Full Access API key",
          scopes: ["mail.send", "api_keys.create", "teammates.delete"],
          capabilities: ["SEND_AS_ORG", "IAM_WRITE", "DELETE_DATA", "READ_PII", "ACCOUNT_WIDE", "SPEND"],
          mentions: ["Full Access key", "can send mail"],
        },
      },
      {
        name: "live restricted key: mail.send only",
        rule: "api-key",
        secret: sendOnly,
        handler: createSendgridEmulator([{ key: sendOnly, scopes: ["mail.send", "sender_verification_eligible", "2fa_required"] }]),
        expect: {
          liveness: "live",
          tokenClass: "Restricted Access API key",
          scopes: ["mail.send"],
          capabilities: ["SEND_AS_ORG"],
          absentCapabilities: ["IAM_WRITE", "DELETE_DATA", "READ_PII", "ACCOUNT_WIDE"],
          mentions: ["restricted key with 3 scopes"],
        },
      },
      inactiveCase("deleted key", "api-key", deleted, createSendgridEmulator([{ key: deleted, scopes: ["mail.send"], deleted: true }])),
    ];
  },
};
