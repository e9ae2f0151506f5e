/**
 * Linear API credentials (../shared/providers.md §3.7): personal API keys `lin_api_` + 40 base62
 * (gitleaks `linear.go`), OAuth access tokens `lin_oauth_` + 64 hex (format observed, not documented).
 * https://linear.app/developers/graphql ; scopes: https://linear.app/developers/oauth-2-0-authentication
 */
import { fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { linearApi } from "./api.js";

/** A personal key acts as its user: an admin's key also manages members, integrations and API settings. */
export const API_KEY_CAPABILITIES: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "IAM_WRITE", "READ_PII"];
const OAUTH_CAPABILITIES: readonly Capability[] = ["DELETE_DATA", "READ_PII"];

export const rules: readonly TokenRule[] = [
  {
    id: "api-key",
    title: "Linear personal API key",
    keywords: ["lin_api_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}lin_api_[0-9A-Za-z]{40}(?![0-9A-Za-z_])`),
    maxLength: 48,
    confidence: "high",
    capabilities: API_KEY_CAPABILITIES,
    lifetime: "long",
    infer: fixedInference("personal API key", API_KEY_CAPABILITIES, "long", [
      "Linear personal API key: acts as its user in the whole workspace (issues, projects, customer requests). Keys can be limited to read or some teams, which Linear does not report; assumed full access, with admin rights if the user is an admin.",
    ]),
  },
  {
    id: "oauth-token",
    title: "Linear OAuth access token",
    keywords: ["lin_oauth_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}lin_oauth_[0-9a-f]{64}(?![0-9A-Za-z_])`),
    maxLength: 74,
    confidence: "high",
    capabilities: OAUTH_CAPABILITIES,
    lifetime: "unknown",
    infer: fixedInference("OAuth access token", OAUTH_CAPABILITIES, "unknown", [
      "Linear OAuth access token of an application: reads and writes with the scopes the user granted (read, write, admin...).",
    ]),
  },
];

export const detector: Detector = {
  id: "linear",
  name: "Linear",
  docsUrl: "https://linear.app/developers/graphql",
  remediation: {
    revoke: "https://linear.app/settings/account/security (personal API keys); OAuth apps: Settings → Applications",
    narrower: "Replace it with a personal API key limited to Read (or the few teams the job touches), or an OAuth app with only the scopes it needs.",
  },
  related: {
    paths: ["**/.linear/**", "**/linear*.{js,ts,py}"],
    content: /api\.linear\.app|@linear\/sdk|linear-sdk|LINEAR_API_KEY/,
  },
  rules,
  api: linearApi,
};
