/**
 * Read-only introspection of Databricks personal access tokens (../shared/providers.md §3.13):
 *   GET /api/2.0/preview/scim/v2/Me (Bearer) -> {userName, displayName, active, groups[{display}], entitlements[{value}]}
 * A PAT works only on its own workspace, whose URL is not in the token. tokscan never guesses hosts:
 * the token is asked about only when the workspace URL is given (`--endpoint databricks=https://<workspace>`
 * or TOKSCAN_ENDPOINT_DATABRICKS); otherwise it stays unchecked, with that instruction as the reason.
 * OAuth secrets (`dose`) would need a client-credentials exchange: not introspected.
 * Never sent: cluster create/start, jobs/run-now, SQL statements, DBFS/workspace writes, token create/revoke.
 * Docs: https://docs.databricks.com/api/workspace/currentuser/me
 */
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi } from "../../src/detector-kit/index.js";

/** Placeholder origin: the real one is the workspace URL, which only the user can give. */
const NO_WORKSPACE = "https://accounts.cloud.databricks.com";
const PATH = "/api/2.0/preview/scim/v2/Me";
const ADMIN: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_INFRA", "IAM_WRITE", "READ_PII", "SECRETS_READ", "SPEND"];

export const WORKSPACE_UNKNOWN_REASON =
  "the Databricks workspace URL is not known: pass --endpoint databricks=https://<workspace host> to check this token";

/** `[{display: "admins"}, {value: "x"}]` -> the names. */
const names = (value: unknown, field: string): string[] =>
  Array.isArray(value) ? value.filter(isRecord).map((v) => v[field]).filter((v): v is string => typeof v === "string") : [];

export const api: ProviderApi = {
  baseUrl: NO_WORKSPACE,
  allow: [{ method: "GET", path: PATH }],
  callBudget: 3,
  rules: ["personal-access-token"],

  async introspect(token, http): Promise<Introspection> {
    if (http.baseUrl === NO_WORKSPACE) return { liveness: "unchecked", reason: WORKSPACE_UNKNOWN_REASON };
    const response = await http.request("GET", PATH, { headers: { ...bearerAuthorization(token.secret), Accept: "application/scim+json" } });
    if (response.status === 401 || response.status === 403) {
      return answeredInactive("Databricks", response.status, "GET /scim/v2/Me", "invalid, expired or revoked token");
    }
    if (response.status !== 200) return answeredUnknown("Databricks", response.status, "GET /scim/v2/Me");
    const me = response.json;
    if (!isRecord(me) || typeof me["userName"] !== "string") return unexpectedShape("GET /scim/v2/Me");

    const groups = names(me["groups"], "display");
    const entitlements = names(me["entitlements"], "value");
    const admin = groups.includes("admins");
    const facts = [`acts as ${me["userName"]} on workspace ${new URL(http.baseUrl).host}`];
    if (me["active"] === false) facts.push("the user is deactivated");
    facts.push(admin ? "member of the workspace admins group: manages users, tokens, clusters and secret scopes" : "not a workspace admin");
    if (entitlements.length > 0) facts.push(`entitlements ${entitlements.join(", ")}`);

    let capabilities: Capability[];
    if (admin) capabilities = [...ADMIN];
    else {
      const granted = new Set<Capability>(["DELETE_DATA", "READ_PII"]);
      if (entitlements.includes("allow-cluster-create") || entitlements.includes("allow-instance-pool-create")) granted.add("SPEND");
      capabilities = [...granted].sort();
      facts.push("table grants and secret scope ACLs not read: data access scored as possible");
    }
    return {
      liveness: "live",
      owner: me["userName"],
      account: new URL(http.baseUrl).host,
      tokenClass: admin ? "personal access token (workspace admin)" : "personal access token",
      scopes: groups.map((g) => `group:${g}`),
      capabilities,
      facts,
      resources: groups.map((g) => `group ${g}`),
    };
  },
};
