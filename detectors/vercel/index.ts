/**
 * Vercel tokens (../shared/providers.md §2.15).
 * Prefixed formats (vcp_, vci_, vca_, vcr_, vck_): https://vercel.com/changelog/new-token-formats-and-secret-scanning
 * (lengths are not published: bodies are bounded at 24-64 base62 characters).
 * Scopes (Full Account / Team / Project): https://vercel.com/docs/accounts/access-tokens
 * Legacy tokens are 24 opaque alphanumerics and are reported only with Vercel evidence.
 * Blob read-write tokens: `vercel_blob_rw_<store id>_<secret>` (the store id is public).
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { vercelApi } from "./api.js";

/** A Full Account token: every team of the user, their projects, env vars, domains and members. */
const FULL_ACCOUNT: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_INFRA", "DELETE_DATA", "SECRETS_READ", "CODE_WRITE", "IAM_WRITE"];
/** Integration and app tokens act within the grants of the installation (worst case: everything but account ownership). */
const INTEGRATION: readonly Capability[] = ["DELETE_INFRA", "SECRETS_READ", "CODE_WRITE"];

const BODY = "[A-Za-z0-9]{24,64}";
const BODY_MAX = 64;
const END = "(?![A-Za-z0-9_-])";

const accountInference = (tokenClass: string, notes: string[]) =>
  fixedInference(tokenClass, FULL_ACCOUNT, "long", [
    ...notes,
    "Assumed a Full Account token (the worst case): Vercel tokens may instead be limited to one team or one project, which only Vercel can tell.",
  ]);

const prefixed = (
  id: string,
  prefix: string,
  title: string,
  extra: Pick<TokenRule, "capabilities" | "lifetime" | "infer">,
): TokenRule => ({
  id,
  title,
  keywords: [`${prefix}_`],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}_${BODY}${END}`),
  maxLength: prefix.length + 1 + BODY_MAX,
  confidence: "high",
  ...extra,
});

const LEGACY_NAME = String.raw`vercel[A-Za-z0-9_.-]{0,16}(?:token|key|secret|auth)|(?:token|key|secret|auth)[A-Za-z0-9_.-]{0,16}vercel`;

export const detector: Detector = {
  id: "vercel",
  name: "Vercel",
  docsUrl: "https://vercel.com/docs/accounts/access-tokens",
  remediation: {
    revoke: "https://vercel.com/account/tokens",
    narrower:
      "Replace it with a project-scoped token (Account Settings → Tokens → scope: one project) with an expiry, stored as a CI secret; for deploys from Git use Vercel's Git integration, which needs no token.",
  },
  related: {
    paths: ["**/vercel.json", "**/.vercel/**", "**/com.vercel.cli/**", "**/now.json"],
    content: /api\.vercel\.com|@vercel\/|\bvercel (?:deploy|--prod|--token|pull|build|env|link)\b|VERCEL_(?:ORG|PROJECT)_ID|amondnet\/vercel-action/,
  },
  api: vercelApi,
  rules: [
    prefixed("personal-access-token", "vcp", "Vercel personal access token", {
      capabilities: FULL_ACCOUNT,
      lifetime: "long",
      infer: accountInference("personal access token", ["Personal access token (vcp_): acts as the user who created it."]),
    }),
    prefixed("integration-token", "vci", "Vercel integration token", {
      capabilities: INTEGRATION,
      lifetime: "long",
      infer: fixedInference("integration token", INTEGRATION, "long", [
        "Integration token (vci_): acts with the permissions the integration was granted on a team or its projects.",
      ]),
    }),
    prefixed("app-access-token", "vca", "Vercel app access token", {
      capabilities: INTEGRATION,
      lifetime: "short",
      infer: fixedInference("app access token", INTEGRATION, "short", [
        "App access token (vca_, Sign in with Vercel): short-lived, with the scopes the user granted the app.",
      ]),
    }),
    prefixed("app-refresh-token", "vcr", "Vercel app refresh token", {
      capabilities: INTEGRATION,
      lifetime: "long",
      infer: fixedInference("app refresh token", INTEGRATION, "long", [
        "App refresh token (vcr_): mints new app access tokens until revoked. tokscan never exchanges it (refresh tokens rotate on use).",
      ]),
    }),
    prefixed("api-key", "vck", "Vercel API key", {
      capabilities: ["SPEND"],
      lifetime: "long",
      infer: fixedInference("API key", [
        "SPEND"], "long", ["Vercel API key (vck_), as used by AI Gateway: requests spend the team's credit.",
      ]),
    }),
    {
      id: "blob-read-write-token",
      title: "Vercel Blob read-write token",
      keywords: ["vercel_blob_rw_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}vercel_blob_rw_[A-Za-z0-9]{16}_[A-Za-z0-9]{30}${END}`),
      maxLength: "vercel_blob_rw_".length + 16 + 1 + 30,
      confidence: "high",
      capabilities: ["DELETE_DATA", "READ_PII"],
      lifetime: "long",
      infer: (secret) => ({
        tokenClass: "Blob store read-write token",
        capabilities: ["DELETE_DATA", "READ_PII"],
        lifetime: "long",
        account: `blob store ${secret.split("_")[3] ?? ""}`,
        notes: [
          "Read-write token of one Vercel Blob store: it can list, read (private blobs included), overwrite and delete every file in the store.",
        ],
      }),
    },
    {
      id: "access-token",
      title: "Vercel access token",
      keywords: ["vercel"],
      pattern: new RegExp(assignmentSource(LEGACY_NAME, "[A-Za-z0-9]{24}"), "i"),
      maxLength: assignmentMaxLength("vercel".length + 16 + "secret".length, 24),
      confidence: "medium",
      capabilities: FULL_ACCOUNT,
      lifetime: "long",
      infer: accountInference("access token", ["Unprefixed (pre-2025) access token, found under a Vercel name."]),
    },
    {
      id: "cli-auth",
      title: "Vercel CLI login token (auth.json)",
      keywords: [],
      paths: ["**/com.vercel.cli/auth.json", "**/.vercel/auth.json", "**/.now/auth.json"],
      pattern: /"token"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9]{24})"/,
      maxLength: '"token": "'.length + 8 + 24 + 1,
      confidence: "high",
      capabilities: FULL_ACCOUNT,
      lifetime: "long",
      infer: accountInference("CLI login token", ["Vercel CLI login stored in auth.json: it acts as the logged-in user on every team."]),
    },
  ],
};
