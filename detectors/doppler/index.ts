/**
 * Doppler tokens. Every kind has its own prefix followed by 40-44 alphanumerics; service tokens may
 * carry the config's environment between prefix and body (`dp.st.dev.…`).
 * Formats: https://docs.doppler.com/reference/auth-token-formats ; kinds: https://docs.doppler.com/reference/api
 */
import { NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, Lifetime, TokenRule } from "../../src/detector-kit/index.js";

/** Doppler's documented example body, built here so that no literal looks like a token. */
const DOC_BODY = ["bAqhcVzrhy5cRHkOlNTc0Ve6w5", "NUDCpcutm8vGE9myi"].join("");

/** Personal and CLI tokens read and write every secret of every project the user can reach. */
const USER_WIDE: Capability[] = ["ACCOUNT_WIDE", "SECRETS_READ", "PROD_REACH", "DELETE_DATA", "IAM_WRITE"];
/** Service tokens: one config, read-only or read/write. */
const ONE_CONFIG: Capability[] = ["SECRETS_READ"];
/** Service accounts hold a workplace role (up to admin) or granular project access. */
const SERVICE_ACCOUNT: Capability[] = ["ACCOUNT_WIDE", "SECRETS_READ", "PROD_REACH", "DELETE_DATA", "IAM_WRITE"];

const BODY = "[A-Za-z0-9]{40,44}";

const rule = (
  id: string,
  kind: string,
  title: string,
  capabilities: Capability[],
  lifetime: Lifetime,
  note: string,
  infix = "",
  infixMax = 0,
): TokenRule => ({
  id,
  title,
  keywords: [`dp.${kind}.`],
  pattern: new RegExp(`${NOT_AFTER_WORD}dp\\.${kind}\\.${infix}${BODY}${NOT_BEFORE_WORD}`),
  maxLength: 4 + kind.length + infixMax + 44,
  confidence: "high",
  capabilities,
  lifetime,
  examples: [`dp.${kind}.${DOC_BODY}`, ...(infix ? [`dp.${kind}.dev.${DOC_BODY}`] : [])],
  infer: (secret: string): Inference => {
    const environment = infix ? /^dp\.st\.([a-z0-9_-]{2,35})\./.exec(secret)?.[1] : undefined;
    return {
      tokenClass: title.replace(/^Doppler /, ""),
      capabilities: [...capabilities],
      lifetime,
      notes: [environment ? `${note} Config environment in the token: ${environment}.` : note],
    };
  },
});

export const detector: Detector = {
  id: "doppler",
  name: "Doppler",
  docsUrl: "https://docs.doppler.com/reference/auth-token-formats",
  remediation: {
    revoke: "https://dashboard.doppler.com/workplace/tokens",
    narrower:
      "Revoke the token in the Doppler dashboard (Tokens page for personal, CLI, SCIM and audit tokens; the config's Access tab for service tokens; Team > Service Accounts for service-account tokens), then give the workload a read-only service token for the one config it needs, with an expiry.",
  },
  related: {
    paths: ["**/doppler.yaml", "**/doppler.yml", "**/.doppler/**", "**/.doppler.yaml"],
    content: /api\.doppler\.com|@dopplerhq\/|doppler-sdk|dopplersdk|doppler run|doppler secrets|DOPPLER_TOKEN/,
  },
  rules: [
    rule("personal-token", "pt", "Doppler personal token", USER_WIDE, "long",
      "Personal token: read/write access to every project, config and secret its user can reach."),
    rule("cli-token", "ct", "Doppler CLI token", USER_WIDE, "long",
      "CLI token (from `doppler login`): read/write access to everything its user can reach."),
    rule("service-token", "st", "Doppler service token", ONE_CONFIG, "long",
      "Service token: reads (or reads and writes) the secrets of one config.", "(?:[a-z0-9_-]{2,35}\\.)?", 36),
    rule("service-account-token", "sa", "Doppler service account token", SERVICE_ACCOUNT, "long",
      "Service account token: acts with the service account's workplace role or project access."),
    rule("service-account-identity-token", "said", "Doppler service account identity token", SERVICE_ACCOUNT, "short",
      "Short-lived service account identity token: acts with the service account's role until it expires."),
    rule("scim-token", "scim", "Doppler SCIM token", ["IAM_WRITE", "READ_PII", "ACCOUNT_WIDE"], "long",
      "SCIM token: creates, changes and removes workplace users and groups (account takeover by provisioning)."),
    rule("audit-token", "audit", "Doppler audit token", ["READ_PII"], "long",
      "Audit token: read-only access to the workplace's users, groups and activity log."),
  ],
};
