import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const urlSafe = (rng: Rng, length: number): string => rng.chars(ALPHABET.base64url, length);
const key = (rng: Rng): string => `SG.${urlSafe(rng, 22)}.${urlSafe(rng, 43)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "api-key", secret: key(rng), name: "SENDGRID_API_KEY" },
    { rule: "api-key", secret: key(rng) },
  ],
  negative: (rng) => [
    { content: `SENDGRID_API_KEY=SG.${"x".repeat(22)}.${"x".repeat(43)}`, why: "placeholder" },
    { content: `SENDGRID_API_KEY=${key(rng).slice(0, 40)}`, why: "truncated" },
    { content: `log(MSG.${urlSafe(rng, 22)}.${urlSafe(rng, 43)})`, why: "part of a longer word" },
    { content: `SENDGRID_API_KEY=SG.${urlSafe(rng, 22)}.${urlSafe(rng, 50)}`, why: "longer than a key" },
    { content: "sg.api_key = os.environ['SENDGRID_API_KEY']", why: "reference" },
  ],
};
