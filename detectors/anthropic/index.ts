/**
 * Anthropic API keys, admin keys and Claude OAuth tokens.
 * API keys: https://docs.anthropic.com/en/api/overview ; admin API:
 * https://docs.anthropic.com/en/api/administration-api . ../shared/providers.md §2.9.
 * OAuth token formats (`sk-ant-oat01-`, `sk-ant-ort01-`) are observed, not documented.
 */
import { prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Lifetime, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** Key bodies are URL-safe base64: a key must not run on into more of it. */
const END = "(?![0-9A-Za-z_-])";

/** Messages are billed to the owner; Files and batch results may hold customer data. */
const API_KEY: Capability[] = ["SPEND", "READ_PII", "DELETE_DATA"];
const ADMIN: Capability[] = ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_INFRA", "READ_PII"];
const OAUTH: Capability[] = ["SPEND", "READ_PII"];

const rule = (
  id: string,
  prefix: string,
  body: { source: string; max: number },
  title: string,
  capabilities: readonly Capability[],
  tokenClass: string,
  notes: string[],
  lifetime: Lifetime,
): TokenRule => prefixedTokenRule({ id, title, prefix, body: body.source, bodyMax: body.max, end: END, capabilities, lifetime, tokenClass, notes });

/** api03 and admin01 keys: 93 URL-safe characters then a fixed `AA`. */
const KEY_BODY = { source: "[0-9A-Za-z_-]{93}AA", max: 95 };
/** OAuth token lengths vary between releases. */
const OAUTH_BODY = { source: "[0-9A-Za-z_-]{40,200}", max: 200 };

export const detector: Detector = {
  id: "anthropic",
  name: "Anthropic",
  docsUrl: "https://docs.anthropic.com/en/api/overview",
  remediation: {
    revoke: "https://console.anthropic.com/settings/keys",
    narrower:
      "Disable the key in the Console (API keys; admin keys under Settings > Admin keys), then create an API key in a dedicated workspace with a spend limit for just this use; never put admin keys or personal Claude OAuth tokens in code or shared files.",
  },
  related: {
    paths: ["**/.claude/**", "**/.claude.json"],
    content: /api\.anthropic\.com|@anthropic-ai\/|from anthropic|import anthropic|langchain[_-]anthropic|ANTHROPIC_API_KEY|CLAUDE_CODE_OAUTH_TOKEN/,
  },
  api,
  rules: [
    rule("api-key", "sk-ant-api03-", KEY_BODY, "Anthropic API key", API_KEY, "API key", [
      "API key: full Messages, Files and Batches access in its workspace.",
    ], "long"),
    rule("admin-key", "sk-ant-admin01-", KEY_BODY, "Anthropic Admin API key", ADMIN, "admin key", [
      "Admin key: manages the organization's members, workspaces and API keys; it cannot call Messages.",
    ], "long"),
    rule("oauth-access-token", "sk-ant-oat01-", OAUTH_BODY, "Claude OAuth access token", OAUTH, "Claude OAuth access token", [
      "A person's Claude subscription token (e.g. from `claude setup-token`): uses their plan quota.",
    ], "unknown"),
    rule("oauth-refresh-token", "sk-ant-ort01-", OAUTH_BODY, "Claude OAuth refresh token", OAUTH, "Claude OAuth refresh token", [
      "Mints new access tokens for the person's Claude subscription; single use, so tokscan never exchanges it.",
    ], "long"),
  ],
};
