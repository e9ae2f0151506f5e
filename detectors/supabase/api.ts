/**
 * Read-only introspection of Supabase keys (../shared/providers.md §2.17 (c)-(f)):
 *   GET https://<ref>.supabase.co/auth/v1/settings   (header apikey) project keys: 200 accepted, 401 not
 *   GET https://api.supabase.com/v1/projects          (Bearer sbp_) the user's projects
 *   GET https://api.supabase.com/v1/organizations     (Bearer sbp_) the user's organizations
 * The project ref comes from the service_role JWT itself (offline) or, for `sb_secret_` keys, from a
 * service_role key in the same file; hosts are never guessed. Nothing that returns data rows, runs SQL
 * or reveals API keys is called.
 * Docs: https://supabase.com/docs/reference/api/v1-list-all-projects ,
 * https://supabase.com/docs/guides/api/api-keys
 */
import { answeredInactive, bearerAuthorization, isRecord, notReadable } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { supabaseClaims } from "./claims.js";

export const PROJECT_ORIGIN = "https://{ref}.supabase.co";
const PROD = /(?:^|[-_ .])(?:prod|production|live|main)(?:$|[-_ .])/i;
const MANAGEMENT: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "SECRETS_READ", "READ_PII"];

const local = (ruleId: string): string => ruleId.replace(/^supabase\//, "");

function messageOf(response: HttpResponse): string {
  const json = response.json;
  const text = isRecord(json) ? (json["message"] ?? json["msg"] ?? json["error"]) : undefined;
  return typeof text === "string" ? ` (${text.slice(0, 120)})` : "";
}

/** The project ref of this token, from its own claims or from a service_role key beside it. */
function projectRef(token: TokenInstance): string | undefined {
  if (token.ruleId === "service-role-key") return supabaseClaims(token.secret)?.ref;
  const beside = token.companions.find((c) => local(c.ruleId) === "service-role-key");
  return beside ? supabaseClaims(beside.secret)?.ref : undefined;
}

async function introspectProjectKey(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const claims = token.ruleId === "service-role-key" ? supabaseClaims(token.secret) : undefined;
  if (claims?.iss === "supabase-demo") {
    return { liveness: "unchecked", reason: "self-hosting demo key: its host is not known, and the key is public anyway" };
  }
  const ref = projectRef(token);
  if (!ref || !/^[a-z0-9]{1,63}$/.test(ref)) {
    return { liveness: "unchecked", reason: "project URL unknown: no project ref in the key or beside it (hosts are never guessed)" };
  }
  const response = await http.request("GET", "/auth/v1/settings", {
    origin: `https://${ref}.supabase.co`,
    headers: { apikey: token.secret, Accept: "application/json" },
  });
  if (response.status === 401 || response.status === 403) {
    return { liveness: "inactive", reason: `project ${ref} answered ${response.status}${messageOf(response)}: key revoked or rotated` };
  }
  if (response.status === 404) return { liveness: "inactive", reason: `project ${ref} not found (deleted or paused)` };
  if (response.status !== 200 || !isRecord(response.json)) {
    return { liveness: "unknown", reason: `unexpected answer from GET /auth/v1/settings (HTTP ${response.status})` };
  }
  const facts = [`key accepted by project ${ref}`, "service role: bypasses Row Level Security on every table, Storage bucket and Auth user"];
  const signup = response.json["disable_signup"];
  if (typeof signup === "boolean") facts.push(signup ? "sign-ups disabled" : "sign-ups enabled");
  return {
    liveness: "live",
    account: ref,
    tokenClass: token.ruleId === "service-role-key" ? "service_role JWT" : "secret API key",
    capabilities: [...token.inference.capabilities],
    resources: [`project https://${ref}.supabase.co`],
    facts,
  };
}

async function introspectManagementToken(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { ...bearerAuthorization(token.secret), Accept: "application/json" };
  const projects = await http.request("GET", "/v1/projects", { headers });
  if (projects.status === 401 || projects.status === 403) {
    return answeredInactive("Supabase", projects.status, `GET /v1/projects${messageOf(projects)}`, "token revoked or invalid");
  }
  if (projects.status !== 200 || !Array.isArray(projects.json)) {
    return { liveness: "unknown", reason: `unexpected answer from GET /v1/projects (HTTP ${projects.status})` };
  }
  const list = projects.json.filter(isRecord);
  const names = list.map((p) => String(p["name"] ?? p["id"] ?? p["ref"] ?? "?"));
  const production = list.filter((p) => PROD.test(String(p["name"] ?? "")));
  const capabilities = new Set<Capability>(MANAGEMENT);
  if (production.length > 0) capabilities.add("PROD_REACH");
  const facts = [
    `reaches ${list.length} ${list.length === 1 ? "project" : "projects"} through the Management API: can delete them (with their backups), run SQL and read their API keys`,
  ];
  let account: string | undefined;
  try {
    const orgs = await http.request("GET", "/v1/organizations", { headers });
    if (orgs.status === 200 && Array.isArray(orgs.json)) {
      const orgNames = orgs.json.filter(isRecord).map((o) => String(o["name"] ?? o["id"] ?? "?"));
      account = orgNames[0];
      facts.push(`member of ${orgNames.length} ${orgNames.length === 1 ? "organization" : "organizations"}: ${orgNames.slice(0, 5).join(", ")}`);
    }
  } catch (error) {
    facts.push(notReadable("organizations", error));
  }
  return {
    liveness: "live",
    ...(account ? { account } : {}),
    tokenClass: "Management API personal access token",
    capabilities: [...capabilities].sort(),
    resources: names.slice(0, 10).map((n) => `project ${n}${production.some((p) => String(p["name"]) === n) ? " (production)" : ""}`),
    facts,
  };
}

export const api: ProviderApi = {
  baseUrl: "https://api.supabase.com",
  allow: [
    { method: "GET", path: "/v1/projects" },
    { method: "GET", path: "/v1/organizations" },
    { method: "GET", path: "/auth/v1/settings", origin: PROJECT_ORIGIN },
  ],
  callBudget: 6,
  // The JWT secret is not checked: that would mean minting a token with it.
  rules: ["service-role-key", "secret-key", "management-token"],

  introspect(token, http) {
    return token.ruleId === "management-token" ? introspectManagementToken(token, http) : introspectProjectKey(token, http);
  },
};
