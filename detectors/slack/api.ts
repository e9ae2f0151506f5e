/**
 * Read-only introspection of Slack tokens (../shared/providers.md §2.5): one call,
 *   POST /api/auth.test (empty body, `Authorization: Bearer`), documented as having no side effects.
 * Slack answers HTTP 200 with `ok: true` (team, user, bot_id, enterprise install) and the granted scopes
 * in the `x-oauth-scopes` header, or `ok: false` with an error code.
 * Docs: https://api.slack.com/methods/auth.test , https://api.slack.com/scopes .
 * Never sent: refresh tokens (exchanging them rotates them), app-level tokens (auth.test refuses them),
 * browser session tokens (need the owner's `d` cookie), webhook URLs (any POST may post a message).
 */
import { bearerAuthorization, isRecord, nonEmptyString } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi } from "../../src/detector-kit/index.js";

const PATH = "/api/auth.test";

/** auth.test errors that mean the token no longer works. */
const DEAD = new Set(["invalid_auth", "token_revoked", "account_inactive", "not_authed", "token_expired", "org_login_required"]);

/** Scopes that let a token read what people wrote in Slack: pasted secrets and personal data. */
const READ_SCOPES = new Set(["channels:history", "groups:history", "im:history", "mpim:history", "search:read", "files:read"]);

/** What each scope lets a token do. Scopes absent here add nothing. */
export function capabilitiesOfScope(scope: string): Capability[] {
  if (scope === "admin" || scope.startsWith("admin.")) return ["IAM_WRITE", "ACCOUNT_WIDE", "DELETE_DATA"];
  if (scope === "client" || scope === "post") return ["SEND_AS_ORG", "READ_PII", "SECRETS_READ", "DELETE_DATA"];
  if (scope.startsWith("chat:write")) return ["SEND_AS_ORG"];
  if (READ_SCOPES.has(scope)) return ["READ_PII", "SECRETS_READ"];
  if (scope === "users:read.email") return ["READ_PII"];
  if (scope === "files:write") return ["DELETE_DATA"];
  if (["channels:manage", "groups:write", "users:write", "users.profile:write", "usergroups:write"].includes(scope)) return ["IAM_WRITE"];
  return [];
}

export const api: ProviderApi = {
  baseUrl: "https://slack.com",
  allow: [{ method: "POST", path: PATH, body: "" }],
  // One call, plus room for the HTTP layer's retries on 429/5xx.
  callBudget: 3,
  rules: ["bot-token", "user-token", "rotating-access-token", "legacy-token"],

  async introspect(token, http) {
    const response = await http.request("POST", PATH, {
      headers: { ...bearerAuthorization(token.secret), "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    if (response.status !== 200 || !isRecord(response.json) || typeof response.json.ok !== "boolean") {
      return { liveness: "unknown", reason: `unexpected answer from POST ${PATH} (HTTP ${response.status})` };
    }
    const body = response.json;
    if (!body.ok) {
      const error = nonEmptyString(body.error) ?? "unknown_error";
      return DEAD.has(error)
        ? { liveness: "inactive", reason: `Slack auth.test: ${error}` }
        : { liveness: "unknown", reason: `Slack auth.test refused the token: ${error}` };
    }
    const user = nonEmptyString(body.user);
    const team = nonEmptyString(body.team);
    const bot = nonEmptyString(body.bot_id) !== undefined;
    const header = response.headers.get("x-oauth-scopes");
    const scopes = header === null ? undefined : header.split(",").map((s) => s.trim()).filter((s) => s !== "");
    const facts: string[] = [`acts as ${bot ? "bot" : "user"} ${user ?? "?"} in workspace ${team ?? "?"}${nonEmptyString(body.url) ? ` (${nonEmptyString(body.url)})` : ""}`];
    const result: Introspection = {
      liveness: "live",
      tokenClass: bot ? "bot token" : "user token",
      ...(user ? { owner: user } : {}),
      ...(team ? { account: team } : {}),
      facts,
    };
    if (scopes) {
      const capabilities = new Set<Capability>(scopes.flatMap(capabilitiesOfScope));
      if (body.is_enterprise_install === true) {
        capabilities.add("ACCOUNT_WIDE");
        facts.push(`Enterprise Grid org-wide install${nonEmptyString(body.enterprise_id) ? ` (${nonEmptyString(body.enterprise_id)})` : ""}: every workspace of the organization`);
      }
      facts.push(scopes.length > 0 ? `scopes ${scopes.join(", ")}` : "no scopes");
      result.scopes = scopes;
      result.capabilities = [...capabilities].sort();
    } else {
      facts.push("scopes not reported (legacy token): scored on the token type");
    }
    return result;
  },
};
