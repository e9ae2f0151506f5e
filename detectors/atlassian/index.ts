/**
 * Atlassian (Jira, Confluence, Bitbucket, Admin) tokens.
 * Prefixes confirmed by Atlassian: API tokens `ATAT`, Bitbucket app passwords `ATBB`, access tokens
 * (Bitbucket repository/project/workspace access tokens, organization admin API keys) `ATCT`
 * (https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481).
 * Current tokens end with a CRC-32 of everything before it, as 8 upper-case hex digits: after `=` for
 * ATATT3/ATCTT3 tokens (192 characters), directly after the 28-character body for ATBB app passwords.
 * Legacy (pre-2023) API tokens are 24 opaque characters: reported only with a Jira/Confluence/Atlassian key name.
 * ../shared/providers.md §3.14.
 */
import { assignmentMaxLength, assignmentSource, crc32Of, fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule, Verdict } from "../../src/detector-kit/index.js";

/** A user API token acts as its user in every Atlassian product the user can reach. */
const USER_TOKEN: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "CODE_WRITE", "SECRETS_READ", "READ_PII", "IAM_WRITE"];
/** Access tokens: a Bitbucket repository/project/workspace token, or an organization admin API key. */
const ACCESS_TOKEN: Capability[] = ["ACCOUNT_WIDE", "IAM_WRITE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "READ_PII"];
/** App passwords reach the Bitbucket account with the permissions chosen at creation. */
const APP_PASSWORD: Capability[] = ["CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "READ_PII"];

const crcHex = (text: string): string => crc32Of(text).toString(16).toUpperCase().padStart(8, "0");

/** The last 8 characters are the CRC-32 of everything before them. */
export function hasAtlassianCrc(token: string): boolean {
  return token.length > 8 && crcHex(token.slice(0, -8)) === token.slice(-8);
}

const checksum = validWhen(hasAtlassianCrc, "checksum");

/** ATATT3/ATCTT3 tokens: 6-character prefix, a base64url body, `=`, 8 hex digits of CRC-32 (192 characters in all). */
const crcToken = (prefix: string, extra: Pick<TokenRule, "id" | "title" | "capabilities" | "infer">): TokenRule => ({
  ...extra,
  keywords: [prefix.toLowerCase()],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}[A-Za-z0-9_-]{150,200}=[0-9A-F]{8}${NOT_BEFORE_WORD}`),
  maxLength: prefix.length + 200 + 9,
  confidence: "high",
  lifetime: "long",
  validate: checksum,
});

export const detector: Detector = {
  id: "atlassian",
  name: "Atlassian",
  docsUrl: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
  remediation: {
    revoke: "https://id.atlassian.com/manage-profile/security/api-tokens",
    narrower:
      "Revoke it (API tokens: id.atlassian.com > Security > API tokens; Bitbucket app passwords and access tokens: Bitbucket personal, repository or workspace settings; admin API keys: admin.atlassian.com > Settings > API keys), then create an API token with scopes and an expiry date limited to the product and actions the job needs, or a Bitbucket repository access token with read-only scopes for a single repository.",
  },
  related: {
    paths: ["**/.jira.d/**", "**/.jira/**", "**/bitbucket-pipelines.yml", "**/.config/jira/**", "**/.netrc"],
    content: /atlassian\.net|api\.atlassian\.com|bitbucket\.org|jira-client|jira\.js|atlassian-python-api|from jira import|go-jira|@atlassian\/|JIRA_(?:API_)?TOKEN|CONFLUENCE_/,
  },
  rules: [
    crcToken("ATATT3", {
      id: "api-token",
      title: "Atlassian API token",
      capabilities: USER_TOKEN,
      infer: fixedInference("API token", USER_TOKEN, "long", [
        "Atlassian account API token: with the owner's email it signs in to Jira, Confluence and Bitbucket as that user (scoped tokens only to the scopes chosen).",
      ]),
    }),
    crcToken("ATCTT3", {
      id: "access-token",
      title: "Atlassian access token (Bitbucket access token or organization admin API key)",
      capabilities: ACCESS_TOKEN,
      infer: fixedInference("access token", ACCESS_TOKEN, "long", [
        "Atlassian access token: a Bitbucket repository, project or workspace access token, or an organization admin API key that can manage users and policies across every product.",
      ]),
    }),
    {
      id: "bitbucket-app-password",
      title: "Bitbucket app password",
      keywords: ["atbb"],
      pattern: new RegExp(`${NOT_AFTER_WORD}ATBB[A-Za-z0-9]{24}[0-9A-F]{8}${NOT_BEFORE_WORD}`),
      maxLength: 36,
      confidence: "high",
      capabilities: APP_PASSWORD,
      lifetime: "long",
      validate: checksum,
      infer: fixedInference("app password", APP_PASSWORD, "long", [
        "Bitbucket app password: with the username it reaches every repository and workspace of the account, within the permissions picked at creation.",
      ]),
    },
    {
      id: "legacy-api-token",
      title: "Atlassian legacy API token",
      keywords: ["jira", "confluence", "atlassian"],
      pattern: new RegExp(assignmentSource("jira|confluence|atlassian", "[A-Za-z0-9]{24}"), "i"),
      maxLength: assignmentMaxLength(10, 24),
      confidence: "medium",
      capabilities: USER_TOKEN,
      lifetime: "long",
      // Jira account ids are 24 hex digits: a legacy token mixes upper case, lower case and digits.
      validate: (secret: string): Verdict =>
        /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret)
          ? { ok: true }
          : { ok: false, reason: "not a mixed-case token (account id or word)" },
      infer: fixedInference("legacy API token", USER_TOKEN, "long", [
        "24-character API token (issued before 2023) assigned to a Jira/Confluence setting: it acts as its user in every product.",
      ]),
    },
  ],
};
