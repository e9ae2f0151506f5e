/**
 * GitHub tokens.
 * Formats and checksum: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 * Scopes header: https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
 * ../shared/providers.md §2.1.
 */
import { hasBase62Crc, NOT_AFTER_WORD, NOT_BEFORE_WORD, validWhen } from "../../src/detector-kit/index.js";
import type { Detector, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

const checksum = validWhen((secret) => hasBase62Crc(secret.slice(4)), "checksum");

const prefixed = (
  id: string,
  prefix: string,
  title: string,
  extra: Partial<TokenRule> & Pick<TokenRule, "capabilities">,
): TokenRule => ({
  id,
  title,
  keywords: [`${prefix}_`],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}_[0-9A-Za-z]{36}${NOT_BEFORE_WORD}`),
  maxLength: 40,
  confidence: "high",
  validate: checksum,
  checksummed: true,
  ...extra,
});

export const detector: Detector = {
  id: "github",
  name: "GitHub",
  docsUrl: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
  remediation: {
    revoke: "https://github.com/settings/tokens",
    narrower:
      "Replace it with a fine-grained personal access token limited to the repositories and permissions the job needs, with an expiry; in Actions use the built-in GITHUB_TOKEN with a `permissions:` block.",
  },
  related: {
    paths: ["**/.github/**", "**/.gitconfig", "**/.git-credentials", "**/.config/gh/**", "**/.npmrc"],
    content: /@octokit\/|api\.github\.com|PyGithub|go-github|GITHUB_TOKEN|GH_TOKEN|github\.com\/[\w.-]+\/[\w.-]+\.git/,
  },
  api,
  rules: [
    prefixed("classic-pat", "ghp", "GitHub classic personal access token", {
      capabilities: ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "IAM_WRITE"],
      lifetime: "long",
    }),
    prefixed("oauth-token", "gho", "GitHub OAuth app user token", {
      capabilities: ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ"],
      lifetime: "long",
    }),
    prefixed("app-user-token", "ghu", "GitHub App user-to-server token", {
      capabilities: ["CODE_WRITE", "SECRETS_READ"],
      lifetime: "short",
    }),
    prefixed("app-installation-token", "ghs", "GitHub App installation token", {
      capabilities: ["CODE_WRITE", "SECRETS_READ"],
      lifetime: "short",
    }),
    prefixed("app-refresh-token", "ghr", "GitHub App refresh token", {
      capabilities: ["CODE_WRITE"],
      lifetime: "long",
    }),
    {
      id: "fine-grained-pat",
      title: "GitHub fine-grained personal access token",
      keywords: ["github_pat_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}${NOT_BEFORE_WORD}`),
      maxLength: 93,
      confidence: "high",
      capabilities: ["CODE_WRITE", "SECRETS_READ", "DELETE_DATA"],
      lifetime: "long",
    },
  ],
};
