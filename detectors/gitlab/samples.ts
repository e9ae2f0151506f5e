import { ALPHABET, crc32Of, toBase36 } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";
import { buildRoutable } from "./routable.js";

const randomBytes = (rng: Rng, length: number): Buffer => Buffer.from(rng.hex(length * 2), "hex");
const urlSafe = (rng: Rng, length: number): string => rng.chars(ALPHABET.base64url, length);

/** Versioned routable token with routing data (organization, user in base36). */
const routable = (rng: Rng, prefix = "glpat-"): string =>
  buildRoutable(prefix, randomBytes(rng, 16), `o:${toBase36(1 + rng.int(50), 1)}\nu:${toBase36(1000 + rng.int(900000), 1)}`);

/** First routable format (2024): `<payload>.<length><crc>`, no version. */
function routableUnversioned(rng: Rng, prefix: string): string {
  const payload = randomBytes(rng, 20).toString("base64url");
  const head = `${prefix}${payload}.${toBase36(payload.length, 2)}`;
  return head + toBase36(crc32Of(head), 7);
}

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "personal-access-token", secret: routable(rng), name: "GITLAB_TOKEN" },
    { rule: "personal-access-token", secret: routableUnversioned(rng, "glpat-") },
    { rule: "personal-access-token", secret: routable(rng, "acme-glpat-"), name: "CI_GITLAB_TOKEN" },
    { rule: "personal-access-token-legacy", secret: `glpat-${urlSafe(rng, 20)}`, name: "GITLAB_PAT" },
    { rule: "oauth-application-secret", secret: `gloas-${urlSafe(rng, 64)}` },
    { rule: "deploy-token", secret: `gldt-${urlSafe(rng, 20)}` },
    { rule: "deploy-token", secret: routable(rng, "gldt-") },
    { rule: "runner-authentication-token", secret: `glrt-${urlSafe(rng, 20)}` },
    { rule: "runner-authentication-token", secret: `glrt-t1_${rng.chars(ALPHABET.base62, 20)}` },
    { rule: "runner-authentication-token", secret: routable(rng, "glrt-t2_") },
    { rule: "runner-registration-token", secret: `glrtr-${urlSafe(rng, 20)}` },
    { rule: "runner-registration-token-legacy", secret: `GR1348941${urlSafe(rng, 20)}`, name: "REGISTRATION_TOKEN" },
    { rule: "ci-job-token", secret: `glcbt-${rng.chars(ALPHABET.base62, 2)}_${urlSafe(rng, 20)}` },
    { rule: "pipeline-trigger-token", secret: `glptt-${rng.hex(40)}` },
    { rule: "feed-token", secret: `glft-${urlSafe(rng, 20)}` },
    { rule: "incoming-mail-token", secret: `glimt-${urlSafe(rng, 25)}` },
    { rule: "agent-token", secret: `glagent-${urlSafe(rng, 50)}` },
    { rule: "scim-token", secret: `glsoat-${urlSafe(rng, 20)}` },
    { rule: "feature-flags-client-token", secret: `glffct-${urlSafe(rng, 20)}` },
  ],
  negative: (rng) => {
    const good = routable(rng);
    const flipped = good.slice(0, -1) + (good.endsWith("a") ? "b" : "a");
    const legacy = `glpat-${urlSafe(rng, 20)}`;
    return [
      { content: `GITLAB_TOKEN=${flipped}`, why: "routable token with a wrong checksum" },
      { content: `GITLAB_TOKEN=${routable(rng, "gldt-").replace(/\.01\.[0-9a-z]{2}/, ".01.zz")}`, why: "routable deploy token with a wrong length and checksum" },
      { content: `GITLAB_TOKEN=glpat-${"x".repeat(20)}`, why: "placeholder" },
      { content: `GITLAB_TOKEN=glpat-${"X".repeat(20)}`, why: "placeholder" },
      { content: `token: ${legacy.slice(0, 18)}`, why: "truncated" },
      { content: `url = "https://x/${legacy}${urlSafe(rng, 3)}"`, why: "continues into a longer word (23 characters)" },
      { content: `ref = "myglpat-${urlSafe(rng, 20)}"`, why: "part of a longer word" },
      { content: "GITLAB_TOKEN=${CI_JOB_TOKEN}", why: "reference" },
      { content: "  PRIVATE-TOKEN: $GITLAB_TOKEN", why: "reference" },
      { content: `trigger = "glptt-${rng.hex(39)}"`, why: "truncated trigger token" },
    ];
  },
};
