import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const token = (rng: Rng, kind: string, length = 43, environment = ""): string =>
  `dp.${kind}.${environment ? `${environment}.` : ""}${rng.chars(ALPHABET.base62, length)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "personal-token", secret: token(rng, "pt"), name: "DOPPLER_TOKEN" },
    { rule: "personal-token", secret: token(rng, "pt", 40) },
    { rule: "cli-token", secret: token(rng, "ct", 44) },
    { rule: "service-token", secret: token(rng, "st"), name: "DOPPLER_TOKEN" },
    { rule: "service-token", secret: token(rng, "st", 44, "prd") },
    { rule: "service-token", secret: token(rng, "st", 43, "dev_backend") },
    { rule: "service-account-token", secret: token(rng, "sa") },
    { rule: "service-account-identity-token", secret: token(rng, "said") },
    { rule: "scim-token", secret: token(rng, "scim") },
    { rule: "audit-token", secret: token(rng, "audit") },
  ],
  negative: (rng) => [
    { content: `DOPPLER_TOKEN=dp.pt.${["bAqhcVzrhy5cRHkOlNTc0Ve6w5", "NUDCpcutm8vGE9myi"].join("")}`, why: "Doppler's documented example" },
    { content: `DOPPLER_TOKEN=dp.st.${"x".repeat(43)}`, why: "placeholder" },
    { content: `DOPPLER_TOKEN=${token(rng, "pt", 30)}`, why: "truncated" },
    { content: `DOPPLER_TOKEN=${token(rng, "pt", 50)}`, why: "too long for the format" },
    { content: `const host = "cdp.pt.${rng.chars(ALPHABET.base62, 43)}";`, why: "part of a longer word" },
    { content: "DOPPLER_TOKEN=${DOPPLER_TOKEN}", why: "reference" },
    { content: "token: process.env.DOPPLER_TOKEN", why: "reference" },
    { content: "DOPPLER_TOKEN: ${{ secrets.DOPPLER_TOKEN }}", why: "reference to a secret store" },
  ],
};
