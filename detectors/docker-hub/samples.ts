import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const pat = (rng: Rng): string => `dckr_pat_${rng.chars(`${ALPHABET.base62}_-`, 27)}`;
const configJson = (registry: string, auth: string): string =>
  `{\n\t"auths": {\n\t\t"${registry}": {\n\t\t\t"auth": "${auth}"\n\t\t}\n\t}\n}\n`;
const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

export const samples: DetectorSamples = {
  positive: (rng) => {
    const withPat = b64(`jane:${pat(rng)}`);
    const withPassword = b64(`ci-bot:${rng.chars(ALPHABET.base62, 18)}`);
    return [
      { rule: "personal-access-token", secret: pat(rng), name: "DOCKERHUB_TOKEN" },
      { rule: "personal-access-token", secret: pat(rng) },
      { rule: "organization-access-token", secret: `dckr_oat_${rng.chars(`${ALPHABET.base62}_-`, 32)}`, name: "DOCKER_ORG_TOKEN" },
      { rule: "legacy-access-token", secret: rng.uuid(), name: "DOCKER_PASSWORD" },
      { rule: "legacy-access-token", secret: rng.uuid(), name: "DOCKER_HUB_ACCESS_TOKEN" },
      { rule: "config-auth", secret: withPat, path: "home/.docker/config.json", content: configJson("https://index.docker.io/v1/", withPat) },
      { rule: "config-auth", secret: withPassword, path: "deploy/dockerconfig.json", content: configJson("docker.io", withPassword) },
    ];
  },
  negative: (rng) => [
    { content: "DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx\n", why: "placeholder" },
    { content: "DOCKER_PASSWORD=${DOCKER_PASSWORD}\n", why: "reference to an environment variable" },
    { content: "          password: ${{ secrets.DOCKERHUB_TOKEN }}\n", path: ".github/workflows/docker.yml", why: "reference to a secret store" },
    { content: `DOCKER_IMAGE_ID=${rng.uuid()}\n`, why: "identifier under a Docker name" },
    { content: `build_id: ${rng.uuid()}\n`, why: "bare UUID with no Docker evidence" },
    { content: configJson("ghcr.io", b64(`jane:${rng.chars(ALPHABET.base62, 20)}`)), path: ".docker/config.json", why: "another registry (not Docker Hub)" },
    { content: configJson("https://index.docker.io/v1/", b64(rng.chars(ALPHABET.base62, 24))), path: ".docker/config.json", why: "auth that is not user:secret" },
    { content: `token = "dckr_pat_${rng.chars(ALPHABET.base62, 20)}"\n`, why: "wrong shape (too short)" },
  ],
};
