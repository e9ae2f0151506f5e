/**
 * Pulumi Cloud access tokens (personal, team and organization tokens): `pul-` + 40 hex.
 * Docs: https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/
 */
import { fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";

/**
 * A personal token acts as its user on every organization: it can update and destroy stacks, read
 * stack outputs and decrypt stack secrets, and manage ESC environments.
 */
const ACCESS_TOKEN: Capability[] = ["ACCOUNT_WIDE", "DELETE_INFRA", "DELETE_DATA", "SECRETS_READ", "CODE_WRITE", "IAM_WRITE", "PROD_REACH"];

export const detector: Detector = {
  id: "pulumi",
  name: "Pulumi",
  docsUrl: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
  remediation: {
    revoke: "https://app.pulumi.com/account/tokens",
    narrower:
      "Delete the token (personal: Account settings > Access tokens; team and organization tokens: organization Settings > Access tokens), then use a team token whose team reaches only the stacks the job deploys, with an expiry, or OIDC trust from the CI provider instead of a stored token.",
  },
  related: {
    paths: ["**/Pulumi.yaml", "**/Pulumi.yml", "**/Pulumi.*.yaml", "**/.pulumi/**"],
    content: /api\.pulumi\.com|app\.pulumi\.com|@pulumi\/|import pulumi|pulumi\/sdk|Pulumi\.Automation|PULUMI_ACCESS_TOKEN/,
  },
  rules: [
    {
      id: "access-token",
      title: "Pulumi access token",
      keywords: ["pul-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}pul-[0-9a-f]{40}${NOT_BEFORE_WORD}`),
      maxLength: 44,
      confidence: "high",
      capabilities: ACCESS_TOKEN,
      lifetime: "long",
      infer: fixedInference("access token", ACCESS_TOKEN, "long", [
        "Pulumi access token (personal, team or organization): can update and destroy stacks, read stack outputs and decrypt stack secrets.",
      ]),
    },
  ],
};
