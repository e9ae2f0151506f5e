import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const orgToken = (rng: Rng, payload?: Record<string, unknown>): string => {
  const body = payload ?? {
    iat: 1700000000 + rng.int(90_000_000) + rng.next(),
    url: "https://sentry.io/",
    region_url: rng.pick(["https://us.sentry.io", "https://de.sentry.io"]),
    org: `${rng.pick(["acme", "shop", "data"])}-${rng.chars(ALPHABET.alnumLower, 5)}`,
  };
  return `sntrys_${Buffer.from(JSON.stringify(body)).toString("base64")}_${rng.chars(ALPHABET.base64, 43)}`;
};

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "user-auth-token", secret: `sntryu_${rng.hex(64)}`, name: "SENTRY_AUTH_TOKEN" },
    { rule: "user-auth-token", secret: `sntryu_${rng.hex(64)}` },
    { rule: "org-auth-token", secret: orgToken(rng), name: "SENTRY_AUTH_TOKEN" },
    { rule: "org-auth-token", secret: orgToken(rng) },
    { rule: "user-app-token", secret: `sntrya_${rng.hex(64)}` },
    { rule: "integration-token", secret: `sntryi_${rng.hex(64)}`, name: "SENTRY_INTEGRATION_TOKEN" },
    { rule: "legacy-auth-token", secret: rng.hex(64), name: "SENTRY_AUTH_TOKEN" },
    { rule: "legacy-auth-token", secret: rng.hex(64), name: "sentryToken" },
  ],
  negative: (rng) => [
    { content: `SENTRY_DSN=https://${rng.hex(32)}@o${rng.chars(ALPHABET.digits, 6)}.ingest.sentry.io/${rng.chars(ALPHABET.digits, 7)}`, why: "DSN: public by design" },
    { content: `SENTRY_AUTH_TOKEN=${orgToken(rng, { hello: "world", padding: "abcdefghijklmnopqrstuvwxyz" })}`, why: "payload without an organization" },
    { content: `SENTRY_AUTH_TOKEN=sntryu_${"x".repeat(64)}`, why: "placeholder" },
    { content: `SENTRY_AUTH_TOKEN=sntryu_${rng.hex(40)}`, why: "truncated" },
    { content: `id = "xsntryu_${rng.hex(64)}"`, why: "part of a longer word" },
    { content: `GIT_SHA256=${rng.hex(64)}`, why: "64 hex with no Sentry evidence" },
    { content: "SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}", why: "reference" },
    { content: "authToken: process.env.SENTRY_AUTH_TOKEN,", why: "reference" },
    { content: "SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}", why: "reference to a secret store" },
  ],
};
