import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const cli = rng.chars(`${ALPHABET.base62}_-`, 44);
    return [
    { rule: "personal-access-token", secret: `nfp_${rng.chars(`${ALPHABET.base62}_`, 36)}`, name: "NETLIFY_AUTH_TOKEN" },
    { rule: "personal-access-token", secret: `nfp_${rng.chars(ALPHABET.base62, 36)}` },
    { rule: "legacy-access-token", secret: rng.chars(`${ALPHABET.base62}_-`, 43), name: "NETLIFY_AUTH_TOKEN" },
    { rule: "legacy-access-token", secret: rng.chars(ALPHABET.base62, 44), name: "NETLIFY_TOKEN" },
    {
      rule: "cli-config",
      secret: cli,
      path: "home/.netlify/config.json",
      content: `{\n  "telemetryDisabled": true,\n  "userId": "u-1",\n  "users": {\n    "u-1": {\n      "id": "u-1",\n      "auth": { "token": "${cli}", "github": {} }\n    }\n  }\n}\n`,
    },
  ];
  },
  negative: (rng) => [
    { content: "NETLIFY_AUTH_TOKEN=your_netlify_token_here\n", why: "placeholder" },
    { content: "NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}\n", why: "reference to an environment variable" },
    { content: "          NETLIFY_AUTH_TOKEN: ${{ secrets.NETLIFY_AUTH_TOKEN }}\n", path: ".github/workflows/deploy.yml", why: "reference to a secret store" },
    { content: `NETLIFY_SITE_ID=${rng.uuid()}\n`, why: "Netlify identifier, not a credential" },
    { content: `digest = "${rng.chars(ALPHABET.base62, 43)}"\n`, why: "43 characters with no Netlify evidence" },
    { content: `NETLIFY_AUTH_TOKEN=nfp_${rng.chars(ALPHABET.base62, 30)}\n`, why: "wrong shape (too short)" },
  ],
};
