/**
 * Read-only introspection of GitHub tokens (../shared/providers.md §2.1). GET only, at most 3 calls:
 *   GET /user                      owner; X-OAuth-Scopes (classic scopes; absent for fine-grained PATs
 *                                  and app tokens); github-authentication-token-expiration; 401 = inactive
 *   GET /user/memberships/orgs     organizations where the user is admin (classic tokens with read:org)
 *   GET /user/repos                repositories reachable, counted by admin/push role
 *   GET /installation/repositories ghs_ installation tokens: repositories the installation reaches
 * Docs: https://docs.github.com/en/rest/users/users#get-the-authenticated-user ,
 * https://docs.github.com/en/rest/orgs/members#list-organization-memberships-for-the-authenticated-user ,
 * https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user ,
 * https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation ,
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
 * Refresh tokens (ghr_) are never sent anywhere: using one is an exchange that rotates it.
 */
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, listNames, notReadable, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

const PAGE = 100;
const REPOS_PATH = `/user/repos?per_page=${PAGE}&affiliation=owner,collaborator,organization_member`;
const ORGS_PATH = `/user/memberships/orgs?per_page=${PAGE}`;
const INSTALLATION_PATH = `/installation/repositories?per_page=${PAGE}`;

/** Classic scopes that imply others (parent -> children, applied transitively). */
const IMPLIED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  repo: ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"],
  "admin:org": ["write:org", "manage_runners:org"],
  "write:org": ["read:org"],
  "write:packages": ["read:packages"],
  "admin:public_key": ["write:public_key"],
  "write:public_key": ["read:public_key"],
  "admin:repo_hook": ["write:repo_hook"],
  "write:repo_hook": ["read:repo_hook"],
  "admin:gpg_key": ["write:gpg_key"],
  "write:gpg_key": ["read:gpg_key"],
  "admin:ssh_signing_key": ["write:ssh_signing_key"],
  "write:ssh_signing_key": ["read:ssh_signing_key"],
  user: ["read:user", "user:email", "user:follow"],
  "admin:enterprise": ["manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"],
  codespace: ["codespace:secrets"],
  project: ["read:project"],
  audit_log: ["read:audit_log"],
};

/** What each classic scope lets the token do, in the blast-radius vocabulary. Scopes absent here add nothing. */
const SCOPE_CAPABILITIES: Readonly<Record<string, readonly Capability[]>> = {
  repo: ["CODE_WRITE", "ACCOUNT_WIDE"],
  public_repo: ["CODE_WRITE"],
  "repo:invite": ["IAM_WRITE"],
  workflow: ["CODE_WRITE", "SECRETS_READ"],
  "write:packages": ["CODE_WRITE"],
  "delete:packages": ["DELETE_DATA"],
  delete_repo: ["DELETE_DATA"],
  "admin:org": ["IAM_WRITE", "ACCOUNT_WIDE"],
  "write:org": ["IAM_WRITE"],
  "manage_runners:org": ["CODE_WRITE"],
  "admin:repo_hook": ["SECRETS_READ"],
  "admin:org_hook": ["SECRETS_READ"],
  "admin:public_key": ["IAM_WRITE"],
  "admin:gpg_key": ["IAM_WRITE"],
  "admin:ssh_signing_key": ["IAM_WRITE"],
  "admin:enterprise": ["IAM_WRITE", "ACCOUNT_WIDE"],
  "manage_runners:enterprise": ["CODE_WRITE"],
  "manage_billing:enterprise": ["SPEND"],
  codespace: ["SPEND", "CODE_WRITE"],
  "codespace:secrets": ["SECRETS_READ"],
  "read:audit_log": ["READ_PII"],
};

/** Scopes that only act through organization admin rights. */
const ORG_ADMIN_SCOPES = new Set(["admin:org", "write:org", "manage_runners:org"]);

export function expandScopes(scopes: readonly string[]): string[] {
  const out = new Set<string>();
  const visit = (scope: string): void => {
    if (out.has(scope)) return;
    out.add(scope);
    for (const child of IMPLIED_SCOPES[scope] ?? []) visit(child);
  };
  scopes.forEach(visit);
  return [...out].sort();
}

/** Capabilities of a scope list (expanded first). */
export function capabilitiesOfScopes(scopes: readonly string[]): Capability[] {
  const out = new Set<Capability>();
  for (const scope of expandScopes(scopes)) for (const c of SCOPE_CAPABILITIES[scope] ?? []) out.add(c);
  return [...out].sort();
}

/** `2026-12-31 23:59:59 UTC` or `2026-12-31 23:59:59 +0100` -> ISO-8601; undefined if unparseable. */
export function parseGithubExpiration(value: string | null): string | undefined {
  if (value === null) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s{0,3}(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return undefined;
  const zone = m[3] === undefined || m[3] === "UTC" || m[3] === "Z" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const messageOf = (response: HttpResponse): string =>
  isRecord(response.json) && typeof response.json.message === "string" ? ` (${response.json.message.slice(0, 120)})` : "";

const pathOnly = (path: string): string => path.split("?", 1)[0] ?? path;

/** Liveness for a non-200 answer: 401 is determinate; rate limits and other refusals are not. */
function notOk(response: HttpResponse, path: string): Introspection {
  const where = `GET ${pathOnly(path)}`;
  if (response.status === 401) {
    return answeredInactive("GitHub", 401, `${where}${messageOf(response)}`, "revoked, expired or invalid");
  }
  if ((response.status === 403 || response.status === 429) && (response.headers.get("x-ratelimit-remaining") === "0" || /rate limit/i.test(response.text))) {
    return { liveness: "unknown", reason: `GitHub rate limit reached on ${where}` };
  }
  return answeredUnknown("GitHub", response.status, `${where}${messageOf(response)}`);
}

/** A complete listing: fewer than a page of items and no next link. */
const isComplete = (response: HttpResponse, items: readonly unknown[]): boolean =>
  items.length < PAGE && !/rel="next"/.test(response.headers.get("link") ?? "");

/** Secondary reads add facts; their failure must not hide what GET /user proved. */
const unreadable = (what: string) => (error: unknown): string => notReadable(what, error);

interface RepoReach {
  admin: string[];
  push: number;
  total: number;
  complete: boolean;
}

async function readRepos(http: ProviderHttp, headers: Record<string, string>): Promise<RepoReach | string> {
  const response = await http.request("GET", REPOS_PATH, { headers });
  if (response.status !== 200 || !Array.isArray(response.json)) return `repositories not readable (HTTP ${response.status})`;
  const repos = response.json.filter(isRecord);
  const permissions = (r: Record<string, unknown>) => (isRecord(r.permissions) ? r.permissions : {});
  return {
    admin: repos.filter((r) => permissions(r).admin === true).map((r) => String(r.full_name ?? r.name ?? "?")),
    push: repos.filter((r) => permissions(r).push === true).length,
    total: repos.length,
    complete: isComplete(response, response.json),
  };
}

async function readAdminOrgs(http: ProviderHttp, headers: Record<string, string>): Promise<{ admin: string[]; complete: boolean } | string> {
  const response = await http.request("GET", ORGS_PATH, { headers });
  if (response.status !== 200 || !Array.isArray(response.json)) return `organization memberships not readable (HTTP ${response.status})`;
  const admin = response.json
    .filter(isRecord)
    .filter((m) => m.role === "admin" && m.state === "active" && isRecord(m.organization))
    .map((m) => String((m.organization as Record<string, unknown>).login ?? "?"));
  return { admin, complete: isComplete(response, response.json) };
}

/**
 * What the repository listing proves (the user's role bounds any token's grant): admin of no repository
 * -> cannot delete one; push to none -> cannot push code or run workflows with secrets.
 */
function narrowByRepos(capabilities: Set<Capability>, reach: RepoReach, facts: string[], resources: string[]): void {
  const count = `${reach.total}${reach.complete ? "" : "+"}`;
  facts.push(`reaches ${count} ${reach.total === 1 ? "repository" : "repositories"}: admin on ${reach.admin.length}, push to ${reach.push}`);
  if (reach.admin.length > 0) resources.push(`admin of repositories ${listNames(reach.admin)}`);
  if (!reach.complete) return;
  if (reach.admin.length === 0 && capabilities.delete("DELETE_DATA")) facts.push("admin of no repository: cannot delete one");
  if (reach.push === 0) {
    capabilities.delete("CODE_WRITE");
    capabilities.delete("SECRETS_READ");
  }
}

async function introspectInstallation(http: ProviderHttp, headers: Record<string, string>): Promise<Introspection> {
  const response = await http.request("GET", INSTALLATION_PATH, { headers });
  if (response.status !== 200) return notOk(response, INSTALLATION_PATH);
  const body = response.json;
  if (!isRecord(body) || typeof body.total_count !== "number" || !Array.isArray(body.repositories)) {
    return unexpectedShape("GET /installation/repositories");
  }
  const repos = body.repositories.filter(isRecord);
  const names = repos.map((r) => String(r.full_name ?? r.name ?? "?"));
  const account = repos.map((r) => (isRecord(r.owner) ? r.owner.login : undefined)).find((l): l is string => typeof l === "string");
  const all = body.repository_selection === "all";
  const capabilities: Capability[] = all ? ["ACCOUNT_WIDE", "CODE_WRITE", "SECRETS_READ"] : ["CODE_WRITE", "SECRETS_READ"];
  return {
    liveness: "live",
    tokenClass: "GitHub App installation token",
    ...(account ? { account } : {}),
    capabilities,
    resources: names.length > 0 ? [`repositories ${listNames(names)}`] : [],
    facts: [
      `installation reaches ${body.total_count} ${body.total_count === 1 ? "repository" : "repositories"} (${all ? "all repositories of the account" : "selected repositories"})`,
      "installation permissions are not readable with the token: scored by reach",
    ],
  };
}

const UNSCOPED_CLASS: Readonly<Record<string, string>> = {
  "fine-grained-pat": "fine-grained personal access token",
  "app-user-token": "GitHub App user-to-server token",
  "classic-pat": "classic personal access token (scopes not reported)",
  "oauth-token": "OAuth app token (scopes not reported)",
};

/**
 * Tokens without X-OAuth-Scopes (fine-grained PATs, app user tokens): no endpoint returns their
 * permissions, so the offline ceiling stands, narrowed by what the repository listing proves.
 */
async function introspectUnscoped(
  http: ProviderHttp,
  headers: Record<string, string>,
  token: TokenInstance,
  facts: string[],
): Promise<Pick<Introspection, "tokenClass" | "capabilities" | "resources">> {
  const capabilities = new Set<Capability>(token.inference.capabilities);
  const resources: string[] = [];
  facts.push("permissions are not readable with the token: write access assumed wherever the user has it");
  const reach = await readRepos(http, headers).catch(unreadable("repositories"));
  if (typeof reach === "string") facts.push(reach);
  else narrowByRepos(capabilities, reach, facts, resources);
  return {
    tokenClass: UNSCOPED_CLASS[token.ruleId] ?? "GitHub token",
    capabilities: [...capabilities].sort(),
    resources,
  };
}

async function introspectClassic(
  http: ProviderHttp,
  headers: Record<string, string>,
  granted: readonly string[],
  siteAdmin: boolean,
  facts: string[],
): Promise<Pick<Introspection, "scopes" | "capabilities" | "resources">> {
  const scopes = expandScopes(granted);
  const resources: string[] = [];
  let effective = scopes;
  facts.push(granted.length > 0 ? `classic scopes: ${granted.join(", ")}` : "no scopes: read-only access to public information");

  if (scopes.includes("read:org")) {
    const orgs = await readAdminOrgs(http, headers).catch(unreadable("organization memberships"));
    if (typeof orgs === "string") facts.push(orgs);
    else if (orgs.admin.length > 0) {
      resources.push(`admin of organizations ${listNames(orgs.admin)}`);
      if (scopes.includes("admin:org")) facts.push(`can manage members and settings of organizations ${listNames(orgs.admin)}`);
    } else if (orgs.complete && scopes.some((s) => ORG_ADMIN_SCOPES.has(s))) {
      effective = scopes.filter((s) => !ORG_ADMIN_SCOPES.has(s));
      facts.push("organization admin scopes, but admin of no organization");
    }
  }
  const capabilities = new Set<Capability>(capabilitiesOfScopes(effective));
  if (siteAdmin) capabilities.add("IAM_WRITE").add("ACCOUNT_WIDE");

  if (scopes.includes("public_repo")) {
    const reach = await readRepos(http, headers).catch(unreadable("repositories"));
    if (typeof reach === "string") facts.push(reach);
    else narrowByRepos(capabilities, reach, facts, resources);
  }
  return { scopes, capabilities: [...capabilities].sort(), resources };
}

export const api: ProviderApi = {
  baseUrl: "https://api.github.com",
  allow: [
    { method: "GET", path: "/user" },
    { method: "GET", path: "/user/memberships/orgs" },
    { method: "GET", path: "/user/repos" },
    { method: "GET", path: "/installation/repositories" },
  ],
  // Three reads at most, plus room for a retry or two after a 429.
  callBudget: 6,
  // ghr_ refresh tokens are left out: they only work at the token exchange, which rotates them.
  rules: ["classic-pat", "oauth-token", "app-user-token", "app-installation-token", "fine-grained-pat"],

  async introspect(token, http) {
    const headers = {
      Accept: "application/vnd.github+json",
      "X-GitHub-Api-Version": "2022-11-28",
      ...bearerAuthorization(token.secret),
    };
    if (token.ruleId === "app-installation-token") return introspectInstallation(http, headers);

    const user = await http.request("GET", "/user", { headers });
    if (user.status !== 200) return notOk(user, "/user");
    if (!isRecord(user.json) || typeof user.json.login !== "string") {
      return unexpectedShape("GET /user");
    }
    const login = user.json.login;
    const siteAdmin = user.json.site_admin === true;
    const facts: string[] = [`acts as GitHub user ${login}`];
    if (siteAdmin) facts.push(`${login} is a site administrator of this GitHub Enterprise Server`);
    if (user.headers.get("x-github-sso")?.startsWith("required")) {
      facts.push("not yet authorised for the SAML single sign-on of an organization");
    }
    const expiresAt = parseGithubExpiration(user.headers.get("github-authentication-token-expiration"));
    const scopeHeader = user.headers.get("x-oauth-scopes");

    const detail =
      scopeHeader === null
        ? await introspectUnscoped(http, headers, token, facts)
        : {
            tokenClass: token.ruleId === "oauth-token" ? "OAuth app token" : "classic personal access token",
            ...(await introspectClassic(http, headers, scopeHeader.split(",").map((s) => s.trim()).filter((s) => s !== ""), siteAdmin, facts)),
          };
    if (scopeHeader === null && siteAdmin) detail.capabilities = [...new Set<Capability>([...(detail.capabilities ?? []), "IAM_WRITE", "ACCOUNT_WIDE"])].sort();
    facts.push(expiresAt ? `expires ${expiresAt}` : scopeHeader === null ? "expiry not reported" : "never expires");
    return { liveness: "live", owner: login, account: login, ...detail, facts, ...(expiresAt ? { expiresAt } : {}) };
  },
};
