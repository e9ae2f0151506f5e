import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const apiKey = (rng: Rng): string => `PMAK-${rng.hex(24)}-${rng.hex(34)}`;
/** Collection access keys look like ULIDs: 26 upper-case Crockford base32 characters. */
const collectionKey = (rng: Rng): string => `PMAT-${rng.chars("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inUrl = collectionKey(rng);
    return [
      { rule: "api-key", secret: apiKey(rng), name: "POSTMAN_API_KEY" },
      { rule: "api-key", secret: apiKey(rng) },
      { rule: "collection-access-key", secret: collectionKey(rng), name: "POSTMAN_COLLECTION_KEY" },
      {
        rule: "collection-access-key",
        secret: inUrl,
        content: `newman run "https://api.postman.com/collections/123-abc?access_key=${inUrl}"\n`,
        path: "scripts/smoke.sh",
      },
    ];
  },
  negative: (rng) => [
    { content: `POSTMAN_API_KEY=PMAK-${"x".repeat(24)}-${"x".repeat(34)}`, why: "placeholder" },
    { content: `POSTMAN_API_KEY=${apiKey(rng).slice(0, 40)}`, why: "truncated" },
    { content: `ticket: PMAT-${rng.chars(ALPHABET.digits, 4)}`, why: "a task id, not a key" },
    { content: `id = "X${apiKey(rng)}"`, why: "part of a longer word" },
    { content: "POSTMAN_API_KEY=${POSTMAN_API_KEY}", why: "reference" },
    { content: "x-api-key: {{postmanApiKey}}", why: "Postman variable reference" },
    { content: "POSTMAN_API_KEY: ${{ secrets.POSTMAN_API_KEY }}", why: "reference to a secret store" },
  ],
};
