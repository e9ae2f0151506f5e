/**
 * Read-only introspection of Linear keys (../shared/providers.md §3.7): GraphQL queries fixed in code,
 * POST https://api.linear.app/graphql, at most 2 calls. Personal API keys are sent as
 * `Authorization: <key>` (no Bearer), OAuth tokens as `Bearer`.
 *   1. viewer + organization: who, admin or not, which workspace; AUTHENTICATION_ERROR = inactive
 *   2. teams: how many teams it reaches
 * Docs: https://linear.app/developers/graphql#authentication
 */
import { isRecord, nonEmptyString, notReadable } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

const PATH = "/graphql";
const VIEWER_QUERY = "query tokscanViewer { viewer { id name email admin } organization { id name urlKey } }";
const TEAMS_QUERY = "query tokscanTeams { teams(first: 50) { nodes { key name } } }";
const body = (query: string): string => JSON.stringify({ query });

const errors = (response: HttpResponse): Record<string, unknown>[] =>
  isRecord(response.json) && Array.isArray(response.json.errors) ? response.json.errors.filter(isRecord) : [];
const isAuthError = (response: HttpResponse): boolean =>
  response.status === 401 ||
  errors(response).some((e) => isRecord(e.extensions) && (e.extensions.code === "AUTHENTICATION_ERROR" || e.extensions.type === "authentication error"));

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = {
    "content-type": "application/json",
    authorization: token.ruleId === "oauth-token" ? `Bearer ${token.secret}` : token.secret,
  };
  const response = await http.request("POST", PATH, { headers, body: body(VIEWER_QUERY) });
  if (isAuthError(response)) return { liveness: "inactive", reason: `Linear answered ${response.status} with an authentication error: revoked or invalid` };
  const data = isRecord(response.json) && isRecord(response.json.data) ? response.json.data : undefined;
  const viewer = isRecord(data?.viewer) ? data.viewer : undefined;
  if (response.status !== 200 || !viewer) {
    const message = nonEmptyString(errors(response)[0]?.message);
    return { liveness: "unknown", reason: `Linear answered ${response.status}${message ? ` (${message.slice(0, 120)})` : ""} without a viewer` };
  }
  const organization = isRecord(data?.organization) ? data.organization : {};
  const workspace = nonEmptyString(organization.name) ?? nonEmptyString(organization.urlKey);
  const admin = viewer.admin === true;
  const who = nonEmptyString(viewer.email) ?? nonEmptyString(viewer.name);
  const capabilities: Capability[] = admin ? ["ACCOUNT_WIDE", "DELETE_DATA", "IAM_WRITE", "READ_PII"] : ["ACCOUNT_WIDE", "DELETE_DATA", "READ_PII"];
  const facts = [`${token.ruleId === "oauth-token" ? "OAuth token" : "personal API key"} of ${who ?? "an unnamed user"}${workspace ? ` in workspace ${workspace}` : ""}${admin ? "; workspace admin" : ""}`];
  if (admin) facts.push("as an admin it can manage members, integrations and API settings");
  facts.push("key limits (read-only, some teams) are not reported by Linear: full access of the user assumed");
  try {
    const teams = await http.request("POST", PATH, { headers, body: body(TEAMS_QUERY) });
    const nodes = isRecord(teams.json) && isRecord(teams.json.data) && isRecord(teams.json.data.teams) && Array.isArray(teams.json.data.teams.nodes) ? teams.json.data.teams.nodes.filter(isRecord) : undefined;
    if (nodes) facts.push(`reaches ${nodes.length} team${nodes.length === 1 ? "" : "s"}: can delete or archive their issues and projects`);
  } catch (error) {
    facts.push(notReadable("teams", error));
  }
  return {
    liveness: "live",
    tokenClass: token.ruleId === "oauth-token" ? "OAuth access token" : admin ? "personal API key (admin)" : "personal API key",
    ...(who ? { owner: who } : {}),
    ...(workspace ? { account: workspace } : {}),
    capabilities,
    facts,
  };
}

export const linearApi: ProviderApi = {
  baseUrl: "https://api.linear.app",
  allow: [
    { method: "POST", path: PATH, body: body(VIEWER_QUERY) },
    { method: "POST", path: PATH, body: body(TEAMS_QUERY) },
  ],
  callBudget: 2,
  introspect,
};
