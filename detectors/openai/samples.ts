import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const MARKER = "T3BlbkFJ";
const urlSafe = (rng: Rng, length: number): string => rng.chars(ALPHABET.base64url, length);
const prefixed = (rng: Rng, prefix: string, half = 74): string =>
  `${prefix}${urlSafe(rng, half)}${MARKER}${urlSafe(rng, half)}`;
const legacy = (rng: Rng): string =>
  `sk-${rng.chars(ALPHABET.base62, 20)}${MARKER}${rng.chars(ALPHABET.base62, 20)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "project-key", secret: prefixed(rng, "sk-proj-"), name: "OPENAI_API_KEY" },
    { rule: "project-key", secret: prefixed(rng, "sk-proj-", 58) },
    { rule: "service-account-key", secret: prefixed(rng, "sk-svcacct-") },
    { rule: "admin-key", secret: prefixed(rng, "sk-admin-"), name: "OPENAI_ADMIN_KEY" },
    { rule: "legacy-user-key", secret: legacy(rng), name: "OPENAI_API_KEY" },
  ],
  negative: (rng) => {
    const key = prefixed(rng, "sk-proj-");
    return [
      { content: `OPENAI_API_KEY=sk-proj-${"x".repeat(74)}T3BlbkFJ${"x".repeat(74)}`, why: "placeholder" },
      { content: "OPENAI_API_KEY=sk-your-api-key-here", why: "placeholder" },
      { content: `OPENAI_API_KEY=${key.slice(0, 90)}`, why: "truncated" },
      { content: `OPENAI_API_KEY=sk-proj-${urlSafe(rng, 156)}`, why: "no T3BlbkFJ marker at its place" },
      { content: `const k = "ask-${rng.chars(ALPHABET.base62, 20)}${MARKER}${rng.chars(ALPHABET.base62, 20)}";`, why: "part of a longer word" },
      { content: `const k = "${legacy(rng)}${rng.chars(ALPHABET.base62, 4)}";`, why: "longer than a legacy key" },
      { content: "openai.api_key = os.environ['OPENAI_API_KEY']", why: "reference" },
      { content: "OPENAI_API_KEY=${OPENAI_API_KEY}", why: "reference" },
    ];
  },
};
