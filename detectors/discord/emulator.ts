/**
 * Loopback emulator of Discord's REST API v10 for bot tokens and webhooks (tests only, never shipped).
 * Answers as documented at https://discord.com/developers/docs/reference : 401
 * `{"message": "401: Unauthorized", "code": 0}` for a bad bot token; GET /users/@me -> user object;
 * GET /users/@me/guilds -> partial guilds with `permissions` as a string bitfield and, with
 * `with_counts=true`, approximate member counts; GET /webhooks/{id}/{token} -> webhook object, or
 * 401 `{"message": "Invalid Webhook Token", "code": 50027}`, or 404 `{"message": "Unknown Webhook", "code": 10015}`.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface GuildState {
  id: string;
  name: string;
  permissions: bigint;
  members: number;
}

export interface BotState {
  token: string;
  id: string;
  username: string;
  guilds: GuildState[];
  reset?: boolean;
}

export interface WebhookState {
  id: string;
  token: string;
  name: string;
  guildId: string;
  channelId: string;
  deleted?: boolean;
}

const unauthorized = (): EmulatedResponse => ({ status: 401, body: { message: "401: Unauthorized", code: 0 } });

export function createDiscordEmulator(state: { bots?: readonly BotState[]; webhooks?: readonly WebhookState[] }): EmulatorHandler {
  return (request) => {
    const [pathname = "", query = ""] = request.path.split("?", 2);
    const hook = /^\/api\/v10\/webhooks\/([0-9]{17,20})\/([^/]{1,100})$/.exec(pathname);
    if (hook) {
      const webhook = (state.webhooks ?? []).find((w) => w.id === hook[1]);
      if (!webhook || webhook.deleted) return { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
      if (webhook.token !== hook[2]) return { status: 401, body: { message: "Invalid Webhook Token", code: 50027 } };
      return {
        status: 200,
        body: { application_id: null, avatar: null, channel_id: webhook.channelId, guild_id: webhook.guildId, id: webhook.id, name: webhook.name, type: 1, token: webhook.token },
      };
    }
    const secret = /^Bot (\S{1,200})$/.exec(request.headers.authorization ?? "")?.[1];
    const bot = (state.bots ?? []).find((b) => b.token === secret);
    if (!bot || bot.reset) return unauthorized();
    if (pathname === "/api/v10/users/@me") {
      return {
        status: 200,
        headers: { "x-ratelimit-limit": "5", "x-ratelimit-remaining": "4" },
        body: { id: bot.id, username: bot.username, discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0, mfa_enabled: false },
      };
    }
    if (pathname === "/api/v10/users/@me/guilds") {
      const counts = /(?:^|&)with_counts=true(?:&|$)/.test(query);
      return {
        status: 200,
        body: bot.guilds.map((g) => ({
          id: g.id,
          name: g.name,
          icon: null,
          owner: false,
          permissions: g.permissions.toString(),
          features: [],
          ...(counts ? { approximate_member_count: g.members, approximate_presence_count: Math.floor(g.members / 3) } : {}),
        })),
      };
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  };
}

const snowflake = (rng: Rng): string => `1${rng.chars(ALPHABET.digits, 18)}`;
const botToken = (rng: Rng, id: string): string =>
  `${Buffer.from(id).toString("base64url")}.${rng.chars(ALPHABET.base64url, 6)}.${rng.chars(ALPHABET.base64url, 38)}`;

/** VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY */
const CHAT_ONLY = (1n << 10n) | (1n << 11n) | (1n << 16n);
const ADMINISTRATOR = 1n << 3n;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const adminId = snowflake(rng);
    const admin = botToken(rng, adminId);
    const chatId = snowflake(rng);
    const chat = botToken(rng, chatId);
    const resetId = snowflake(rng);
    const reset = botToken(rng, resetId);
    const hookId = snowflake(rng);
    const hookToken = rng.chars(ALPHABET.base64url, 68);
    const deletedId = snowflake(rng);
    const deletedToken = rng.chars(ALPHABET.base64url, 68);
    return [
      {
        name: "live bot, administrator of one server",
        rule: "bot-token",
        secret: admin,
        handler: createDiscordEmulator({
          bots: [{ token: admin, id: adminId, username: "acme-mod", guilds: [
            { id: snowflake(rng), name: "Acme Community", permissions: ADMINISTRATOR | CHAT_ONLY, members: 12000 },
            { id: snowflake(rng), name: "Acme Staff", permissions: CHAT_ONLY, members: 40 },
          ] }],
        }),
        expect: {
          liveness: "live",
          owner: "acme-mod",
          account: adminId,
          tokenClass: "bot token",
          capabilities: ["IAM_WRITE", "DELETE_DATA", "SEND_AS_ORG", "READ_PII"],
          mentions: ["administrator of 1 server", "server Acme Community, 12000 members: administrator"],
        },
      },
      {
        name: "live bot that can only chat",
        rule: "bot-token",
        secret: chat,
        handler: createDiscordEmulator({
          bots: [{ token: chat, id: chatId, username: "acme-helper", guilds: [{ id: snowflake(rng), name: "Acme Staff", permissions: CHAT_ONLY, members: 40 }] }],
        }),
        expect: {
          liveness: "live",
          capabilities: ["SEND_AS_ORG", "READ_PII"],
          absentCapabilities: ["IAM_WRITE", "DELETE_DATA"],
          mentions: ["in 1 server"],
        },
      },
      inactiveCase("reset bot token", "bot-token", reset, createDiscordEmulator({ bots: [{ token: reset, id: resetId, username: "old-bot", guilds: [], reset: true }] })),
      {
        name: "live webhook",
        rule: "webhook-url",
        secret: `https://discord.com/api/webhooks/${hookId}/${hookToken}`,
        handler: createDiscordEmulator({ webhooks: [{ id: hookId, token: hookToken, name: "Deploy bot", guildId: "111122223333444455", channelId: "999988887777666655" }] }),
        expect: { liveness: "live", owner: "Deploy bot", tokenClass: "webhook URL", capabilities: ["SEND_AS_ORG"], mentions: ["channel 999988887777666655"] },
      },
      inactiveCase("deleted webhook", "webhook-url", `https://discordapp.com/api/webhooks/${deletedId}/${deletedToken}`, createDiscordEmulator({ webhooks: [{ id: deletedId, token: deletedToken, name: "Old", guildId: "1", channelId: "2", deleted: true }] })),
    ];
  },
};
