/** HCP Terraform: atlasv1 tokens in CLI credential files and environment variables. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/hashicorp-terraform/index.js";
import { expectFastOnRepeats } from "../support/speed.js";

const compiled = compileRules([detector]);
const found = (content: string, path = ".env") => scanContent(Buffer.from(content), path, compiled).matches.map((m) => m.secret);

describe("hashicorp-terraform detector", () => {
  const rng = createRng(77);
  const token = (length = 67) => `${rng.chars(ALPHABET.base62, 14)}.atlasv1.${rng.chars(ALPHABET.base62, length)}`;

  it("finds the token in credentials.tfrc.json and in TF_TOKEN_ variables", () => {
    const a = token();
    const b = token(64);
    expect(found(JSON.stringify({ credentials: { "app.terraform.io": { token: a } } }), ".terraform.d/credentials.tfrc.json")).toEqual([a]);
    expect(found(`export TF_TOKEN_app_terraform_io=${b}\n`, "ci/env.sh")).toEqual([b]);
  });

  it("requires the 14-character id and a 60-70 character body", () => {
    expect(found(`${rng.chars(ALPHABET.base62, 13)}.atlasv1.${rng.chars(ALPHABET.base62, 67)}`)).toEqual([]);
    expect(found(`${rng.chars(ALPHABET.base62, 14)}.atlasv1.${rng.chars(ALPHABET.base62, 59)}`)).toEqual([]);
    expect(found(`${rng.chars(ALPHABET.base62, 14)}.atlasv1.${rng.chars(ALPHABET.base62, 71)}`)).toEqual([]);
  });

  it("scores the token as able to destroy infrastructure and read state secrets", () => {
    expect(detector.rules[0]!.infer!(token()).capabilities).toEqual(expect.arrayContaining(["DELETE_INFRA", "SECRETS_READ"]));
  });

  it("stays fast on adversarial repetitions of its keyword", () => {
    expectFastOnRepeats(compiled, ["aaaaaaaaaaaaaa.atlasv1."], { minLength: 115_000 });
  });
});
