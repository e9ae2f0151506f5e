/** Docker Hub: config.json `auth` decoding and the class it tells (PAT, org token or account password). */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { decodeConfigAuth, detector } from "../../detectors/docker-hub/index.js";

const configAuth = detector.rules.find((r) => r.id === "config-auth")!;
const ruleSet = compileRules([detector]);
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("docker config.json auth", () => {
  const rng = createRng(9);

  it("decodes user:secret and rejects values that are not", () => {
    expect(decodeConfigAuth(b64("jane:s3cret-Pass"))).toEqual({ user: "jane", secret: "s3cret-Pass" });
    expect(decodeConfigAuth(b64("no-colon-here"))).toBeUndefined();
    expect(decodeConfigAuth(b64(":only-secret"))).toBeUndefined();
    expect(decodeConfigAuth(b64("user:"))).toBeUndefined();
    expect(configAuth.validate!(b64("jane"))).toEqual({ ok: false, reason: "not base64 of user:secret" });
  });

  it("tells a PAT from an organization token from the account password, and names the account", () => {
    const pat = configAuth.infer!(b64(`jane:dckr_pat_${rng.chars(ALPHABET.base62, 27)}`));
    expect(pat).toMatchObject({ tokenClass: "personal access token", account: "jane" });
    expect(pat.capabilities).not.toContain("IAM_WRITE");
    const org = configAuth.infer!(b64(`acme:dckr_oat_${rng.chars(ALPHABET.base62, 32)}`));
    expect(org).toMatchObject({ tokenClass: "organization access token", account: "acme" });
    const password = configAuth.infer!(b64(`ci-bot:${rng.chars(ALPHABET.base62, 16)}`));
    expect(password).toMatchObject({ tokenClass: "account password", account: "ci-bot" });
    expect(password.capabilities).toContain("IAM_WRITE");
    expect(JSON.stringify(password)).not.toContain(b64("ci-bot:"));
  });

  it("finds Docker Hub entries only, with the registry as evidence", () => {
    const hub = b64(`jane:${rng.chars(ALPHABET.base62, 20)}`);
    const ghcr = b64(`jane:${rng.chars(ALPHABET.base62, 20)}`);
    const content = JSON.stringify({ auths: { "ghcr.io": { auth: ghcr }, "https://index.docker.io/v1/": { auth: hub } } }, null, "\t");
    const matches = scanContent(Buffer.from(content), ".docker/config.json", ruleSet).matches;
    expect(matches.map((m) => [m.ruleId, m.secret, m.evidence])).toEqual([["docker-hub/config-auth", hub, '"https://index.docker.io/v1/"']]);
  });
});
