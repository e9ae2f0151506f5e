import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "access-token", secret: `pul-${rng.hex(40)}`, name: "PULUMI_ACCESS_TOKEN" },
    { rule: "access-token", secret: `pul-${rng.hex(40)}` },
  ],
  negative: (rng) => [
    { content: `PULUMI_ACCESS_TOKEN=pul-${"x".repeat(40)}`, why: "placeholder" },
    { content: `PULUMI_ACCESS_TOKEN=pul-${rng.hex(30)}`, why: "truncated" },
    { content: `const cls = "capul-${rng.hex(40)}";`, why: "part of a longer word" },
    { content: `sha = "pul-${rng.hex(48)}"`, why: "longer than the format" },
    { content: "PULUMI_ACCESS_TOKEN=${PULUMI_ACCESS_TOKEN}", why: "reference" },
    { content: "token = os.environ['PULUMI_ACCESS_TOKEN']", why: "reference" },
    { content: "PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}", why: "reference to a secret store" },
  ],
};
