import { ALPHABET, withBase62Crc } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const token = (rng: Rng, prefix: string): string =>
  `${prefix}_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "classic-pat", secret: token(rng, "ghp"), name: "GITHUB_TOKEN" },
    { rule: "classic-pat", secret: token(rng, "ghp") },
    { rule: "oauth-token", secret: token(rng, "gho") },
    { rule: "app-user-token", secret: token(rng, "ghu") },
    { rule: "app-installation-token", secret: token(rng, "ghs") },
    { rule: "app-refresh-token", secret: token(rng, "ghr") },
    {
      rule: "fine-grained-pat",
      secret: `github_pat_${rng.chars(ALPHABET.base62, 22)}_${rng.chars(ALPHABET.base62, 59)}`,
    },
  ],
  negative: (rng) => {
    const good = token(rng, "ghp");
    const flipped = good.slice(0, -1) + (good.endsWith("A") ? "B" : "A");
    return [
      { content: `GITHUB_TOKEN=${flipped}`, why: "checksum does not match" },
      { content: `GITHUB_TOKEN=ghp_${"x".repeat(36)}`, why: "placeholder" },
      { content: `token: ${good.slice(0, 30)}`, why: "truncated" },
      { content: `id = "a${good}b"`, why: "part of a longer word" },
      { content: "GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}", why: "reference to a secret store" },
    ];
  },
};
