import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const hook = rng.chars(`${ALPHABET.base62}_-`, 11);
    const jenkins = rng.chars(ALPHABET.base62, 11);
    return [
      { rule: "api-key", secret: `rnd_${rng.chars(ALPHABET.base62, 32)}`, name: "RENDER_API_KEY" },
      { rule: "api-key", secret: `rnd_${rng.chars(ALPHABET.base62, 28)}` },
      {
        rule: "deploy-hook",
        secret: hook,
        path: ".github/workflows/deploy.yml",
        content: `      - run: curl -fsS -X POST "https://api.render.com/deploy/srv-${rng.chars(ALPHABET.alnumLower, 20)}?key=${hook}"\n`,
      },
      {
        rule: "deploy-hook",
        secret: jenkins,
        path: "Jenkinsfile",
        content: `environment {\n  RENDER_DEPLOY_HOOK = 'https://api.render.com/deploy/srv-${rng.chars(ALPHABET.alnumLower, 20)}?key=${jenkins}'\n}\n`,
      },
    ];
  },
  negative: (rng) => [
    { content: "RENDER_API_KEY=rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", why: "placeholder" },
    { content: "RENDER_API_KEY=${RENDER_API_KEY}\n", why: "reference to an environment variable" },
    { content: "RENDER_DEPLOY_HOOK: ${{ secrets.RENDER_DEPLOY_HOOK }}\n", path: ".github/workflows/ci.yml", why: "reference to a secret store" },
    { content: "curl https://api.render.com/deploy/srv-XXXXX?key=YYYY\n", why: "placeholder hook" },
    { content: `RENDER_API_KEY=rnd_${rng.chars(ALPHABET.base62, 12)}\n`, why: "wrong shape (too short)" },
    { content: `name = "brand_${rng.chars(ALPHABET.base62, 30)}"\n`, why: "part of a longer word" },
  ],
};
