import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const macaroon = (rng: Rng, prefix: string, length: number): string =>
  `${prefix}_${rng.chars(ALPHABET.base64, length)}${rng.pick(["", "=", "=="])}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    {
      rule: "macaroon-token",
      secret: `FlyV1 ${macaroon(rng, "fm2", 280)},${macaroon(rng, "fm2", 160)}`,
      name: "FLY_API_TOKEN",
    },
    { rule: "macaroon-token", secret: macaroon(rng, "fm2", 420) },
    { rule: "legacy-macaroon-token", secret: macaroon(rng, "fm1a", 240) },
    { rule: "legacy-macaroon-token", secret: macaroon(rng, "fm1r", 180) },
    { rule: "oauth-token", secret: `fo1_${rng.chars(`${ALPHABET.base62}_-`, 43)}`, name: "FLY_ACCESS_TOKEN" },
  ],
  negative: (rng) => [
    { content: "FLY_API_TOKEN=FlyV1 fm2_xxxx\n", why: "placeholder (too short)" },
    { content: "FLY_API_TOKEN=${FLY_API_TOKEN}\n", why: "reference to an environment variable" },
    { content: "        env:\n          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}\n", path: ".github/workflows/fly.yml", why: "reference to a secret store" },
    { content: `FLY_API_TOKEN="FlyV1 fm2_${"A".repeat(300)}"\n`, why: "placeholder (repeated characters)" },
    { content: `token: fo1_${rng.chars(ALPHABET.base62, 30)}\n`, why: "wrong shape (too short)" },
    { content: `data = "xfm2_${rng.chars(ALPHABET.base64, 200)}"\n`, why: "part of a longer word" },
  ],
};
