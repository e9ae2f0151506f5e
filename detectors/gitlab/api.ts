/**
 * Read-only introspection of GitLab access tokens (`glpat-`), ../shared/providers.md §2.4. GET only,
 * header `PRIVATE-TOKEN`, at most 4 calls; the base URL is gitlab.com or a self-managed instance
 * (--endpoint gitlab=https://gitlab.example.com):
 *   GET /api/v4/personal_access_tokens/self  name, scopes, expiry, active/revoked; 401 = inactive
 *   GET /api/v4/user                         username, bot (project/group token), is_admin
 *   GET /api/v4/projects?min_access_level=40 projects where the token's user is Maintainer or Owner
 *   GET /api/v4/groups?min_access_level=50   groups the user owns (deleting one deletes its projects)
 * Docs: https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token ,
 * https://docs.gitlab.com/api/users/#get-the-current-user , https://docs.gitlab.com/api/projects/ ,
 * https://docs.gitlab.com/api/groups/ , https://docs.gitlab.com/user/profile/personal_access_tokens/#personal-access-token-scopes
 * Deploy, runner, trigger, feed and job tokens have no read-only check: never sent.
 */
import { answeredInactive, answeredUnknown, isRecord, listNames, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

const PAGE = 100;
const SELF_PATH = "/api/v4/personal_access_tokens/self";
const USER_PATH = "/api/v4/user";
const MAINTAINED_PATH = `/api/v4/projects?min_access_level=40&per_page=${PAGE}&simple=true`;
const OWNED_GROUPS_PATH = `/api/v4/groups?min_access_level=50&per_page=${PAGE}`;

/** What each scope lets a token do (bounded later by the user's role). Scopes absent here add nothing. */
export const SCOPE_CAPABILITIES: Readonly<Record<string, readonly Capability[]>> = {
  api: ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "IAM_WRITE"],
  read_api: ["ACCOUNT_WIDE", "SECRETS_READ"],
  read_repository: ["SECRETS_READ"],
  write_repository: ["CODE_WRITE"],
  write_registry: ["CODE_WRITE"],
  write_package_registry: ["CODE_WRITE"],
  write_virtual_registry: ["CODE_WRITE"],
  sudo: ["ACCOUNT_WIDE", "IAM_WRITE"],
  admin_mode: ["ACCOUNT_WIDE", "IAM_WRITE"],
  create_runner: ["SECRETS_READ", "CODE_WRITE"],
  manage_runner: ["SECRETS_READ", "CODE_WRITE"],
  k8s_proxy: ["PROD_REACH", "DELETE_INFRA"],
};

export function capabilitiesOfScopes(scopes: readonly string[]): Set<Capability> {
  const out = new Set<Capability>();
  for (const scope of scopes) for (const c of SCOPE_CAPABILITIES[scope] ?? []) out.add(c);
  return out;
}

/** A complete listing: less than a page and no next page announced. */
const isComplete = (response: HttpResponse, items: readonly unknown[]): boolean =>
  items.length < PAGE && !(response.headers.get("x-next-page") ?? "").trim() && !/rel="next"/.test(response.headers.get("link") ?? "");

/** GitLab's 401 bodies say why: `{"message":"401 Unauthorized"}` or `{"error":"invalid_token","error_description":"Token has expired."}`. */
function why401(response: HttpResponse): string {
  const body = isRecord(response.json) ? response.json : {};
  const description = typeof body.error_description === "string" ? body.error_description : "";
  if (/expired/i.test(description)) return "expired";
  if (/revoked/i.test(description)) return "revoked";
  return "revoked, expired or invalid";
}

interface Listing {
  names: string[];
  complete: boolean;
}

async function list(http: ProviderHttp, path: string, headers: Record<string, string>, key: string): Promise<Listing | undefined> {
  const response = await http.request("GET", path, { headers }).catch(() => undefined);
  if (response?.status !== 200 || !Array.isArray(response.json)) return undefined;
  const names = response.json.filter(isRecord).map((item) => String(item[key] ?? item.name ?? "?"));
  return { names, complete: isComplete(response, response.json) };
}

/** Bot users stand for project and group access tokens: `project_<id>_bot_<hex>`, `group_<id>_bot_<hex>`. */
function tokenClassOf(user: Record<string, unknown> | undefined): string {
  const username = typeof user?.username === "string" ? user.username : "";
  if (user?.bot === true && /^project_\d{1,20}_bot/.test(username)) return "project access token";
  if (user?.bot === true && /^group_\d{1,20}_bot/.test(username)) return "group access token";
  if (user?.bot === true) return "bot access token";
  return user ? "personal access token" : "access token";
}

export const api: ProviderApi = {
  baseUrl: "https://gitlab.com",
  allow: [
    { method: "GET", path: SELF_PATH },
    { method: "GET", path: USER_PATH },
    { method: "GET", path: "/api/v4/projects" },
    { method: "GET", path: "/api/v4/groups" },
  ],
  // Four calls, with room for a retry or two.
  callBudget: 6,
  rules: ["personal-access-token", "personal-access-token-legacy"],

  async introspect(token, http) {
    const headers = { "PRIVATE-TOKEN": token.secret };
    const self = await http.request("GET", SELF_PATH, { headers });
    if (self.status === 401) {
      return answeredInactive("GitLab", 401, `GET ${SELF_PATH}`, why401(self));
    }
    if (self.status !== 200) return answeredUnknown("GitLab", self.status, `GET ${SELF_PATH}`);
    const info = self.json;
    if (!isRecord(info) || !Array.isArray(info.scopes)) {
      return unexpectedShape(`GET ${SELF_PATH}`);
    }
    if (info.revoked === true || info.active === false) {
      return { liveness: "inactive", reason: `GitLab reports the token ${info.revoked === true ? "revoked" : "inactive (expired)"}` };
    }
    const scopes = info.scopes.filter((s): s is string => typeof s === "string");
    const expiresAt = typeof info.expires_at === "string" ? info.expires_at : undefined;
    const facts: string[] = [];
    const resources: string[] = [];
    const capabilities = capabilitiesOfScopes(scopes);

    const userResponse = await http.request("GET", USER_PATH, { headers }).catch(() => undefined);
    const user = userResponse?.status === 200 && isRecord(userResponse.json) ? userResponse.json : undefined;
    const owner = typeof user?.username === "string" ? user.username : undefined;
    const admin = user?.is_admin === true;
    const tokenClass = tokenClassOf(user);
    facts.push(owner ? `owner ${owner}` : "owner not readable with this token's scopes");
    if (typeof info.name === "string") facts.push(`token name "${info.name}"`);
    facts.push(scopes.length > 0 ? `scopes ${scopes.join(", ")}` : "no scopes listed (fine-grained or unknown token)");
    facts.push(expiresAt ? `expires ${expiresAt}` : "never expires");
    if (typeof info.last_used_at === "string") facts.push(`last used ${info.last_used_at}`);

    if (user?.bot === true) {
      // A project or group token reaches its one project or group, whatever the scopes say.
      capabilities.delete("ACCOUNT_WIDE");
    }
    if (admin) {
      facts.push(`${owner ?? "the user"} is an administrator of this GitLab instance`);
      if (scopes.some((s) => s === "api" || s === "sudo" || s === "admin_mode")) {
        capabilities.add("ACCOUNT_WIDE").add("IAM_WRITE").add("DELETE_DATA");
      }
    }

    if (scopes.includes("api") || scopes.includes("read_api")) {
      const maintained = await list(http, MAINTAINED_PATH, headers, "path_with_namespace");
      const owned = await list(http, OWNED_GROUPS_PATH, headers, "full_path");
      if (maintained) {
        facts.push(`Maintainer or Owner of ${maintained.names.length}${maintained.complete ? "" : "+"} projects`);
        if (maintained.names.length > 0) resources.push(`projects ${listNames(maintained.names)} (Maintainer or Owner)`);
      }
      if (owned && owned.names.length > 0) {
        resources.push(`owner of groups ${listNames(owned.names)} (can delete them with all their projects)`);
      }
      const noWriteRole = maintained?.complete && owned?.complete && maintained.names.length === 0 && owned.names.length === 0;
      if (noWriteRole && !admin) {
        capabilities.delete("DELETE_DATA");
        capabilities.delete("IAM_WRITE");
        facts.push("Maintainer of no project and owner of no group: cannot delete projects or manage members");
      }
    }

    const result: Introspection = {
      liveness: "live",
      tokenClass,
      scopes,
      capabilities: [...capabilities].sort(),
      facts,
      resources,
      ...(owner ? { owner, account: owner } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    };
    return result;
  },
};
