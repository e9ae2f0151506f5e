import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const currentKey = (rng: Rng): string => `${rng.hex(32)}-${rng.hex(8)}-${rng.hex(8)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "private-api-key", secret: `key-${rng.hex(32)}`, name: "MAILGUN_API_KEY" },
    { rule: "private-api-key", secret: `key-${rng.hex(32)}` },
    { rule: "api-key", secret: currentKey(rng), name: "MAILGUN_API_KEY" },
    { rule: "api-key", secret: currentKey(rng), name: "MAILGUN_SENDING_KEY" },
    { rule: "webhook-signing-key", secret: currentKey(rng), name: "MAILGUN_WEBHOOK_SIGNING_KEY" },
    { rule: "webhook-signing-key", secret: currentKey(rng), name: "MAILGUN_SIGNING_KEY" },
  ],
  negative: (rng) => [
    { content: `MAILGUN_PUBLIC_KEY=pubkey-${rng.hex(32)}`, why: "public validation key: safe in browsers" },
    { content: `MAILGUN_API_KEY=key-${"x".repeat(32)}`, why: "placeholder" },
    { content: `MAILGUN_API_KEY=key-${rng.hex(20)}`, why: "truncated" },
    { content: `const css = "hotkey-${rng.hex(32)}";`, why: "part of a longer word" },
    { content: `API_KEY=${currentKey(rng)}`, why: "current-format key with no Mailgun evidence" },
    { content: "MAILGUN_API_KEY=${MAILGUN_API_KEY}", why: "reference" },
    { content: "mg.client({ username: 'api', key: process.env.MAILGUN_API_KEY })", why: "reference" },
    { content: "MAILGUN_API_KEY: ${{ secrets.MAILGUN_API_KEY }}", why: "reference to a secret store" },
  ],
};
