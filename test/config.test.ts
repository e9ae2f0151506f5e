import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../src/config/load.js";
import { ConfigError } from "../src/errors.js";
import { evaluatePolicy } from "../src/policy/policy.js";

const errorOf = (text: string): string => {
  try {
    parseConfig(text, ".tokscan.yml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("config file", () => {
  it("is optional", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokscan-config-"));
    expect(loadConfig(undefined, dir)).toEqual({ exclude: [], allow: [], policy: [] });
  });

  it("is found in the first root and parsed", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokscan-config-"));
    writeFileSync(
      join(dir, ".tokscan.yml"),
      "exclude:\n  - fixtures/**\nallow:\n  - fingerprint: 0123456789abcdef0123456789abcdef\n    reason: revoked\n  - fedcba9876543210\n",
    );
    const config = loadConfig(undefined, dir);
    expect(config.exclude).toEqual(["fixtures/**"]);
    expect(config.allow).toEqual([
      { fingerprint: "0123456789abcdef0123456789abcdef", reason: "revoked" },
      { fingerprint: "fedcba9876543210" },
    ]);
  });

  it("names the file and line of invalid YAML", () => {
    expect(errorOf("exclude:\n  - a\n  b: [\n")).toMatch(/^\.tokscan\.yml:\d+: invalid YAML/);
  });

  it("rejects unknown keys with their line", () => {
    expect(errorOf("exclude: []\nallowlist: []\n")).toBe('.tokscan.yml:2: unknown key "allowlist" (expected exclude, allow or policy)');
  });

  it("never accepts provider endpoints from a file in the scanned repository", () => {
    expect(errorOf("endpoints:\n  github: http://127.0.0.1:9/\n")).toMatch(/^\.tokscan\.yml:1: "endpoints" cannot be set in a config file/);
    expect(errorOf("endpoint: github=https://evil.example\n")).toMatch(/cannot be set in a config file/);
  });

  it("rejects malformed allow entries and fingerprints", () => {
    expect(errorOf("allow:\n  - fingerprint: not-hex\n")).toMatch(/^\.tokscan\.yml:2: "not-hex" is not a tokscan fingerprint/);
    expect(errorOf("allow: yes\n")).toMatch(/"allow" must be a list/);
    expect(errorOf("allow:\n  - fingerprint: 0123456789abcdef\n    why: x\n")).toMatch(/unknown key "why"/);
  });

  it("rejects a malformed policy with the rule's line", () => {
    expect(errorOf("policy:\n  - providers: [railway]\n")).toBe('.tokscan.yml:2: a policy rule needs "paths" (picomatch globs)');
    expect(errorOf("policy:\n  - paths: [a]\n  - paths: b\n    capabilities: [DELETE_ALL]\n")).toMatch(/^\.tokscan\.yml:3: unknown capability "DELETE_ALL"/);
    expect(errorOf("policy:\n  - paths: [a]\n    env: [x]\n")).toMatch(/unknown key "env" in policy rule/);
  });
});

describe("policy", () => {
  const policy = parseConfig(
    [
      "policy:",
      "  - paths: ['scripts/**']",
      "    providers: [railway]",
      "    capabilities: [DELETE_INFRA]",
      "    scopes: [read:user]",
      "    environments: [staging]",
      "  - paths: ['**']",
      "    providers: [github, railway]",
    ].join("\n"),
    ".tokscan.yml",
  ).policy;
  const subject = {
    path: "scripts/custom-domains.sh",
    detectorId: "railway",
    provider: "Railway",
    capabilities: ["DELETE_INFRA"] as const,
  };

  it("allows what the first matching rule allows", () => {
    expect(evaluatePolicy({ ...subject, capabilities: ["DELETE_INFRA"], environments: ["staging"] }, policy)).toEqual([]);
  });

  it("flags a provider not allowed under the path, quoting the policy line", () => {
    const [violation] = evaluatePolicy({ ...subject, detectorId: "stripe", provider: "Stripe", capabilities: [] }, policy);
    expect(violation?.kind).toBe("token-in-unrelated-file");
    expect(violation?.message).toContain(".tokscan.yml:2");
  });

  it("flags capabilities and live scopes beyond the policy", () => {
    const kinds = evaluatePolicy({ ...subject, capabilities: ["DELETE_INFRA", "DELETE_BACKUPS"] }, policy).map((v) => v.kind);
    expect(kinds).toEqual(["overprivileged-token"]);
    const scoped = evaluatePolicy({ ...subject, capabilities: [], scopes: ["read:user", "delete_repo"] }, policy);
    expect(scoped[0]?.message).toContain("scopes delete_repo");
  });

  it("flags a token that reaches production from a non-production path", () => {
    const byEnvironment = evaluatePolicy({ ...subject, capabilities: [], environments: ["production"] }, policy);
    expect(byEnvironment.map((v) => v.kind)).toEqual(["production-token-in-non-production-path"]);
    const byCapability = evaluatePolicy({ ...subject, capabilities: ["PROD_REACH"] }, policy);
    expect(byCapability.map((v) => v.kind)).toContain("production-token-in-non-production-path");
  });

  it("applies only the first matching rule", () => {
    expect(evaluatePolicy({ ...subject, path: "src/app.ts", detectorId: "github", provider: "GitHub", capabilities: ["DELETE_DATA"] }, policy)).toEqual([]);
  });
});
