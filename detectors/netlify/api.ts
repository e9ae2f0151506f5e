/**
 * Read-only introspection of Netlify tokens (../shared/providers.md §3.2). GET only, 3 calls, Bearer:
 *   GET /api/v1/user                 owner; 401 = inactive
 *   GET /api/v1/accounts             teams the user belongs to
 *   GET /api/v1/sites?per_page=100   sites reached (production deploys)
 * Docs: https://open-api.netlify.com/ . Netlify tokens have no scopes: the user's full rights.
 * Never: env var values, deploys, any write.
 */
import type { Capability, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { PAT_CAPABILITIES } from "./capabilities.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined);

async function list(http: ProviderHttp, path: string, headers: Record<string, string>): Promise<Record<string, unknown>[] | string> {
  try {
    const response = await http.request("GET", path, { headers });
    return response.status === 200 && Array.isArray(response.json) ? response.json.filter(isRecord) : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { authorization: `Bearer ${token.secret}` };
  const user = await http.request("GET", "/api/v1/user", { headers });
  if (user.status === 401 || user.status === 403) return { liveness: "inactive", reason: `Netlify answered ${user.status} to GET /api/v1/user: revoked, expired or invalid` };
  if (user.status !== 200) return { liveness: "unknown", reason: `Netlify answered ${user.status} to GET /api/v1/user` };
  if (!isRecord(user.json) || !text(user.json.email)) return { liveness: "unknown", reason: "unexpected response shape from GET /api/v1/user" };
  const email = String(user.json.email);
  const facts = [`personal access token of ${email}; Netlify tokens have no scopes`];
  const capabilities = new Set<Capability>(PAT_CAPABILITIES);
  const resources: string[] = [];
  const accounts = await list(http, "/api/v1/accounts", headers);
  if (typeof accounts === "string") facts.push(`teams not readable (${accounts})`);
  else for (const a of accounts.slice(0, 10)) facts.push(`member of team ${text(a.name) ?? text(a.slug) ?? "?"}${text(a.role) ? ` (${String(a.role)})` : ""}`);
  const sites = await list(http, "/api/v1/sites?per_page=100", headers);
  if (typeof sites === "string") facts.push(`sites not readable (${sites})`);
  else {
    const published = sites.filter((s) => isRecord(s.published_deploy) || text(s.ssl_url) || text(s.url));
    if (published.length > 0) capabilities.add("PROD_REACH");
    for (const site of published.slice(0, 20)) resources.push(`site ${text(site.name) ?? "?"} in production (${text(site.ssl_url) ?? text(site.url) ?? "?"})`);
    facts.push(`reaches ${sites.length} site${sites.length === 1 ? "" : "s"}: can delete them, change their DNS and read their environment variables`);
  }
  return {
    liveness: "live",
    tokenClass: "personal access token",
    owner: email,
    ...(typeof accounts !== "string" && accounts.length > 0 ? { account: accounts.map((a) => text(a.slug) ?? text(a.name) ?? "?").join(", ") } : {}),
    capabilities: [...capabilities].sort(),
    resources,
    facts,
  };
}

export const netlifyApi: ProviderApi = {
  baseUrl: "https://api.netlify.com",
  allow: [
    { method: "GET", path: "/api/v1/user" },
    { method: "GET", path: "/api/v1/accounts" },
    { method: "GET", path: "/api/v1/sites" },
  ],
  callBudget: 3,
  introspect,
};
