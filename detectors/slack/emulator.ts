/**
 * Loopback emulator of Slack's auth.test (tests only, never shipped). Answers as documented at
 * https://api.slack.com/methods/auth.test : always HTTP 200 with `ok`; on success `url`, `team`, `user`,
 * `team_id`, `user_id`, `bot_id` for bot tokens, `is_enterprise_install`; granted scopes in the
 * `x-oauth-scopes` header (and `x-accepted-oauth-scopes: ` empty, as auth.test needs none); on failure
 * `{"ok": false, "error": "invalid_auth" | "token_revoked" | "account_inactive" | ...}`.
 */
import { ALPHABET, bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface SlackTokenState {
  token: string;
  team: string;
  user: string;
  bot?: boolean;
  scopes?: string[];
  enterprise?: boolean;
  error?: "token_revoked" | "account_inactive" | "invalid_auth" | "token_expired";
}

const ok = (body: object, scopes?: string[]): EmulatedResponse => ({
  status: 200,
  headers: {
    ...(scopes ? { "x-oauth-scopes": scopes.join(",") } : {}),
    "x-accepted-oauth-scopes": "",
    "x-slack-req-id": "emulated",
  },
  body: { ok: true, ...body },
});

const failure = (error: string): EmulatedResponse => ({ status: 200, headers: { "x-slack-req-id": "emulated" }, body: { ok: false, error } });

export function createSlackEmulator(tokens: readonly SlackTokenState[]): EmulatorHandler {
  return (request) => {
    if (request.method !== "POST" || request.path.split("?", 1)[0] !== "/api/auth.test") return failure("unknown_method");
    const bearer = bearerTokenOf(request, 400);
    if (!bearer) return failure("not_authed");
    const state = tokens.find((t) => t.token === bearer);
    if (!state) return failure("invalid_auth");
    if (state.error) return failure(state.error);
    const slug = state.team.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return ok(
      {
        url: `https://${slug}.slack.com/`,
        team: state.team,
        user: state.user,
        team_id: "T0EMULATED",
        user_id: "U0EMULATED",
        ...(state.bot ? { bot_id: "B0EMULATED" } : {}),
        is_enterprise_install: state.enterprise ?? false,
        ...(state.enterprise ? { enterprise_id: "E0EMULATED" } : {}),
      },
      state.scopes,
    );
  };
}

const digits = (rng: Rng, length: number): string => `${1 + rng.int(9)}${rng.chars(ALPHABET.digits, length - 1)}`;
const botToken = (rng: Rng): string => `xoxb-${digits(rng, 12)}-${digits(rng, 13)}-${rng.chars(ALPHABET.base62, 24)}`;
const userToken = (rng: Rng): string => `xoxp-${digits(rng, 12)}-${digits(rng, 12)}-${digits(rng, 13)}-${rng.hex(32)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const notifier = botToken(rng);
    const admin = userToken(rng);
    const revoked = botToken(rng);
    const unknown = userToken(rng);
    return [
      {
        name: "live bot token that can only post",
        rule: "bot-token",
        secret: notifier,
        handler: createSlackEmulator([{ token: notifier, team: "Acme", user: "deploybot", bot: true, scopes: ["chat:write", "incoming-webhook"] }]),
        expect: {
          liveness: "live",
          owner: "deploybot",
          account: "Acme",
          tokenClass: "bot token",
          scopes: ["chat:write"],
          capabilities: ["SEND_AS_ORG"],
          absentCapabilities: ["READ_PII", "SECRETS_READ", "IAM_WRITE", "ACCOUNT_WIDE"],
          mentions: ["workspace Acme", "scopes chat:write"],
        },
      },
      {
        name: "live admin user token of an Enterprise Grid org-wide install",
        rule: "user-token",
        secret: admin,
        handler: createSlackEmulator([
          {
            token: admin,
            team: "Acme Corp",
            user: "jane",
            enterprise: true,
            scopes: ["admin.users:write", "channels:history", "chat:write", "files:write", "search:read"],
          },
        ]),
        expect: {
          liveness: "live",
          owner: "jane",
          tokenClass: "user token",
          scopes: ["admin.users:write", "channels:history"],
          capabilities: ["IAM_WRITE", "ACCOUNT_WIDE", "READ_PII", "SECRETS_READ", "SEND_AS_ORG", "DELETE_DATA"],
          mentions: ["Enterprise Grid"],
        },
      },
      inactiveCase("revoked bot token", "bot-token", revoked, createSlackEmulator([{ token: revoked, team: "Acme", user: "oldbot", bot: true, error: "token_revoked" }])),
      inactiveCase("unknown user token", "user-token", unknown, createSlackEmulator([])),
    ];
  },
};
