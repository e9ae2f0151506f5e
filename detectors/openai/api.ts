/**
 * Read-only introspection of OpenAI keys (../shared/providers.md §2.8). GET only, `Authorization: Bearer`,
 * no OpenAI-Organization/OpenAI-Project headers (the key's defaults apply). Never a model call.
 * Project, service-account and legacy keys:
 *   GET /v1/models                 200 = live; 401 = inactive; 403 = live key restricted from Models
 *   GET /v1/me                     owner and organizations of user-owned keys (undocumented: failure is no verdict)
 *   GET /v1/{files,vector_stores,assistants,batches,fine_tuning/jobs}?limit=1
 *                                  read probes: 200 = that data is reachable (write assumed where readable)
 * Admin keys:
 *   GET /v1/organization/projects?limit=100, GET /v1/organization/users?limit=100
 * Docs: https://platform.openai.com/docs/api-reference/models/list , https://platform.openai.com/docs/api-reference/files/list ,
 * https://platform.openai.com/docs/api-reference/projects/list , https://platform.openai.com/docs/api-reference/users/list
 */
import { answeredUnknown, bearerAuthorization, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

interface Probe {
  path: string;
  label: string;
  headers?: Record<string, string>;
}

/** Stored data a key may reach: uploaded files and what is built from them may hold customer data. */
const DATA_PROBES: readonly Probe[] = [
  { path: "/v1/files?limit=1", label: "files" },
  { path: "/v1/vector_stores?limit=1", label: "vector stores", headers: { "OpenAI-Beta": "assistants=v2" } },
  { path: "/v1/assistants?limit=1", label: "assistants", headers: { "OpenAI-Beta": "assistants=v2" } },
  { path: "/v1/batches?limit=1", label: "batches" },
  { path: "/v1/fine_tuning/jobs?limit=1", label: "fine-tuning jobs" },
];

const isList = (value: unknown): value is { data: unknown[] } => isRecord(value) && Array.isArray(value.data);

const errorCode = (response: HttpResponse): string => {
  const error = isRecord(response.json) && isRecord(response.json.error) ? response.json.error : {};
  return typeof error.code === "string" ? error.code : "";
};

/** "Missing scopes: api.model.read" in a 403 of a restricted key (observed text, parsed defensively). */
function missingScopes(response: HttpResponse): string[] {
  const after = /Missing scopes?: ([^\n]{1,300})/i.exec(response.text)?.[1] ?? "";
  return [...after.matchAll(/\bapi\.[a-z0-9_.]{0,60}[a-z0-9_]/g)].map((m) => m[0]);
}

function inactive(response: HttpResponse, path: string): Introspection {
  const code = errorCode(response);
  return { liveness: "inactive", reason: `OpenAI answered 401 to GET ${path}${code ? ` (${code})` : ""}: revoked, deleted or invalid key` };
}

async function ownerOf(http: ProviderHttp, headers: Record<string, string>, facts: string[]): Promise<Pick<Introspection, "owner" | "account">> {
  const me = await http.request("GET", "/v1/me", { headers }).catch(() => undefined);
  if (me?.status !== 200 || !isRecord(me.json)) return {};
  const owner = [me.json.email, me.json.name].find((v): v is string => typeof v === "string" && v !== "");
  const orgs = isRecord(me.json.orgs) && Array.isArray(me.json.orgs.data) ? me.json.orgs.data.filter(isRecord) : [];
  const main = orgs.find((o) => o.is_default === true) ?? orgs[0];
  const account = typeof main?.title === "string" ? main.title : undefined;
  if (owner) facts.push(`owner ${owner}`);
  for (const org of orgs.slice(0, 5)) facts.push(`${String(org.role ?? "member")} of organization ${String(org.title ?? org.id ?? "?")}`);
  return { ...(owner ? { owner } : {}), ...(account ? { account } : {}) };
}

async function introspectAdmin(http: ProviderHttp, headers: Record<string, string>): Promise<Introspection> {
  const path = "/v1/organization/projects?limit=100";
  const projects = await http.request("GET", path, { headers });
  if (projects.status === 401) return inactive(projects, "/v1/organization/projects");
  if (projects.status !== 200) return answeredUnknown("OpenAI", projects.status, "GET /v1/organization/projects");
  if (!isList(projects.json)) return unexpectedShape("GET /v1/organization/projects");
  const names = projects.json.data.filter(isRecord).map((p) => String(p.name ?? p.id ?? "?"));
  const facts = [`admin key: manages ${names.length} ${names.length === 1 ? "project" : "projects"}, their members and API keys`];
  const users = await http.request("GET", "/v1/organization/users?limit=100", { headers }).catch(() => undefined);
  if (users?.status === 200 && isList(users.json)) {
    const owners = users.json.data.filter(isRecord).filter((u) => u.role === "owner").length;
    facts.push(`organization has ${users.json.data.length} users (${owners} owners)`);
  }
  return {
    liveness: "live",
    tokenClass: "admin key",
    capabilities: ["ACCOUNT_WIDE", "DELETE_INFRA", "IAM_WRITE", "READ_PII"],
    facts,
    resources: names.length > 0 ? [`projects ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}`] : [],
  };
}

export const api: ProviderApi = {
  baseUrl: "https://api.openai.com",
  allow: [
    { method: "GET", path: "/v1/models" },
    { method: "GET", path: "/v1/me" },
    ...DATA_PROBES.map((p) => ({ method: "GET" as const, path: p.path.split("?", 1)[0]! })),
    { method: "GET", path: "/v1/organization/projects" },
    { method: "GET", path: "/v1/organization/users" },
  ],
  callBudget: 10,
  rules: ["project-key", "service-account-key", "admin-key", "legacy-user-key"],

  async introspect(token, http) {
    const headers = bearerAuthorization(token.secret);
    if (token.ruleId === "admin-key") return introspectAdmin(http, headers);

    const models = await http.request("GET", "/v1/models", { headers });
    if (models.status === 401) return inactive(models, "/v1/models");
    const facts: string[] = [];
    if (models.status === 200) {
      if (!isList(models.json)) return unexpectedShape("GET /v1/models");
      facts.push(`lists ${models.json.data.length} models`);
    } else if (models.status === 403) {
      const missing = missingScopes(models);
      facts.push(`restricted key: no Models read${missing.length > 0 ? ` (missing ${missing.join(", ")})` : ""}`);
    } else {
      return answeredUnknown("OpenAI", models.status, "GET /v1/models");
    }

    const who = await ownerOf(http, headers, facts);
    const reachable: string[] = [];
    for (const probe of DATA_PROBES) {
      const response = await http.request("GET", probe.path, { headers: { ...headers, ...probe.headers } }).catch(() => undefined);
      if (response?.status === 200 && isList(response.json)) reachable.push(probe.label);
    }
    // Inference cannot be proven or ruled out without calling a model: SPEND stays.
    const capabilities = new Set<Capability>(["SPEND"]);
    if (reachable.length > 0) {
      capabilities.add("READ_PII").add("DELETE_DATA");
      facts.push(`reads ${reachable.join(", ")} (write assumed where it reads)`);
    } else {
      facts.push("reads no stored files, vector stores, assistants, batches or fine-tuning jobs");
    }
    if (token.ruleId === "legacy-user-key") capabilities.add("ACCOUNT_WIDE");
    const tokenClass = { "project-key": "project key", "service-account-key": "service account key" }[token.ruleId] ?? "legacy user key";
    return { liveness: "live", tokenClass, ...who, capabilities: [...capabilities].sort(), facts };
  },
};
