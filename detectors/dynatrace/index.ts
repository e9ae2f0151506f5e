/**
 * Dynatrace tokens: `<prefix>.<24-character public id>.<64-character secret>`. The prefix names the
 * kind (dt0c01 classic access/API token, dt0s01 OAuth client, dt0s16 platform token); prefix and
 * public id together are the token identifier that Dynatrace shows in its token list.
 * Docs: https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients ,
 * https://docs.dynatrace.com/docs/shortlink/platform-tokens .
 */
import { NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule } from "../../src/detector-kit/index.js";

/** Dynatrace's documented example token, built here so that no literal looks like a token. */
const DOC_EXAMPLE = ["dt0s01", "ST2EY72KQINMH574WMNVI7YN", "G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM"].join(".");

/** Classic tokens carry any mix of scopes: settings and config writes, API token management, log reads. */
const ACCESS_TOKEN: Capability[] = ["DELETE_DATA", "IAM_WRITE", "SECRETS_READ", "READ_PII", "PROD_REACH"];
/** Platform tokens act within their user's permissions on every platform service. */
const PLATFORM_TOKEN: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "IAM_WRITE", "READ_PII", "PROD_REACH"];
/** OAuth clients are created for apps and for Account Management (users, groups, policies). */
const OAUTH_CLIENT: Capability[] = ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_DATA", "READ_PII"];

const token = (id: string, prefix: string, title: string, capabilities: Capability[], note: string): TokenRule => ({
  id,
  title,
  keywords: [`${prefix}.`],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}${NOT_BEFORE_WORD}`),
  maxLength: prefix.length + 1 + 24 + 1 + 64,
  confidence: "high",
  capabilities,
  lifetime: "long",
  examples: [DOC_EXAMPLE],
  infer: (secret: string): Inference => ({
    tokenClass: title.replace(/^Dynatrace /, ""),
    capabilities: [...capabilities],
    lifetime: "long",
    notes: [note, `Token identifier (public part, as listed in Dynatrace): ${secret.slice(0, prefix.length + 25)}.`],
  }),
});

export const detector: Detector = {
  id: "dynatrace",
  name: "Dynatrace",
  docsUrl: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients",
  remediation: {
    revoke: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
    narrower:
      "Revoke it (Access Tokens app for dt0c01 tokens, Account Management > Identity & access management for platform tokens and OAuth clients), then create a token with only the scopes the job uses (for example metrics.ingest or logs.ingest, never apiTokens.write or settings.write unless needed) and an expiry date.",
  },
  related: {
    paths: ["**/dynatrace.yaml", "**/dynatrace/**", "**/oneagent*.conf", "**/monaco/**", "**/manifest.yaml"],
    content: /live\.dynatrace\.com|apps\.dynatrace\.com|dynatrace-managed\.com|@dynatrace\/|dynatrace-oss|oneagent|Api-Token |DT_API_TOKEN|DYNATRACE_/,
  },
  rules: [
    token("access-token", "dt0c01", "Dynatrace access token", ACCESS_TOKEN,
      "Classic access (API) token: its scopes are not in the string; it may write settings, manage API tokens and read logs of the environment."),
    token("platform-token", "dt0s16", "Dynatrace platform token", PLATFORM_TOKEN,
      "Platform token: acts with its user's (or service user's) permissions on every Dynatrace platform service."),
    token("oauth-client-secret", "dt0s01", "Dynatrace OAuth client secret", OAUTH_CLIENT,
      "OAuth client secret: with its client id it obtains tokens for Dynatrace apps or for Account Management (users, groups, policies)."),
  ],
};
