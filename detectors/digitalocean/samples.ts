import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "personal-access-token", secret: `dop_v1_${rng.hex(64)}`, name: "DIGITALOCEAN_ACCESS_TOKEN" },
    { rule: "personal-access-token", secret: `dop_v1_${rng.hex(64)}` },
    { rule: "oauth-access-token", secret: `doo_v1_${rng.hex(64)}` },
    { rule: "oauth-refresh-token", secret: `dor_v1_${rng.hex(64)}` },
    { rule: "legacy-token", secret: rng.hex(64), name: "DIGITALOCEAN_TOKEN" },
    { rule: "legacy-token", secret: rng.hex(64), name: "TF_VAR_DIGITAL_OCEAN_TOKEN" },
  ],
  negative: (rng) => [
    { content: `DIGITALOCEAN_ACCESS_TOKEN=dop_v1_${"x".repeat(64)}`, why: "placeholder" },
    { content: `DIGITALOCEAN_ACCESS_TOKEN=dop_v1_${rng.hex(40)}`, why: "truncated" },
    { content: `DIGITALOCEAN_ACCESS_TOKEN=dop_v1_${rng.hex(64).toUpperCase()}`, why: "upper-case hex is not the format" },
    { content: `const v = "xdop_v1_${rng.hex(64)}";`, why: "part of a longer word" },
    { content: `SHA256=${rng.hex(64)}`, why: "a 64-hex hash with no DigitalOcean evidence" },
    { content: "DIGITALOCEAN_TOKEN=${DO_TOKEN}", why: "reference" },
  ],
};
