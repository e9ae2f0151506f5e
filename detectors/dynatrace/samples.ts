import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

/** Dynatrace ids and secrets use upper-case letters and digits. */
const token = (rng: Rng, prefix: string): string =>
  `${prefix}.${rng.chars(ALPHABET.alnumUpper, 24)}.${rng.chars(ALPHABET.alnumUpper, 64)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inUrl = token(rng, "dt0c01");
    return [
      { rule: "access-token", secret: token(rng, "dt0c01"), name: "DT_API_TOKEN" },
      { rule: "access-token", secret: token(rng, "dt0c01") },
      {
        rule: "access-token",
        secret: inUrl,
        content: `curl -H "Authorization: Api-Token ${inUrl}" https://abc12345.live.dynatrace.com/api/v2/metrics\n`,
        path: "scripts/metrics.sh",
      },
      { rule: "platform-token", secret: token(rng, "dt0s16"), name: "DYNATRACE_PLATFORM_TOKEN" },
      { rule: "oauth-client-secret", secret: token(rng, "dt0s01"), name: "DT_CLIENT_SECRET" },
    ];
  },
  negative: (rng) => [
    {
      content: `DT_CLIENT_SECRET=${["dt0s01", "ST2EY72KQINMH574WMNVI7YN", "G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM"].join(".")}`,
      why: "Dynatrace's documented example",
    },
    { content: `DT_CLIENT_ID=dt0s01.${rng.chars(ALPHABET.alnumUpper, 24)}`, why: "client id alone is public" },
    { content: `DT_API_TOKEN=dt0c01.${rng.chars(ALPHABET.alnumUpper, 24)}.${"X".repeat(64)}`, why: "placeholder secret" },
    { content: `DT_API_TOKEN=${token(rng, "dt0c01").slice(0, 60)}`, why: "truncated" },
    { content: `id = "xdt0c01.${rng.chars(ALPHABET.alnumUpper, 24)}.${rng.chars(ALPHABET.alnumUpper, 64)}"`, why: "part of a longer word" },
    { content: "DT_API_TOKEN=${DT_API_TOKEN}", why: "reference" },
    { content: "token = os.getenv('DT_API_TOKEN')", why: "reference" },
    { content: "DYNATRACE_TOKEN: ${{ secrets.DYNATRACE_TOKEN }}", why: "reference to a secret store" },
  ],
};
