import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "api-key", secret: `lin_api_${rng.chars(ALPHABET.base62, 40)}`, name: "LINEAR_API_KEY" },
    { rule: "api-key", secret: `lin_api_${rng.chars(ALPHABET.base62, 40)}` },
    { rule: "oauth-token", secret: `lin_oauth_${rng.hex(64)}`, name: "LINEAR_ACCESS_TOKEN" },
  ],
  negative: (rng) => [
    { content: "LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", why: "placeholder" },
    { content: "LINEAR_API_KEY=${LINEAR_API_KEY}\n", why: "reference to an environment variable" },
    { content: "linear-api-key: ${{ secrets.LINEAR_API_KEY }}\n", path: ".github/workflows/sync.yml", why: "reference to a secret store" },
    { content: `LINEAR_API_KEY=lin_api_${rng.chars(ALPHABET.base62, 32)}\n`, why: "wrong shape (too short)" },
    { content: `x = "lin_oauth_${rng.hex(40)}"\n`, why: "wrong shape (OAuth token too short)" },
  ],
};
