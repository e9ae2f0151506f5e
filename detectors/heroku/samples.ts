import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const apiKey = (rng: Rng): string => `HRKU-AA${rng.chars(`${ALPHABET.base62}_-`, 58)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const netrc = rng.uuid();
    const netrcPasswordFirst = rng.uuid();
    return [
      { rule: "api-key", secret: apiKey(rng), name: "HEROKU_API_KEY" },
      { rule: "api-key", secret: apiKey(rng) },
      { rule: "legacy-api-key", secret: rng.uuid(), name: "HEROKU_API_KEY" },
      { rule: "legacy-api-key", secret: rng.uuid(), name: "HEROKU_OAUTH_TOKEN" },
      {
        rule: "netrc",
        secret: netrc,
        path: "home/.netrc",
        content: `machine github.com\n  login jane\nmachine api.heroku.com\n  login jane@example.org\n  password ${netrc}\n`,
      },
      {
        rule: "netrc",
        secret: netrcPasswordFirst,
        path: "ci/netrc",
        content: `machine api.heroku.com password ${netrcPasswordFirst} login ci@example.org\n`,
      },
    ];
  },
  negative: (rng) => [
    { content: "HEROKU_API_KEY=your-heroku-api-key\n", why: "placeholder" },
    { content: "HEROKU_API_KEY=${HEROKU_API_KEY}\n", why: "reference to an environment variable" },
    { content: "          heroku_api_key: ${{ secrets.HEROKU_API_KEY }}\n", path: ".github/workflows/deploy.yml", why: "reference to a secret store" },
    { content: `HEROKU_APP_ID=${rng.uuid()}\n`, why: "Heroku identifier, not a credential" },
    { content: `trace_id = "${rng.uuid()}"\n`, why: "bare UUID with no Heroku evidence" },
    { content: `HEROKU_API_KEY=HRKU-AA${rng.chars(ALPHABET.base62, 40)}\n`, why: "wrong shape (too short)" },
    { content: `machine api.github.com login x password ${rng.uuid()}\n`, path: ".netrc", why: "netrc entry of another host" },
  ],
};
