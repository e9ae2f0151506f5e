/**
 * Sentry auth tokens (getsentry/sentry src/sentry/types/token.py):
 * - `sntryu_` user auth tokens, `sntrya_` user-app (OAuth) tokens, `sntryi_` integration tokens:
 *   prefix + 64 hex.
 * - `sntrys_` organization auth tokens: prefix + base64 of `{"iat","url","region_url","org"}` + `_` +
 *   43 characters of base64 (src/sentry/utils/security/orgauthtoken_token.py).
 * - Tokens created before prefixes were introduced are 64 bare hex: reported only under a Sentry key name.
 * DSNs are not secrets (they are meant for clients) and are not reported.
 * Docs: https://docs.sentry.io/account/auth-tokens/
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD, prefixedTokenRule, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, Lifetime, TokenRule } from "../../src/detector-kit/index.js";

/** User tokens carry their user's scopes across every organization the user belongs to. */
const USER_TOKEN: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "READ_PII", "IAM_WRITE"];
/** Organization tokens are limited to CI scopes: releases and source map uploads. */
const ORG_TOKEN: Capability[] = ["CODE_WRITE"];
/** OAuth and integration tokens hold the scopes their application was granted. */
const APP_TOKEN: Capability[] = ["DELETE_DATA", "READ_PII"];

/** The JSON payload of an organization token, or undefined. */
export function orgTokenPayload(secret: string): Record<string, unknown> | undefined {
  const encoded = secret.slice("sntrys_".length, secret.lastIndexOf("_"));
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as Record<string, unknown>)["org"] === "string"
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const hexToken = (
  id: string,
  prefix: string,
  title: string,
  capabilities: Capability[],
  lifetime: Lifetime,
  note: string,
): TokenRule =>
  prefixedTokenRule({ id, title, prefix, body: "[0-9a-f]{64}", bodyMax: 64, capabilities, lifetime, tokenClass: title.replace(/^Sentry /, ""), notes: [note] });

export const detector: Detector = {
  id: "sentry",
  name: "Sentry",
  docsUrl: "https://docs.sentry.io/account/auth-tokens/",
  remediation: {
    revoke: "https://sentry.io/settings/account/api/auth-tokens/",
    narrower:
      "Revoke the token (User settings > Personal Tokens; organization tokens under Settings > Developer Settings > Organization Tokens), then use an organization auth token for CI (releases and source maps only) or a personal token with only the read scopes the tool needs.",
  },
  related: {
    paths: ["**/.sentryclirc", "**/sentry.properties", "**/sentry.*.config.*", "**/.sentry/**"],
    content: /sentry\.io|@sentry\/|sentry_sdk|sentry-cli|sentry-sdk|Sentry\.init|SENTRY_(?:AUTH_TOKEN|ORG|PROJECT|DSN)/,
  },
  rules: [
    hexToken("user-auth-token", "sntryu_", "Sentry user auth token", USER_TOKEN, "long",
      "Sentry personal (user) auth token: acts with its scopes on every organization of its user (up to member and project administration)."),
    {
      id: "org-auth-token",
      title: "Sentry organization auth token",
      keywords: ["sntrys_eyj"],
      pattern: new RegExp(`${NOT_AFTER_WORD}sntrys_eyJ[A-Za-z0-9+/]{40,400}={0,2}_[A-Za-z0-9+/]{43}(?![A-Za-z0-9_+/=])`),
      maxLength: 7 + 3 + 400 + 2 + 1 + 43,
      confidence: "high",
      capabilities: ORG_TOKEN,
      lifetime: "long",
      validate: validWhen(orgTokenPayload, "payload is not a Sentry organization token"),
      infer: (secret: string): Inference => {
        const payload = orgTokenPayload(secret);
        const url = typeof payload?.["url"] === "string" ? payload["url"] : undefined;
        return {
          tokenClass: "organization auth token",
          capabilities: [...ORG_TOKEN],
          lifetime: "long",
          account: typeof payload?.["org"] === "string" ? payload["org"] : undefined,
          notes: [
            `Sentry organization auth token${url ? ` for ${url}` : ""}: limited to CI scopes (create releases, upload source maps and debug files).`,
          ],
        };
      },
    },
    hexToken("user-app-token", "sntrya_", "Sentry user-app (OAuth) token", APP_TOKEN, "short",
      "Sentry OAuth token issued to an application for a user: acts with the scopes the user granted."),
    hexToken("integration-token", "sntryi_", "Sentry integration token", APP_TOKEN, "long",
      "Sentry integration token: acts with the scopes of its internal or public integration on the organization."),
    {
      id: "legacy-auth-token",
      title: "Sentry auth token (unprefixed)",
      keywords: ["sentry"],
      pattern: new RegExp(assignmentSource("sentry", "[0-9a-f]{64}"), "i"),
      maxLength: assignmentMaxLength(6, 64),
      confidence: "medium",
      capabilities: USER_TOKEN,
      lifetime: "long",
      infer: fixedInference("auth token", USER_TOKEN, "long", [
        "64-hex Sentry auth token (created before prefixed tokens) assigned to a Sentry setting: acts with its scopes on its user's organizations.",
      ]),
    },
  ],
};
