import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const token = (rng: Rng, length = 67): string =>
  `${rng.chars(ALPHABET.base62, 14)}.atlasv1.${rng.chars(ALPHABET.base62, length)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inRc = token(rng);
    const inJson = token(rng, 60);
    return [
      { rule: "api-token", secret: token(rng), name: "TF_API_TOKEN" },
      { rule: "api-token", secret: token(rng, 70) },
      {
        rule: "api-token",
        secret: inRc,
        content: `credentials "app.terraform.io" {\n  token = "${inRc}"\n}\n`,
        path: ".terraformrc",
      },
      {
        rule: "api-token",
        secret: inJson,
        content: JSON.stringify({ credentials: { "app.terraform.io": { token: inJson } } }, null, 2),
        path: ".terraform.d/credentials.tfrc.json",
      },
    ];
  },
  negative: (rng) => [
    { content: `token = "${rng.chars(ALPHABET.base62, 14)}.atlasv1.${"x".repeat(67)}"`, why: "placeholder" },
    { content: `token = "${token(rng).slice(0, 40)}"`, why: "truncated" },
    { content: `token = "${rng.chars(ALPHABET.base62, 10)}.atlasv1.${rng.chars(ALPHABET.base62, 67)}"`, why: "id too short" },
    { content: `id = "${token(rng)}_old"`, why: "continues into a longer identifier" },
    { content: "TF_API_TOKEN=${TF_API_TOKEN}", why: "reference" },
    { content: "token = var.tfe_token", why: "reference to a variable" },
    { content: "TF_API_TOKEN: ${{ secrets.TF_API_TOKEN }}", why: "reference to a secret store" },
  ],
};
