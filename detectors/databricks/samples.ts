import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inCfg = `dapi${rng.hex(32)}`;
    return [
      { rule: "personal-access-token", secret: `dapi${rng.hex(32)}`, name: "DATABRICKS_TOKEN" },
      { rule: "personal-access-token", secret: `dapi${rng.hex(32)}-2` },
      {
        rule: "personal-access-token",
        secret: inCfg,
        content: `[DEFAULT]\nhost = https://adb-1234567890123456.7.azuredatabricks.net\ntoken = ${inCfg}\n`,
        path: ".databrickscfg",
      },
      { rule: "oauth-secret", secret: `dose${rng.hex(32)}`, name: "DATABRICKS_CLIENT_SECRET" },
      { rule: "oauth-secret", secret: `dose${rng.hex(32)}` },
    ];
  },
  negative: (rng) => [
    { content: `DATABRICKS_TOKEN=dapi${"x".repeat(32)}`, why: "placeholder" },
    { content: `DATABRICKS_TOKEN=dapi${rng.hex(20)}`, why: "truncated" },
    { content: `const s = "overdose${rng.hex(32)}";`, why: "part of a longer word" },
    { content: `label: dapi${rng.hex(32).toUpperCase()}`, why: "upper-case hex is not a token" },
    { content: "DATABRICKS_TOKEN=${DATABRICKS_TOKEN}", why: "reference" },
    { content: "token = os.environ['DATABRICKS_TOKEN']", why: "reference" },
    { content: "DATABRICKS_TOKEN: ${{ secrets.DATABRICKS_TOKEN }}", why: "reference to a secret store" },
  ],
};
