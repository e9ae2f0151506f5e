import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

/** A snowflake id of 18 or 19 digits (bots created since 2016). */
const snowflake = (rng: Rng, digits = 18): string => `${1 + rng.int(9)}${rng.chars(ALPHABET.digits, digits - 1)}`;

const botToken = (rng: Rng, digits = 18, hmacLength = 38): string =>
  `${Buffer.from(snowflake(rng, digits)).toString("base64url")}.${rng.chars(ALPHABET.base64url, 6)}.${rng.chars(ALPHABET.base64url, hmacLength)}`;

const webhook = (rng: Rng, host = "discord.com", version = ""): string =>
  `https://${host}/api/${version}webhooks/${snowflake(rng, 19)}/${rng.chars(ALPHABET.base64url, 68)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "bot-token", secret: botToken(rng), name: "DISCORD_BOT_TOKEN" },
    { rule: "bot-token", secret: botToken(rng, 19, 27), name: "DISCORD_TOKEN" },
    { rule: "bot-token", secret: botToken(rng, 19), name: "discord_token" },
    { rule: "webhook-url", secret: webhook(rng), name: "DISCORD_WEBHOOK_URL" },
    { rule: "webhook-url", secret: webhook(rng, "discordapp.com") },
    { rule: "webhook-url", secret: webhook(rng, "canary.discord.com", "v10/") },
  ],
  negative: (rng) => {
    const fakeId = `${Buffer.from(`1x${rng.chars(ALPHABET.digits, 16)}`).toString("base64url")}.${rng.chars(ALPHABET.base64url, 6)}.${rng.chars(ALPHABET.base64url, 38)}`;
    return [
      { content: `DISCORD_BOT_TOKEN=${fakeId}`, why: "first part does not decode to a user id" },
      { content: `BOT_TOKEN=${botToken(rng)}`, why: "no Discord evidence in the key name" },
      { content: `DISCORD_TOKEN=${botToken(rng).slice(0, 40)}`, why: "truncated" },
      { content: "DISCORD_TOKEN=your_discord_bot_token_here", why: "placeholder" },
      { content: `DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/${snowflake(rng, 19)}/${"x".repeat(68)}`, why: "placeholder webhook token" },
      { content: `see https://discord.com/api/webhooks/${snowflake(rng, 19)}/abc`, why: "truncated webhook" },
      { content: "DISCORD_TOKEN=${DISCORD_TOKEN}", why: "reference" },
      { content: "client.login(process.env.DISCORD_TOKEN)", why: "reference" },
      { content: "DISCORD_WEBHOOK: ${{ secrets.DISCORD_WEBHOOK }}", why: "reference to a secret store" },
    ];
  },
};
