/**
 * Telegram bot tokens: `<bot id>:<35 characters>`, the secret part starting with `AA`. The bot id is
 * the bot's user id. (The Bot API page's own example, `110201543:AAHdqTc…`, is one character short.)
 * In Bot API URLs the token follows `/bot` (`https://api.telegram.org/bot<token>/getMe`).
 * Docs: https://core.telegram.org/bots/api#authorizing-your-bot , https://core.telegram.org/bots/features#botfather .
 * ../shared/providers.md §3.10.
 */
import type { Capability, Detector, Inference } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** A bot token impersonates the bot to all its users and groups, reads incoming messages, and acts as admin where the bot is one. */
const BOT: Capability[] = ["SEND_AS_ORG", "READ_PII", "DELETE_DATA"];

export const detector: Detector = {
  id: "telegram",
  name: "Telegram",
  docsUrl: "https://core.telegram.org/bots/api#authorizing-your-bot",
  remediation: {
    revoke: "https://t.me/BotFather",
    narrower:
      "Revoke the token with @BotFather (/revoke, then pick the bot) and store the new one in a secret store; Telegram bot tokens have no scopes, so give each purpose its own bot and make it an administrator only in the chats that need it, with only the admin rights it uses.",
  },
  api,
  related: {
    paths: ["**/telegram*.json", "**/bot.cfg"],
    content: /api\.telegram\.org|telegraf|node-telegram-bot-api|python-telegram-bot|from telegram|import telebot|aiogram|grammy|tgbotapi|TELEGRAM_(?:BOT_)?TOKEN/,
  },
  rules: [
    {
      id: "bot-token",
      title: "Telegram bot token",
      // The bot id's last digit, the colon and the fixed `AA` make a rare keyword.
      keywords: [..."0123456789"].map((digit) => `${digit}:aa`),
      // A token starts a word, or follows `/bot` in a Bot API URL.
      pattern: new RegExp(`(?:(?<![A-Za-z0-9_])|(?<=/bot))[0-9]{6,12}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])`),
      maxLength: 12 + 1 + 35,
      confidence: "high",
      capabilities: BOT,
      lifetime: "long",
      infer: (secret: string): Inference => {
        const botId = secret.slice(0, secret.indexOf(":"));
        return {
          tokenClass: "bot token",
          capabilities: [...BOT],
          lifetime: "long",
          account: `bot ${botId}`,
          notes: [
            `Telegram bot token of bot ${botId}: sends messages as the bot to all its users and groups, reads what they send it, and acts as administrator in chats where the bot is one.`,
          ],
        };
      },
    },
  ],
};
