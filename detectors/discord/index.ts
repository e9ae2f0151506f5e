/**
 * Discord bot tokens and webhook URLs.
 * A bot token is `<base64(bot user id)>.<timestamp>.<hmac>`; its first part decodes to the bot's
 * snowflake id, which is how a match is told from any other dotted base64 string. The format has no
 * fixed literal, so a bot token is reported only when assigned to a key whose name says Discord.
 * Webhook URLs (`https://discord.com/api/webhooks/<id>/<token>`) post as the webhook without any token.
 * Docs: https://discord.com/developers/docs/reference#authentication ,
 * https://discord.com/developers/docs/resources/webhook . ../shared/providers.md §3.9.
 */
import { assignmentMaxLength, assignmentSource, base64UrlToBuffer, NOT_AFTER_WORD, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** A bot acts in every server that added it, with the permissions it was granted there (often Administrator). */
const BOT: Capability[] = ["SEND_AS_ORG", "DELETE_DATA", "IAM_WRITE", "READ_PII"];
const WEBHOOK: Capability[] = ["SEND_AS_ORG"];

const DISCORD_EPOCH_MS = 1420070400000n;

/** The bot's user id (a snowflake) decoded from the token's first part, or undefined. */
export function botIdOf(token: string): string | undefined {
  const first = token.split(".")[0] ?? "";
  const decoded = base64UrlToBuffer(first).toString("latin1");
  return /^[1-9][0-9]{16,19}$/.test(decoded) ? decoded : undefined;
}

function snowflakeTime(id: string): string | undefined {
  const ms = (BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const BOT_TOKEN = String.raw`[MNO][A-Za-z0-9_-]{22,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`;

export const detector: Detector = {
  id: "discord",
  name: "Discord",
  docsUrl: "https://discord.com/developers/docs/reference#authentication",
  remediation: {
    revoke: "https://discord.com/developers/applications",
    narrower:
      "Reset the bot token (Developer Portal > your application > Bot > Reset Token) and delete leaked webhooks (channel settings > Integrations > Webhooks); then invite the bot with only the permissions it uses (never Administrator) and keep the token in a secret store.",
  },
  api,
  related: {
    paths: ["**/.discord/**"],
    content: /discord\.js|discord\.py|import discord|from discord|discordgo|@discordjs\/|net\.dv8tion\.jda|serenity::|discord(?:app)?\.com\/api|DISCORD_(?:BOT_)?TOKEN/,
  },
  rules: [
    {
      id: "bot-token",
      title: "Discord bot token",
      keywords: ["discord"],
      pattern: new RegExp(assignmentSource("discord", BOT_TOKEN), "i"),
      maxLength: assignmentMaxLength(7, 26 + 1 + 6 + 1 + 38),
      confidence: "medium",
      capabilities: BOT,
      lifetime: "long",
      validate: validWhen(botIdOf, "first part does not decode to a Discord user id"),
      infer: (secret: string): Inference => {
        const id = botIdOf(secret);
        const created = id ? snowflakeTime(id) : undefined;
        return {
          tokenClass: "bot token",
          capabilities: [...BOT],
          lifetime: "long",
          account: id,
          notes: [
            `Discord bot token${id ? ` of bot user ${id}` : ""}${created ? ` (bot created ${created.slice(0, 10)})` : ""}: acts as the bot in every server that added it, with the permissions granted there.`,
          ],
        };
      },
    },
    {
      id: "webhook-url",
      title: "Discord webhook URL",
      keywords: ["discord.com/api/", "discordapp.com/api/"],
      pattern: new RegExp(
        `${NOT_AFTER_WORD}https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])`,
      ),
      // https:// + canary. + discordapp.com + /api/ + v10/ + webhooks/ + id + / + token
      maxLength: 8 + 7 + 14 + 5 + 4 + 9 + 20 + 1 + 80,
      confidence: "high",
      capabilities: WEBHOOK,
      lifetime: "long",
      infer: (secret: string): Inference => {
        const id = /webhooks\/([0-9]{17,20})\//.exec(secret)?.[1];
        return {
          tokenClass: "webhook URL",
          capabilities: [...WEBHOOK],
          lifetime: "long",
          account: id,
          notes: ["Discord webhook URL: anyone holding it can post messages (with any name and avatar) to its channel, or delete the webhook."],
        };
      },
    },
  ],
};
