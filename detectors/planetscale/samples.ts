import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const token = (rng: Rng, prefix: string, length = 43): string => `${prefix}${rng.chars(ALPHABET.base64url, length)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inYaml = token(rng, "pscale_pw_");
    return [
      { rule: "service-token", secret: token(rng, "pscale_tkn_"), name: "PLANETSCALE_SERVICE_TOKEN" },
      { rule: "service-token", secret: token(rng, "pscale_tkn_", 64) },
      { rule: "database-password", secret: token(rng, "pscale_pw_"), name: "DATABASE_PASSWORD" },
      {
        rule: "database-password",
        secret: inYaml,
        content: `production:\n  adapter: trilogy\n  host: aws.connect.psdb.cloud\n  password: ${inYaml}\n`,
        path: "config/database.yml",
      },
      { rule: "oauth-token", secret: token(rng, "pscale_oauth_", 32) },
    ];
  },
  negative: (rng) => [
    { content: `PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${"x".repeat(43)}`, why: "placeholder" },
    { content: `PLANETSCALE_SERVICE_TOKEN=${token(rng, "pscale_tkn_", 20)}`, why: "truncated" },
    { content: `PLANETSCALE_SERVICE_TOKEN=${token(rng, "pscale_tkn_", 80)}`, why: "longer than the format" },
    { content: `id = "my${token(rng, "pscale_pw_")}"`, why: "part of a longer word" },
    { content: "PLANETSCALE_SERVICE_TOKEN=${PLANETSCALE_SERVICE_TOKEN}", why: "reference" },
    { content: "password: process.env.DATABASE_PASSWORD", why: "reference" },
    { content: "PLANETSCALE_SERVICE_TOKEN: ${{ secrets.PLANETSCALE_SERVICE_TOKEN }}", why: "reference to a secret store" },
  ],
};
