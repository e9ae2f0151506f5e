import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const headerKey = rng.hex(32);
    const headerApp = rng.hex(40);
    return [
      { rule: "api-key", secret: rng.hex(32), name: "DD_API_KEY" },
      { rule: "api-key", secret: rng.hex(32), name: "DATADOG_API_KEY" },
      { rule: "application-key", secret: rng.hex(40), name: "DD_APP_KEY" },
      { rule: "application-key", secret: rng.hex(40), name: "DATADOG_APPLICATION_KEY" },
      {
        rule: "api-key",
        secret: headerKey,
        path: "scripts/check.sh",
        content: `curl -s "https://api.datadoghq.com/api/v1/validate" \\\n  -H "DD-API-KEY: ${headerKey}"\n`,
      },
      {
        rule: "application-key",
        secret: headerApp,
        path: "scripts/monitors.sh",
        content: `curl -s "https://api.datadoghq.eu/api/v1/monitor" \\\n  -H "DD-APPLICATION-KEY: ${headerApp}" \\\n  -H "DD-API-KEY: $DD_API_KEY"\n`,
      },
    ];
  },
  negative: (rng) => [
    { content: "DD_API_KEY=<your-api-key>\n", why: "placeholder" },
    { content: "DD_API_KEY=${DD_API_KEY}\nDD_APP_KEY=$DATADOG_APP_KEY\n", why: "reference to an environment variable" },
    { content: "  DD_API_KEY: ${{ secrets.DD_API_KEY }}\n", path: ".github/workflows/ci.yml", why: "reference to a secret store" },
    { content: `ADD_API_KEY=${rng.hex(32)}\n`, why: "not a Datadog name (ADD_, not DD_)" },
    { content: `DD_CLIENT_TOKEN=pub${rng.hex(32)}\n`, why: "client token: public by design" },
    { content: `DD_API_KEY=${rng.hex(40)}\n`, why: "wrong shape for an API key (40 hex)" },
    { content: `commit: ${rng.hex(40)}\nmd5: ${rng.hex(32)}\n`, why: "hashes with no Datadog evidence" },
  ],
};
