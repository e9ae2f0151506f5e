import { describe, expect, it } from "vitest";
import { judgePlacement } from "../src/placement.js";
import { detectorById } from "../src/registry.js";
import { scoreFinding } from "../src/score/blast-radius.js";
import type { Detector } from "../src/types.js";

/** Railway as its detector describes relatedness (kept here so the test does not depend on that module's progress). */
const railway: Pick<Detector, "name" | "related"> = {
  name: "Railway",
  related: {
    paths: ["**/railway.toml", "**/railway.json", "**/.railway/**"],
    content: /backboard\.railway\.(?:app|com)|@railway\/|RAILWAY_(?:API_)?TOKEN/,
  },
};
const generic: Pick<Detector, "name" | "related"> = { name: "Generic secret", related: {} };
const github = detectorById("github")!;

const judge = (path: string, detector = railway, relatedContent = false) => judgePlacement({ path, detector, relatedContent });

describe("judgePlacement", () => {
  it.each([
    ".env",
    "config/.env.production",
    ".env.local",
    "deploy/prod.env",
    ".envrc",
    "certs/server.pem",
    "keys/api.key",
    "home/.ssh/id_ed25519",
    "secrets.yaml",
    "config/secrets.json",
    "credentials.json",
    "home/.aws/credentials",
    ".npmrc",
    "pkg/.pypirc",
    ".netrc",
    ".git-credentials",
    "home/.docker/config.json",
    "home/.kube/config",
    "infra/terraform.tfvars",
    "infra/prod.auto.tfvars",
    "k8s/db-secret.yaml",
    "k8s/app-secrets.yml",
    "deploy/secrets/token.txt",
    "Config/.ENV",
    "frontend/.env",
  ])("%s is a secrets file: related, whatever the provider", (path) => {
    for (const detector of [railway, generic, github]) {
      expect(judge(path, detector)).toEqual({ related: true, reason: `${path} is a secrets file` });
    }
  });

  it.each([
    "scripts/custom-domains.sh",
    "src/env.ts",
    "docs/environment.md",
    "config.json",
    ".environment",
    "src/components/KeyboardShortcuts.tsx",
    "README.md",
    "images/resize.py",
  ])("%s is not a secrets file", (path) => {
    expect(judge(path)).toEqual({ related: false, reason: `${path} has nothing to do with Railway` });
  });

  it("a deploy config of the token's provider is related; of another provider, it is not", () => {
    expect(judge("railway.toml")).toEqual({ related: true, reason: "railway.toml is a Railway config file" });
    expect(judge("services/api/railway.json")).toEqual({ related: true, reason: "services/api/railway.json is a Railway config file" });
    expect(judge(".github/workflows/deploy.yml", github)).toEqual({
      related: true,
      reason: ".github/workflows/deploy.yml is a GitHub config file",
    });
    expect(judge(".github/workflows/deploy.yml", railway)).toEqual({
      related: false,
      reason: ".github/workflows/deploy.yml has nothing to do with Railway",
    });
  });

  it("code that uses the provider is related", () => {
    expect(judge("src/deploy.ts", railway, true)).toEqual({ related: true, reason: "src/deploy.ts uses Railway" });
    // A secrets file says more than the code in it.
    expect(judge(".env", railway, true).reason).toBe(".env is a secrets file");
  });

  it("a detector with no related files says the file is not a secrets file", () => {
    expect(judge("src/db.ts", generic)).toEqual({ related: false, reason: "src/db.ts is not a secrets file" });
  });

  it("the incident: a Railway token in scripts/custom-domains.sh is unrelated, and the score says so in words", () => {
    const placement = judge("scripts/custom-domains.sh");
    const radius = scoreFinding({
      provider: "Railway",
      title: "Railway account token",
      capabilities: ["ACCOUNT_WIDE", "DELETE_DATA"],
      liveness: "unchecked",
      inference: { capabilities: [], notes: [] },
      exposure: "tracked",
      placement,
      path: "scripts/custom-domains.sh",
      confidence: "medium",
    });
    expect(radius.reasons).toContain("in scripts/custom-domains.sh, which has nothing to do with Railway");
    const related = scoreFinding({
      provider: "Railway",
      title: "Railway account token",
      capabilities: ["ACCOUNT_WIDE", "DELETE_DATA"],
      liveness: "unchecked",
      inference: { capabilities: [], notes: [] },
      exposure: "tracked",
      placement: judge("railway.toml"),
      path: "railway.toml",
      confidence: "medium",
    });
    expect(related.reasons).toContain("in railway.toml, which is a Railway config file");
    expect(radius.score).toBeGreaterThan(related.score);
  });
});
