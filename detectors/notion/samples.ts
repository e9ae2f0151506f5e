import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

/** base62 with at least one digit, one lower and one upper letter (as real tokens have). */
const mixed = (rng: Rng, length: number): string => `${rng.chars(ALPHABET.base62, length - 3)}7qR`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "integration-token", secret: `ntn_${rng.chars(ALPHABET.digits, 11)}${rng.chars(ALPHABET.base62, 35)}`, name: "NOTION_TOKEN" },
    { rule: "integration-token", secret: `ntn_${rng.chars(ALPHABET.digits, 11)}${rng.chars(ALPHABET.base62, 35)}` },
    { rule: "legacy-integration-token", secret: `secret_${mixed(rng, 43)}`, name: "NOTION_API_KEY" },
  ],
  negative: (rng) => [
    { content: "NOTION_TOKEN=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", why: "placeholder" },
    { content: "NOTION_TOKEN=${NOTION_TOKEN}\n", why: "reference to an environment variable" },
    { content: "NOTION_TOKEN: ${{ secrets.NOTION_TOKEN }}\n", path: ".github/workflows/sync.yml", why: "reference to a secret store" },
    { content: `const name = "secret_${"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq"}";\n`, why: "identifier, not a random body" },
    { content: `client_secret_${rng.chars(ALPHABET.base62, 43)} = 1\n`, why: "part of a longer word" },
    { content: `NOTION_TOKEN=ntn_${rng.chars(ALPHABET.base62, 46)}\n`, why: "wrong shape (ntn_ must start with 11 digits)" },
  ],
};
