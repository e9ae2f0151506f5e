import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const scannable = (rng: Rng, prefix: string): string => `${prefix}${rng.chars(ALPHABET.base62, 40)}${rng.hex(8)}`;
const legacyToken = (rng: Rng): string => rng.chars(`${ALPHABET.base62}_-`, 40);

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "user-api-token", secret: scannable(rng, "cfut_"), name: "CLOUDFLARE_API_TOKEN" },
    { rule: "user-api-token", secret: scannable(rng, "cfut_") },
    { rule: "account-api-token", secret: scannable(rng, "cfat_") },
    { rule: "global-api-key", secret: scannable(rng, "cfk_"), name: "CLOUDFLARE_API_KEY" },
    { rule: "api-token-legacy", secret: legacyToken(rng), name: "CLOUDFLARE_API_TOKEN" },
    { rule: "api-token-legacy", secret: legacyToken(rng), name: "TF_VAR_CLOUDFLARE_DNS_TOKEN" },
    { rule: "global-api-key-legacy", secret: rng.hex(37), name: "CLOUDFLARE_API_KEY" },
    (() => {
      const secret = rng.hex(37);
      return { rule: "global-api-key-legacy", secret, content: `export CF_API_EMAIL=ops@example.org\nexport CF_API_KEY=${secret}\n`, path: "deploy/dns.sh" };
    })(),
    { rule: "origin-ca-key", secret: `v1.0-${rng.hex(24)}-${rng.hex(146)}`, name: "ORIGIN_CA_KEY" },
  ],
  negative: (rng) => [
    { content: `GITHUB_SHA=${rng.hex(40)}`, why: "a 40-character value with no Cloudflare evidence" },
    { content: `API_KEY=${rng.hex(37)}`, why: "a 37-hex value with no Cloudflare evidence" },
    { content: `CLOUDFLARE_ACCOUNT_ID=${rng.hex(32)}`, why: "account id, not a credential" },
    { content: "CLOUDFLARE_API_TOKEN=your_cloudflare_api_token_here_xxxxxxxxx", why: "placeholder" },
    { content: `CLOUDFLARE_API_TOKEN=${scannable(rng, "cfut_").slice(0, 30)}`, why: "truncated" },
    { content: `CLOUDFLARE_API_TOKEN=${legacyToken(rng)}${rng.chars(ALPHABET.base62, 3)}`, why: "43 characters: not the legacy token length" },
    { content: `const k = "xcfut_${rng.chars(ALPHABET.base62, 40)}${rng.hex(8)}";`, why: "part of a longer word" },
    { content: "CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}", why: "reference" },
    { content: "const token = process.env.CLOUDFLARE_API_TOKEN;", why: "reference" },
  ],
};
