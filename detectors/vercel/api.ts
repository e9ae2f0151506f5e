/**
 * Read-only introspection of Vercel access tokens (../shared/providers.md §2.15). GET only, at most 6 calls:
 *   GET /v5/user/tokens/current   the token's own metadata: `scopes[]` (user = Full Account, team =
 *                                 one team), expiry; 401/403 = inactive
 *   GET /v2/user                  owner (email, username)
 *   GET /v2/teams?limit=20        teams reached and the user's role in each (OWNER, MEMBER, DEVELOPER...)
 *   GET /v9/projects?limit=100    projects per reachable scope (production targets)
 * Docs: https://vercel.com/docs/rest-api/authentication/get-auth-token-metadata ,
 * https://vercel.com/docs/rest-api/user/get-the-user , https://vercel.com/docs/rest-api/teams/list-all-teams ,
 * https://vercel.com/docs/rest-api/projects/find-a-project-by-id-or-name
 * Never: env values (`?decrypt=true`), token creation or deletion, deployments.
 */
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, nonEmptyString, thrownMessage, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

const TOKEN_PATH = "/v5/user/tokens/current";
const USER_PATH = "/v2/user";
const TEAMS_PATH = "/v2/teams?limit=20";
const projectsPath = (teamId?: string): string =>
  `/v9/projects?limit=100${teamId ? `&teamId=${encodeURIComponent(teamId)}` : ""}`;
const CALL_BUDGET = 6;

const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

const errorMessage = (response: HttpResponse): string => {
  const error = isRecord(response.json) && isRecord(response.json.error) ? response.json.error : {};
  return nonEmptyString(error.message) ? ` (${String(error.message).slice(0, 120)})` : "";
};

/** Capabilities of a team role (https://vercel.com/docs/rbac/access-roles). */
function roleCapabilities(role: string): Capability[] {
  switch (role.toUpperCase()) {
    case "OWNER":
      return ["DELETE_INFRA", "DELETE_DATA", "SECRETS_READ", "CODE_WRITE", "IAM_WRITE"];
    case "MEMBER":
    case "PROJECT_DEVELOPER":
      return ["DELETE_INFRA", "SECRETS_READ", "CODE_WRITE"];
    case "DEVELOPER":
      return ["SECRETS_READ", "CODE_WRITE"];
    default:
      return [];
  }
}

interface Scope {
  type: string;
  teamId?: string;
}

async function getJson(http: ProviderHttp, path: string, headers: Record<string, string>): Promise<Record<string, unknown> | string> {
  const response = await http.request("GET", path, { headers });
  if (response.status !== 200 || !isRecord(response.json)) return `HTTP ${response.status}`;
  return response.json;
}

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = bearerAuthorization(token.secret);
  let calls = 0;
  const ask = async (path: string): Promise<Record<string, unknown> | string> => {
    calls += 1;
    try {
      return await getJson(http, path, headers);
    } catch (error) {
      return thrownMessage(error);
    }
  };

  const first = await http.request("GET", TOKEN_PATH, { headers });
  calls += 1;
  if (first.status === 401 || first.status === 403) {
    return answeredInactive("Vercel", first.status, `GET ${TOKEN_PATH}${errorMessage(first)}`, "revoked, expired or invalid");
  }
  if (first.status !== 200) return answeredUnknown("Vercel", first.status, `GET ${TOKEN_PATH}${errorMessage(first)}`);
  const meta = isRecord(first.json) && isRecord(first.json.token) ? first.json.token : undefined;
  if (!meta) return unexpectedShape(`GET ${TOKEN_PATH}`);

  const scopes: Scope[] = list(meta.scopes).map((s) => ({ type: nonEmptyString(s.type) ?? "?", ...(nonEmptyString(s.teamId) ? { teamId: String(s.teamId) } : {}) }));
  const fullAccount = scopes.some((s) => s.type === "user");
  const projectScoped = scopes.length > 0 && scopes.every((s) => s.type === "project");
  const teamIds = new Set(scopes.filter((s) => s.type === "team" && s.teamId).map((s) => s.teamId as string));
  const facts: string[] = [];
  const capabilities = new Set<Capability>();
  const resources: string[] = [];
  const expiresAt = typeof meta.expiresAt === "number" ? new Date(meta.expiresAt).toISOString() : undefined;

  const user = await ask(USER_PATH);
  const userRecord = typeof user !== "string" && isRecord(user.user) ? user.user : undefined;
  const owner = nonEmptyString(userRecord?.email) ?? nonEmptyString(userRecord?.username);
  if (typeof user === "string") facts.push(`user not readable (${user})`);

  const teams = await ask(TEAMS_PATH);
  const reachable = (typeof teams === "string" ? [] : list(teams.teams)).filter((t) => fullAccount || teamIds.has(String(t.id)));
  if (typeof teams === "string") facts.push(`teams not readable (${teams})`);

  const scopeWords = fullAccount ? "Full Account" : projectScoped ? "one project" : `team${teamIds.size === 1 ? "" : "s"} only`;
  facts.unshift(`access token${nonEmptyString(meta.name) ? ` "${String(meta.name)}"` : ""} of ${owner ?? "an unnamed user"}, scope: ${scopeWords}`);
  if (fullAccount) {
    ["ACCOUNT_WIDE", "DELETE_INFRA", "DELETE_DATA", "SECRETS_READ", "CODE_WRITE", "IAM_WRITE"].forEach((c) => capabilities.add(c as Capability));
    facts.push("a Full Account token reaches every team of its user and can create more tokens");
  } else if (!projectScoped) {
    capabilities.add("ACCOUNT_WIDE");
  }
  for (const team of reachable) {
    const role = nonEmptyString(isRecord(team.membership) ? team.membership.role : undefined) ?? "unknown";
    const name = nonEmptyString(team.slug) ?? nonEmptyString(team.name) ?? String(team.id);
    facts.push(`${role.toLowerCase()} of team ${name}`);
    (role === "unknown" ? roleCapabilities("OWNER") : roleCapabilities(role)).forEach((c) => capabilities.add(c));
  }
  if (!fullAccount && reachable.length === 0 && teamIds.size > 0) {
    // Team-scoped but the team list was not readable: assume owner of those teams.
    roleCapabilities("OWNER").forEach((c) => capabilities.add(c));
  }
  if (projectScoped) {
    ["DELETE_INFRA", "SECRETS_READ", "CODE_WRITE"].forEach((c) => capabilities.add(c as Capability));
    facts.push("project-scoped token: limited to one project");
  }

  // Projects: the personal scope (Full Account) and each reachable team, within the budget.
  const projectScopes: (string | undefined)[] = [...(fullAccount ? [undefined] : []), ...reachable.map((t) => String(t.id))];
  let productionProjects = 0;
  let total = 0;
  for (const teamId of projectScopes) {
    if (calls >= CALL_BUDGET) {
      facts.push("some teams' projects not read (call budget)");
      break;
    }
    const answer = await ask(projectsPath(teamId));
    if (typeof answer === "string") {
      facts.push(`projects not readable (${answer})`);
      continue;
    }
    for (const project of list(answer.projects)) {
      total += 1;
      const targets = isRecord(project.targets) ? project.targets : {};
      const production = isRecord(targets.production) ? targets.production : undefined;
      if (!production) continue;
      productionProjects += 1;
      capabilities.add("PROD_REACH");
      const aliases = Array.isArray(production.alias) ? production.alias.filter((a): a is string => typeof a === "string") : [];
      const name = nonEmptyString(project.name) ?? "?";
      if (resources.length < 20) resources.push(`project ${name} in production${aliases.length > 0 ? ` (${aliases.slice(0, 3).join(", ")})` : ""}`);
    }
  }
  facts.push(`reaches ${total} project${total === 1 ? "" : "s"}, ${productionProjects} with a production deployment`);
  if (capabilities.has("DELETE_INFRA") && productionProjects > 0) facts.push("can delete production projects and their domains, and read their environment variables");

  return {
    liveness: "live",
    tokenClass: fullAccount ? "Full Account token" : projectScoped ? "project token" : "team token",
    ...(owner ? { owner } : {}),
    ...(reachable.length > 0 ? { account: reachable.map((t) => nonEmptyString(t.slug) ?? String(t.id)).join(", ") } : {}),
    scopes: scopes.map((s) => (s.teamId ? `${s.type}:${s.teamId}` : s.type)),
    capabilities: [...capabilities].sort(),
    resources,
    ...(expiresAt ? { expiresAt } : {}),
    facts,
  };
}

export const vercelApi: ProviderApi = {
  baseUrl: "https://api.vercel.com",
  allow: [
    { method: "GET", path: TOKEN_PATH },
    { method: "GET", path: USER_PATH },
    { method: "GET", path: "/v2/teams" },
    { method: "GET", path: "/v9/projects" },
  ],
  callBudget: CALL_BUDGET,
  // Integration, app and Blob tokens and API keys are not user tokens; refresh tokens are never sent.
  rules: ["personal-access-token", "access-token", "cli-auth"],
  introspect,
};
