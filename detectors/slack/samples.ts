import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const digits = (rng: Rng, length: number): string => `${1 + rng.int(9)}${rng.chars(ALPHABET.digits, length - 1)}`;
const alnum = (rng: Rng, length: number): string => rng.chars(ALPHABET.base62, length);
const upper = (rng: Rng, length: number): string => rng.chars(ALPHABET.alnumUpper, length);

const botToken = (rng: Rng): string => `xoxb-${digits(rng, 12)}-${digits(rng, 13)}-${alnum(rng, 24)}`;
const webhook = (rng: Rng): string =>
  `https://hooks.slack.com/services/T${upper(rng, 10)}/B${upper(rng, 10)}/${alnum(rng, 24)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "bot-token", secret: botToken(rng), name: "SLACK_BOT_TOKEN" },
    { rule: "bot-token", secret: `xoxb-${digits(rng, 11)}-${alnum(rng, 24)}` },
    { rule: "user-token", secret: `xoxp-${digits(rng, 12)}-${digits(rng, 12)}-${digits(rng, 13)}-${rng.hex(32)}`, name: "SLACK_USER_TOKEN" },
    { rule: "rotating-access-token", secret: `xoxe.xoxb-1-${alnum(rng, 165)}` },
    { rule: "rotating-access-token", secret: `xoxe.xoxp-1-${alnum(rng, 163)}` },
    { rule: "refresh-token", secret: `xoxe-1-${alnum(rng, 146)}`, name: "SLACK_REFRESH_TOKEN" },
    { rule: "app-level-token", secret: `xapp-1-A${upper(rng, 10)}-${digits(rng, 13)}-${rng.hex(64)}`, name: "SLACK_APP_TOKEN" },
    { rule: "legacy-token", secret: `xoxa-2-${alnum(rng, 40)}` },
    { rule: "legacy-token", secret: `xoxs-${digits(rng, 10)}-${digits(rng, 11)}-${digits(rng, 12)}-${rng.hex(64)}` },
    { rule: "legacy-token", secret: `xoxo-${digits(rng, 10)}-${digits(rng, 11)}-${digits(rng, 12)}-${rng.hex(32)}` },
    { rule: "legacy-refresh-token", secret: `xoxr-${alnum(rng, 40)}` },
    { rule: "browser-session-token", secret: `xoxc-${digits(rng, 10)}-${digits(rng, 11)}-${digits(rng, 13)}-${rng.hex(64)}` },
    { rule: "webhook-url", secret: webhook(rng), name: "SLACK_WEBHOOK_URL" },
    { rule: "webhook-url", secret: `https://hooks.slack.com/triggers/T${upper(rng, 10)}/${digits(rng, 13)}/${rng.hex(32)}` },
    {
      rule: "webhook-url",
      secret: `https://hooks.slack.com/workflows/T${upper(rng, 10)}/A${upper(rng, 10)}/${digits(rng, 18)}/${alnum(rng, 32)}`,
    },
  ],
  negative: (rng) => {
    const bot = botToken(rng);
    return [
      { content: `SLACK_BOT_TOKEN=xoxb-${"X".repeat(12)}-${"X".repeat(13)}-${"X".repeat(24)}`, why: "placeholder" },
      { content: `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${"0".repeat(8)}/B${"0".repeat(8)}/${"X".repeat(24)}`, why: "documented placeholder URL" },
      { content: `SLACK_BOT_TOKEN=${bot.slice(0, 22)}`, why: "truncated" },
      { content: `const name = "nxoxb-${digits(rng, 12)}-${digits(rng, 13)}-${alnum(rng, 24)}";`, why: "part of a longer word" },
      { content: `SLACK_BOT_TOKEN="${bot}-extra"`, why: "continues past the token" },
      { content: `url = "https://hooks.slack.com/services/T${upper(rng, 10)}/B${upper(rng, 10)}/${alnum(rng, 12)}"`, why: "truncated webhook secret" },
      { content: "SLACK_BOT_TOKEN=${{ secrets.SLACK_BOT_TOKEN }}", why: "reference" },
      { content: "token = os.environ['SLACK_BOT_TOKEN']  # starts with xoxb-", why: "reference and a bare prefix" },
    ];
  },
};
