/** OpenAI: key classes from the prefix and the T3BlbkFJ marker at its place. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/openai/index.js";

const set = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", set).matches.map((m) => m.ruleId);
const rng = createRng(9);
const MARKER = "T3BlbkFJ";
const body = (half: number) => `${rng.chars(ALPHABET.base64url, half)}${MARKER}${rng.chars(ALPHABET.base64url, half)}`;

describe("openai keys", () => {
  it("classifies project, service-account, admin and legacy keys", () => {
    const content = [
      `A=sk-proj-${body(74)}`,
      `B=sk-svcacct-${body(58)}`,
      `C=sk-admin-${body(74)}`,
      `D=sk-${rng.chars(ALPHABET.base62, 20)}${MARKER}${rng.chars(ALPHABET.base62, 20)}`,
    ].join("\n");
    expect(scan(content)).toEqual(["openai/project-key", "openai/service-account-key", "openai/admin-key", "openai/legacy-user-key"]);
  });

  it("requires the marker at its fixed place", () => {
    const shifted = `sk-proj-${rng.chars(ALPHABET.base64url, 75)}${MARKER}${rng.chars(ALPHABET.base64url, 73)}`;
    expect(scan(`A=${shifted}\n`)).toEqual([]);
  });

  it("infers admin keys as account-wide IAM writers that cannot spend, project keys the reverse", () => {
    const admin = detector.rules.find((r) => r.id === "admin-key")!.infer!("");
    const project = detector.rules.find((r) => r.id === "project-key")!.infer!("");
    expect(admin.capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "IAM_WRITE"]));
    expect(admin.capabilities).not.toContain("SPEND");
    expect(project.capabilities).toContain("SPEND");
    expect(project.capabilities).not.toContain("IAM_WRITE");
  });
});
