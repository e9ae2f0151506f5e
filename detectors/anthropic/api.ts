/**
 * Read-only introspection of Anthropic API and Admin API keys (../shared/providers.md §2.9). GET only,
 * headers `x-api-key` and `anthropic-version: 2023-06-01`; never a Messages call.
 *   API keys:   GET /v1/models                        200 = live (organization id in a response header); 401 = inactive
 *   Admin keys: GET /v1/organizations/me              organization name
 *               GET /v1/organizations/users?limit=100, /workspaces?limit=100, /api_keys?limit=100&status=active
 * Docs: https://docs.anthropic.com/en/api/models-list , https://docs.anthropic.com/en/api/errors ,
 * https://docs.anthropic.com/en/api/admin-api/organization/get-me , https://docs.anthropic.com/en/api/admin-api/users/list-users ,
 * https://docs.anthropic.com/en/api/admin-api/workspaces/list-workspaces , https://docs.anthropic.com/en/api/admin-api/apikeys/list-api-keys
 * Claude OAuth tokens have no documented read-only check; refresh tokens are never sent.
 */
import { isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

const VERSION = "2023-06-01";

const dataOf = (response: HttpResponse | undefined): Record<string, unknown>[] | undefined =>
  response?.status === 200 && isRecord(response.json) && Array.isArray(response.json.data)
    ? response.json.data.filter(isRecord)
    : undefined;

const errorType = (response: HttpResponse): string => {
  const error = isRecord(response.json) && isRecord(response.json.error) ? response.json.error : {};
  return typeof error.type === "string" ? error.type : "";
};

function notOk(response: HttpResponse, path: string): Introspection {
  const type = errorType(response);
  if (response.status === 401) {
    return { liveness: "inactive", reason: `Anthropic answered 401 to GET ${path}${type ? ` (${type})` : ""}: disabled, archived or invalid key` };
  }
  return { liveness: "unknown", reason: `Anthropic answered ${response.status} to GET ${path}${type ? ` (${type})` : ""}` };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

async function introspectAdmin(http: ProviderHttp, headers: Record<string, string>): Promise<Introspection> {
  const me = await http.request("GET", "/v1/organizations/me", { headers });
  if (me.status !== 200) return notOk(me, "/v1/organizations/me");
  if (!isRecord(me.json) || typeof me.json.id !== "string") {
    return unexpectedShape("GET /v1/organizations/me");
  }
  const organization = typeof me.json.name === "string" && me.json.name !== "" ? me.json.name : me.json.id;
  const facts = [`Admin API key of organization ${organization}: manages its members, workspaces and API keys`];
  const resources: string[] = [];
  const get = (path: string) => http.request("GET", path, { headers }).catch(() => undefined);
  const users = dataOf(await get("/v1/organizations/users?limit=100"));
  if (users) facts.push(`${plural(users.length, "member")}, ${users.filter((u) => u.role === "admin").length} admins`);
  const workspaces = dataOf(await get("/v1/organizations/workspaces?limit=100"));
  if (workspaces) {
    const names = workspaces.filter((w) => w.archived_at == null).map((w) => String(w.name ?? w.id ?? "?"));
    resources.push(`workspaces ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}`);
    facts.push(`can archive ${plural(names.length, "workspace")}`);
  }
  const keys = dataOf(await get("/v1/organizations/api_keys?limit=100&status=active"));
  if (keys) facts.push(`can disable ${plural(keys.length, "active API key")} (outage of the integrations using them)`);
  return {
    liveness: "live",
    tokenClass: "admin key",
    account: organization,
    capabilities: ["ACCOUNT_WIDE", "DELETE_INFRA", "IAM_WRITE", "READ_PII"],
    facts,
    resources,
  };
}

export const api: ProviderApi = {
  baseUrl: "https://api.anthropic.com",
  allow: [
    { method: "GET", path: "/v1/models" },
    { method: "GET", path: "/v1/organizations/me" },
    { method: "GET", path: "/v1/organizations/users" },
    { method: "GET", path: "/v1/organizations/workspaces" },
    { method: "GET", path: "/v1/organizations/api_keys" },
  ],
  callBudget: 6,
  rules: ["api-key", "admin-key"],

  async introspect(token, http) {
    const headers = { "x-api-key": token.secret, "anthropic-version": VERSION };
    if (token.ruleId === "admin-key") return introspectAdmin(http, headers);
    const models = await http.request("GET", "/v1/models", { headers });
    if (models.status !== 200) return notOk(models, "/v1/models");
    const data = dataOf(models);
    if (!data) return unexpectedShape("GET /v1/models");
    const organization = models.headers.get("anthropic-organization-id") ?? undefined;
    const facts = [
      `API key${organization ? ` of organization ${organization}` : ""}: Messages, Files and Batches of its workspace, billed to the organization`,
      `lists ${plural(data.length, "model")}`,
      "its workspace is only readable with an Admin API key of the same organization",
    ];
    return {
      liveness: "live",
      tokenClass: "API key",
      ...(organization ? { account: organization } : {}),
      capabilities: ["DELETE_DATA", "READ_PII", "SPEND"],
      facts,
    };
  },
};
