/**
 * Read-only introspection of Netlify tokens (../shared/providers.md §3.2). GET only, 3 calls, Bearer:
 *   GET /api/v1/user                 owner; 401 = inactive
 *   GET /api/v1/accounts             teams the user belongs to
 *   GET /api/v1/sites?per_page=100   sites reached (production deploys)
 * Docs: https://open-api.netlify.com/ . Netlify tokens have no scopes: the user's full rights.
 * Never: env var values, deploys, any write.
 */
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, listRecords, nonEmptyString, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { PAT_CAPABILITIES } from "./capabilities.js";

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = bearerAuthorization(token.secret);
  const user = await http.request("GET", "/api/v1/user", { headers });
  if (user.status === 401 || user.status === 403) return answeredInactive("Netlify", user.status, "GET /api/v1/user", "revoked, expired or invalid");
  if (user.status !== 200) return answeredUnknown("Netlify", user.status, "GET /api/v1/user");
  if (!isRecord(user.json) || !nonEmptyString(user.json.email)) return unexpectedShape("GET /api/v1/user");
  const email = String(user.json.email);
  const facts = [`personal access token of ${email}; Netlify tokens have no scopes`];
  const capabilities = new Set<Capability>(PAT_CAPABILITIES);
  const resources: string[] = [];
  const accounts = await listRecords(http, "/api/v1/accounts", headers);
  if (typeof accounts === "string") facts.push(`teams not readable (${accounts})`);
  else for (const a of accounts.slice(0, 10)) facts.push(`member of team ${nonEmptyString(a.name) ?? nonEmptyString(a.slug) ?? "?"}${nonEmptyString(a.role) ? ` (${String(a.role)})` : ""}`);
  const sites = await listRecords(http, "/api/v1/sites?per_page=100", headers);
  if (typeof sites === "string") facts.push(`sites not readable (${sites})`);
  else {
    const published = sites.filter((s) => isRecord(s.published_deploy) || nonEmptyString(s.ssl_url) || nonEmptyString(s.url));
    if (published.length > 0) capabilities.add("PROD_REACH");
    for (const site of published.slice(0, 20)) resources.push(`site ${nonEmptyString(site.name) ?? "?"} in production (${nonEmptyString(site.ssl_url) ?? nonEmptyString(site.url) ?? "?"})`);
    facts.push(`reaches ${sites.length} site${sites.length === 1 ? "" : "s"}: can delete them, change their DNS and read their environment variables`);
  }
  return {
    liveness: "live",
    tokenClass: "personal access token",
    owner: email,
    ...(typeof accounts !== "string" && accounts.length > 0 ? { account: accounts.map((a) => nonEmptyString(a.slug) ?? nonEmptyString(a.name) ?? "?").join(", ") } : {}),
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
