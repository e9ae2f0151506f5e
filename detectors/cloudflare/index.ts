/**
 * Cloudflare API credentials.
 * Scannable formats (`cfut_`, `cfat_`, `cfk_` + 40 characters + an 8-hex checksum):
 * https://developers.cloudflare.com/fundamentals/api/get-started/token-formats . The checksum
 * algorithm is not published, so the new formats are checked by shape only.
 * Older tokens (40 characters) and Global API Keys (37 hex) have no prefix: they are reported only
 * when assigned to a key whose name says Cloudflare. ../shared/providers.md §2.10.
 */
import { assignmentMaxLength, assignmentSource, fixedInference, prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** Worst case of a scoped token: DNS and zone writes, Workers code, R2/KV/D1 data, token management. */
const TOKEN: Capability[] = ["PROD_REACH", "DELETE_INFRA", "DELETE_DATA", "CODE_WRITE", "IAM_WRITE"];
const GLOBAL: Capability[] = ["ACCOUNT_WIDE", ...TOKEN];
const ACCOUNT_TOKEN: Capability[] = ["ACCOUNT_WIDE", ...TOKEN];

/**
 * The key name starts at a name boundary: without it every offset of a long run of name characters
 * starts a match attempt, which is slow on adversarial input dense with keyword hits.
 */
const NAME_START = "(?<![A-Za-z0-9_.-])";

/** Key names that are evidence of Cloudflare for the formats with no prefix. */
const PROVIDER_NAME = "cloudflare|cf_api";
const PROVIDER_NAME_MAX = "cloudflare".length;

/** The scannable formats: prefix, 40 characters, an 8-hex checksum. */
const scannable = (id: string, prefix: string, title: string, capabilities: readonly Capability[], tokenClass: string, notes: string[]): TokenRule =>
  prefixedTokenRule({ id, title, prefix, body: "[0-9A-Za-z]{40}[0-9a-f]{8}", bodyMax: 48, capabilities, lifetime: "long", tokenClass, notes });

const unprefixed = (
  id: string,
  title: string,
  value: { source: string; max: number },
  capabilities: readonly Capability[],
  tokenClass: string,
  notes: string[],
): TokenRule => ({
  id,
  title,
  keywords: ["cloudflare", "cf_api"],
  pattern: new RegExp(NAME_START + assignmentSource(PROVIDER_NAME, value.source), "i"),
  maxLength: assignmentMaxLength(PROVIDER_NAME_MAX, value.max),
  confidence: "medium",
  capabilities,
  lifetime: "long",
  infer: fixedInference(tokenClass, capabilities, "long", notes),
});

export const detector: Detector = {
  id: "cloudflare",
  name: "Cloudflare",
  docsUrl: "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats",
  remediation: {
    revoke: "https://dash.cloudflare.com/profile/api-tokens",
    narrower:
      "Roll or delete it (My Profile > API Tokens; account-owned tokens under Manage Account > API Tokens; the Global API Key can only be rolled), then create an API token limited to the permission groups the job needs (for example Zone DNS Read) on the specific zones or account, with client IP filtering and an expiry; never use the Global API Key in code.",
  },
  related: {
    paths: ["**/wrangler.toml", "**/wrangler.json", "**/wrangler.jsonc", "**/.wrangler/**", "**/.cloudflared/**", "**/.config/.wrangler/**"],
    content: /api\.cloudflare\.com|["']cloudflare["']|@cloudflare\/|cloudflare-go|CLOUDFLARE_|CF_API_|wrangler/,
  },
  api,
  rules: [
    scannable("user-api-token", "cfut_", "Cloudflare user API token", TOKEN, "user API token", [
      "Scoped user token: its permission policies are not in the string.",
    ]),
    scannable("account-api-token", "cfat_", "Cloudflare account API token", ACCOUNT_TOKEN, "account API token", [
      "Account-owned token: not tied to a person, survives members leaving; its policies are not in the string.",
    ]),
    scannable("global-api-key", "cfk_", "Cloudflare Global API Key", GLOBAL, "Global API Key", [
      "Global API Key: everything the user can do in every account they belong to (used with their email).",
    ]),
    unprefixed(
      "api-token-legacy",
      "Cloudflare API token (unprefixed format)",
      { source: "[0-9A-Za-z_-]{40}", max: 40 },
      TOKEN,
      "API token (unprefixed format)",
      ["Older API token format; reported because the key name says Cloudflare."],
    ),
    unprefixed(
      "global-api-key-legacy",
      "Cloudflare Global API Key (unprefixed format)",
      { source: "[0-9a-f]{37}", max: 37 },
      GLOBAL,
      "Global API Key (unprefixed format)",
      ["Global API Key: everything the user can do in every account they belong to; reported because the key name says Cloudflare."],
    ),
    prefixedTokenRule({
      id: "origin-ca-key",
      title: "Cloudflare Origin CA key",
      prefix: "v1.0-",
      body: "[0-9a-f]{24}-[0-9a-f]{146}",
      bodyMax: 24 + 1 + 146,
      capabilities: ["PROD_REACH", "DELETE_INFRA"],
      lifetime: "short",
      tokenClass: "Origin CA key",
      notes: ["Origin CA (service) key: creates and revokes origin certificates; Cloudflare stops accepting these keys on 2026-09-30."],
    }),
  ],
};
