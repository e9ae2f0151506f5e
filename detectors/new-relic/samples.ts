import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const licenseKey = (rng: Rng, eu = false): string => `${eu ? "eu01xx" : rng.hex(6)}${rng.hex(30)}NRAL`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inAgentConfig = rng.hex(40);
    return [
      { rule: "user-api-key", secret: `NRAK-${rng.chars(ALPHABET.alnumUpper, 27)}`, name: "NEW_RELIC_API_KEY" },
      { rule: "user-api-key", secret: `NRAK-${rng.chars(ALPHABET.alnumUpper, 27)}` },
      { rule: "license-key", secret: licenseKey(rng), name: "NEW_RELIC_LICENSE_KEY" },
      { rule: "license-key", secret: licenseKey(rng, true) },
      { rule: "license-key-legacy", secret: rng.hex(40), name: "NEW_RELIC_LICENSE_KEY" },
      { rule: "license-key-legacy", secret: rng.hex(40), name: "newrelic_license" },
      {
        rule: "license-key-agent-config",
        secret: inAgentConfig,
        content: `common: &default_settings\n  license_key: '${inAgentConfig}'\n  app_name: shop\n`,
        path: "config/newrelic.yml",
      },
      { rule: "insert-key", secret: `NRII-${rng.chars(ALPHABET.base64url, 32)}`, name: "NEW_RELIC_INSERT_KEY" },
      { rule: "query-key", secret: `NRIQ-${rng.chars(ALPHABET.base64url, 32)}` },
      { rule: "browser-key", secret: `NRJS-${rng.hex(19)}`, name: "NEW_RELIC_BROWSER_KEY" },
    ];
  },
  negative: (rng) => [
    { content: `NEW_RELIC_API_KEY=NRAK-${"X".repeat(27)}`, why: "placeholder" },
    { content: `NEW_RELIC_API_KEY=NRAK-${rng.chars(ALPHABET.alnumUpper, 20)}`, why: "truncated" },
    { content: `NEW_RELIC_LICENSE_KEY=${"0".repeat(36)}NRAL`, why: "placeholder license key" },
    { content: `id = "x${licenseKey(rng)}"`, why: "part of a longer word" },
    { content: `license_key: '${rng.hex(40)}'`, path: "config/app.yml", why: "40 hex in a file that is not a New Relic config" },
    { content: `COMMIT_SHA=${rng.hex(40)}`, why: "a git SHA, no New Relic evidence" },
    { content: "NEW_RELIC_LICENSE_KEY=${NEW_RELIC_LICENSE_KEY}", why: "reference" },
    { content: "license_key: process.env.NEW_RELIC_LICENSE_KEY", path: "newrelic.js", why: "reference" },
    { content: "NEW_RELIC_API_KEY: ${{ secrets.NEW_RELIC_API_KEY }}", why: "reference to a secret store" },
  ],
};
