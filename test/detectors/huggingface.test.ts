/** Hugging Face: token shapes and the fine-grained permission mapping. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/huggingface/index.js";
import { PERMISSION_CAPABILITIES } from "../../detectors/huggingface/api.js";

const set = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", set).matches.map((m) => m.ruleId);
const rng = createRng(19);

describe("huggingface", () => {
  it("finds user and organization tokens, letters only", () => {
    expect(scan(`HF_TOKEN=hf_${rng.chars(ALPHABET.letters, 34)}\nORG=api_org_${rng.chars(ALPHABET.letters, 34)}\n`)).toEqual([
      "huggingface/user-access-token",
      "huggingface/org-api-token",
    ]);
    expect(scan(`HF_TOKEN=hf_${rng.chars(ALPHABET.letters, 30)}1234\n`)).toEqual([]);
  });

  it("maps write permissions to capabilities and read permissions to none", () => {
    expect(PERMISSION_CAPABILITIES["repo.write"]).toEqual(["CODE_WRITE", "DELETE_DATA"]);
    expect(PERMISSION_CAPABILITIES["inference.endpoints.write"]).toEqual(["SPEND"]);
    expect(PERMISSION_CAPABILITIES["repo.content.read"]).toBeUndefined();
  });
});
