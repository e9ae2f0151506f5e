/**
 * Read-only introspection of Render API keys (../shared/providers.md §3.3). GET only, 3 calls, Bearer:
 *   GET /v1/owners?limit=20      workspaces the key reaches (user and teams); 401 = inactive
 *   GET /v1/services?limit=100   services (production-looking names)
 *   GET /v1/postgres?limit=100   Postgres instances (deleting one deletes its backups)
 * Docs: https://api-docs.render.com/reference/list-owners , /list-services , /list-postgres .
 * Deploy hooks are never called (calling one deploys). Never: env var values, any write.
 */
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, listRecords, nonEmptyString, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { API_KEY_CAPABILITIES } from "./capabilities.js";

const PRODUCTION = /prod|production|live|main/i;

/** Render lists are `[{ <kind>: {...}, cursor }]`. */
async function list(http: ProviderHttp, path: string, kind: string, headers: Record<string, string>): Promise<Record<string, unknown>[] | string> {
  const items = await listRecords(http, path, headers);
  return typeof items === "string" ? items : items.map((item) => item[kind]).filter(isRecord);
}

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { ...bearerAuthorization(token.secret), accept: "application/json" };
  const response = await http.request("GET", "/v1/owners?limit=20", { headers });
  if (response.status === 401 || response.status === 403) return answeredInactive("Render", response.status, "GET /v1/owners", "revoked or invalid");
  if (response.status !== 200) return answeredUnknown("Render", response.status, "GET /v1/owners");
  if (!Array.isArray(response.json)) return unexpectedShape("GET /v1/owners");
  const owners = response.json.filter(isRecord).map((o) => o.owner).filter(isRecord);
  const user = owners.find((o) => o.type === "user");
  const email = nonEmptyString(user?.email) ?? nonEmptyString(owners[0]?.email);
  const facts = [`API key of ${email ?? "an unnamed user"}; reaches ${owners.length} workspace${owners.length === 1 ? "" : "s"}: ${owners.map((o) => nonEmptyString(o.name) ?? "?").join(", ")}`];
  const capabilities = new Set<Capability>(API_KEY_CAPABILITIES);
  const resources: string[] = [];
  const services = await list(http, "/v1/services?limit=100", "service", headers);
  if (typeof services === "string") facts.push(`services not readable (${services})`);
  else {
    for (const s of services.filter((s) => PRODUCTION.test(nonEmptyString(s.name) ?? "")).slice(0, 10)) resources.push(`service ${nonEmptyString(s.name)}`);
    facts.push(`reaches ${services.length} service${services.length === 1 ? "" : "s"}`);
  }
  const databases = await list(http, "/v1/postgres?limit=100", "postgres", headers);
  if (typeof databases === "string") facts.push(`Postgres instances not readable (${databases})`);
  else {
    for (const db of databases.slice(0, 10)) {
      const name = nonEmptyString(db.name) ?? "?";
      resources.push(`Postgres ${name}`);
      facts.push(`can delete Postgres ${name}, and its backups with it`);
    }
  }
  if (resources.some((r) => PRODUCTION.test(r))) capabilities.add("PROD_REACH");
  return {
    liveness: "live",
    tokenClass: "API key",
    ...(email ? { owner: email } : {}),
    ...(owners.length > 0 ? { account: owners.map((o) => nonEmptyString(o.name) ?? "?").join(", ") } : {}),
    capabilities: [...capabilities].sort(),
    resources,
    facts,
  };
}

export const renderApi: ProviderApi = {
  baseUrl: "https://api.render.com",
  allow: [
    { method: "GET", path: "/v1/owners" },
    { method: "GET", path: "/v1/services" },
    { method: "GET", path: "/v1/postgres" },
  ],
  callBudget: 3,
  rules: ["api-key"],
  introspect,
};
