import { ALPHABET, withBase62Crc } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const token = (rng: Rng): string => `npm_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "access-token", secret: token(rng), name: "NPM_TOKEN" },
    { rule: "access-token", secret: token(rng), name: "NODE_AUTH_TOKEN" },
    (() => {
      const secret = token(rng);
      return { rule: "access-token", secret, content: `//registry.npmjs.org/:_authToken=${secret}\n`, path: ".npmrc" };
    })(),
    (() => {
      const secret = rng.uuid();
      return { rule: "legacy-auth-token", secret, content: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${secret}\n`, path: ".npmrc" };
    })(),
    (() => {
      const secret = rng.uuid();
      return { rule: "legacy-auth-token", secret, content: `npmRegistryServer: "https://registry.npmjs.org"\nnpmAuthToken: "${secret}"\n`, path: ".yarnrc.yml" };
    })(),
  ],
  negative: (rng) => {
    const good = token(rng);
    const flipped = good.slice(0, -1) + (good.endsWith("A") ? "B" : "A");
    return [
      { content: `NPM_TOKEN=${flipped}`, why: "checksum does not match" },
      { content: `NPM_TOKEN=npm_${"x".repeat(36)}`, why: "placeholder" },
      { content: `token: ${good.slice(0, 30)}`, why: "truncated" },
      { content: `const key = "process.env.npm_package_${rng.chars(ALPHABET.letters, 36)}";`, why: "npm lifecycle variable, not a token" },
      { content: `id = "x${good}"`, why: "part of a longer word" },
      { content: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", why: "reference", path: ".npmrc" },
      { content: `"integrity": "sha512-${rng.chars(ALPHABET.base64, 86)}=="`, why: "lockfile integrity value", path: "package-lock.json" },
      { content: `"resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz", "id": "${rng.uuid()}"`, why: "a UUID outside an auth-token key", path: "package-lock.json" },
    ];
  },
};
