import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const token = (rng: Rng, prefix: string): string => `${prefix}${rng.chars(ALPHABET.letters, 34)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "user-access-token", secret: token(rng, "hf_"), name: "HF_TOKEN" },
    { rule: "user-access-token", secret: token(rng, "hf_"), name: "HUGGING_FACE_HUB_TOKEN" },
    { rule: "org-api-token", secret: token(rng, "api_org_") },
  ],
  negative: (rng) => [
    { content: `HF_TOKEN=hf_${"x".repeat(34)}`, why: "placeholder" },
    { content: "HF_TOKEN=hf_YOUR_TOKEN_HERE", why: "placeholder" },
    { content: `HF_TOKEN=${token(rng, "hf_").slice(0, 20)}`, why: "truncated" },
    { content: `const f = "use_hf_${rng.chars(ALPHABET.letters, 34)}";`, why: "part of a longer word" },
    { content: `HF_TOKEN=hf_${rng.chars(ALPHABET.letters, 34)}${rng.chars(ALPHABET.digits, 2)}`, why: "longer than a token" },
    { content: "token = os.environ['HF_TOKEN']", why: "reference" },
  ],
};
