import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inCredentials = `rubygems_${rng.hex(48)}`;
    return [
      { rule: "api-key", secret: `rubygems_${rng.hex(48)}`, name: "GEM_HOST_API_KEY" },
      { rule: "api-key", secret: `rubygems_${rng.hex(48)}` },
      {
        rule: "api-key",
        secret: inCredentials,
        content: `---\n:rubygems_api_key: ${inCredentials}\n`,
        path: ".gem/credentials",
      },
    ];
  },
  negative: (rng) => [
    { content: `GEM_HOST_API_KEY=rubygems_${"x".repeat(48)}`, why: "placeholder" },
    { content: `GEM_HOST_API_KEY=rubygems_${rng.hex(30)}`, why: "truncated" },
    { content: `:rubygems_api_key: ${rng.hex(32)}`, why: "key name only: an old 32-hex value without the prefix" },
    { content: `id = "myrubygems_${rng.hex(48)}"`, why: "part of a longer word" },
    { content: "GEM_HOST_API_KEY=${GEM_HOST_API_KEY}", why: "reference" },
    { content: "GEM_HOST_API_KEY: ${{ secrets.RUBYGEMS_API_KEY }}", why: "reference to a secret store" },
    { content: "api_key = ENV['GEM_HOST_API_KEY']", why: "reference" },
  ],
};
