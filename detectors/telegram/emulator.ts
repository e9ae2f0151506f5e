/**
 * Loopback emulator of the Telegram Bot API's getMe and getWebhookInfo (tests only, never shipped).
 * Answers as documented at https://core.telegram.org/bots/api#making-requests : HTTP 200
 * `{"ok": true, "result": ...}`, or `{"ok": false, "error_code": 401, "description": "Unauthorized"}`
 * with status 401 for a revoked or unknown token, and 404 "Not Found" for an unknown method.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface BotState {
  token: string;
  username: string;
  firstName: string;
  readsAllGroupMessages?: boolean;
  webhookUrl?: string;
  pending?: number;
  revoked?: boolean;
}

const failure = (status: number, description: string): EmulatedResponse => ({
  status,
  body: { ok: false, error_code: status, description },
});

export function createTelegramEmulator(bots: readonly BotState[]): EmulatorHandler {
  return (request) => {
    const match = /^\/bot([^/]{1,100})\/([A-Za-z]{1,40})$/.exec(request.path.split("?", 1)[0] ?? "");
    if (!match) return failure(404, "Not Found");
    const bot = bots.find((b) => b.token === decodeURIComponent(match[1] ?? ""));
    if (!bot || bot.revoked) return failure(401, "Unauthorized");
    const id = Number(bot.token.slice(0, bot.token.indexOf(":")));
    switch (match[2]) {
      case "getMe":
        return {
          status: 200,
          body: {
            ok: true,
            result: {
              id,
              is_bot: true,
              first_name: bot.firstName,
              username: bot.username,
              can_join_groups: true,
              can_read_all_group_messages: bot.readsAllGroupMessages ?? false,
              supports_inline_queries: false,
              can_connect_to_business: false,
              has_main_web_app: false,
            },
          },
        };
      case "getWebhookInfo":
        return {
          status: 200,
          body: {
            ok: true,
            result: {
              url: bot.webhookUrl ?? "",
              has_custom_certificate: false,
              pending_update_count: bot.pending ?? 0,
              ...(bot.webhookUrl ? { max_connections: 40, ip_address: "203.0.113.7" } : {}),
            },
          },
        };
      default:
        return failure(404, "Not Found");
    }
  };
}

const botToken = (rng: Rng): string => `${6 + rng.int(3)}${rng.chars(ALPHABET.digits, 9)}:AA${rng.chars(ALPHABET.base64url, 33)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const webhookBot = botToken(rng);
    const pollingBot = botToken(rng);
    const revoked = botToken(rng);
    return [
      {
        name: "live bot with privacy mode off and a webhook",
        rule: "bot-token",
        secret: webhookBot,
        handler: createTelegramEmulator([
          { token: webhookBot, username: "acme_orders_bot", firstName: "Acme Orders", readsAllGroupMessages: true, webhookUrl: "https://hooks.acme.example/tg/s3cr3t-path", pending: 3 },
        ]),
        expect: {
          liveness: "live",
          owner: "@acme_orders_bot",
          account: `bot ${webhookBot.slice(0, webhookBot.indexOf(":"))}`,
          tokenClass: "bot token",
          capabilities: ["SEND_AS_ORG", "READ_PII"],
          mentions: ["privacy mode off", "webhook to hooks.acme.example (3 pending updates)"],
        },
      },
      {
        name: "live polling bot",
        rule: "bot-token",
        secret: pollingBot,
        handler: createTelegramEmulator([{ token: pollingBot, username: "acme_helper_bot", firstName: "Helper" }]),
        expect: { liveness: "live", owner: "@acme_helper_bot", mentions: ["privacy mode on", "polls for updates"] },
      },
      inactiveCase("revoked bot token", "bot-token", revoked, createTelegramEmulator([{ token: revoked, username: "old_bot", firstName: "Old", revoked: true }])),
    ];
  },
};
