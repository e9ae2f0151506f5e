import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const body = (rng: Rng, length: number): string => rng.chars(ALPHABET.base62, length);

export const samples: DetectorSamples = {
  positive: (rng) => {
    const cli = body(rng, 24);
    return [
      { rule: "personal-access-token", secret: `vcp_${body(rng, 56)}`, name: "VERCEL_TOKEN" },
      { rule: "personal-access-token", secret: `vcp_${body(rng, 24)}` },
      { rule: "integration-token", secret: `vci_${body(rng, 48)}` },
      { rule: "app-access-token", secret: `vca_${body(rng, 48)}` },
      { rule: "app-refresh-token", secret: `vcr_${body(rng, 64)}` },
      { rule: "api-key", secret: `vck_${body(rng, 48)}`, name: "AI_GATEWAY_API_KEY" },
      { rule: "blob-read-write-token", secret: `vercel_blob_rw_${body(rng, 16)}_${body(rng, 30)}`, name: "BLOB_READ_WRITE_TOKEN" },
      { rule: "access-token", secret: body(rng, 24), name: "VERCEL_TOKEN" },
      { rule: "access-token", secret: body(rng, 24), name: "VERCEL_ACCESS_TOKEN" },
      {
        rule: "cli-auth",
        secret: cli,
        path: "home/.local/share/com.vercel.cli/auth.json",
        content: `{\n  "// Note": "This is your Vercel credentials file. DO NOT SHARE!",\n  "token": "${cli}"\n}\n`,
      },
    ];
  },
  negative: (rng) => [
    { content: "VERCEL_TOKEN=vcp_your_token_here\n", why: "placeholder" },
    { content: "VERCEL_TOKEN=${VERCEL_TOKEN}\n", why: "reference to an environment variable" },
    { content: "      - run: vercel deploy --prod --token=${{ secrets.VERCEL_TOKEN }}\n", path: ".github/workflows/deploy.yml", why: "reference to a secret store" },
    { content: "const token = process.env.VERCEL_TOKEN;\n", why: "reference in code" },
    { content: `VERCEL_ORG_ID=team_${body(rng, 24)}\nVERCEL_PROJECT_ID=prj_${body(rng, 28)}\n`, why: "Vercel identifiers, not credentials" },
    { content: `VERCEL_TOKEN=${body(rng, 20)}\n`, why: "wrong shape (too short)" },
    { content: `id = "${body(rng, 24)}"\n`, why: "24 alphanumerics with no Vercel evidence" },
    { content: `BLOB_READ_WRITE_TOKEN=vercel_blob_rw_xxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, why: "placeholder" },
    { content: `name = "xvcp_${body(rng, 40)}"\n`, why: "part of a longer word" },
  ],
};
