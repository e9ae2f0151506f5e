import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "admin-access-token", secret: `shpat_${rng.hex(32)}`, name: "SHOPIFY_ACCESS_TOKEN" },
    { rule: "admin-access-token", secret: `shpat_${rng.hex(32)}` },
    { rule: "custom-app-access-token", secret: `shpca_${rng.hex(32)}` },
    { rule: "private-app-access-token", secret: `shppa_${rng.hex(32)}`, name: "SHOPIFY_PASSWORD" },
    { rule: "user-access-token", secret: `shpua_${rng.hex(32)}` },
    { rule: "app-shared-secret", secret: `shpss_${rng.hex(32)}`, name: "SHOPIFY_API_SECRET" },
  ],
  negative: (rng) => [
    { content: "SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", why: "placeholder" },
    { content: "SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}\n", why: "reference to an environment variable" },
    { content: "SHOPIFY_ACCESS_TOKEN: ${{ secrets.SHOPIFY_ACCESS_TOKEN }}\n", path: ".github/workflows/theme.yml", why: "reference to a secret store" },
    { content: `SHOPIFY_API_KEY=${rng.hex(32)}\n`, why: "app API key (client id) is public" },
    { content: `token = "shpat_${rng.hex(24)}"\n`, why: "wrong shape (too short)" },
    { content: `token = "shpat_${rng.chars("ghijklmnopqrstuvwxyz", 32)}"\n`, why: "wrong shape (not hex)" },
  ],
};
