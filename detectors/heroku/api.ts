/**
 * Read-only introspection of Heroku API keys and OAuth tokens (../shared/providers.md §2.16). GET only,
 * 3 calls, with `Accept: application/vnd.heroku+json; version=3`:
 *   GET /account   owner (email, 2FA); 401 `{"id": "unauthorized"}` = inactive
 *   GET /apps      apps reached (names, team), production-looking names
 *   GET /teams     teams and the user's role in each (admin, member, viewer, collaborator)
 * Docs: https://devcenter.heroku.com/articles/platform-api-reference#account-info ,
 * #app-list , #team-list. The token's own scope is not read: `GET /oauth/authorizations` would list
 * other tokens of the account, so the key is assumed global (the account API key always is).
 * Never: config vars, dynos, regenerate-tokens, any write.
 */
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { GLOBAL_CAPABILITIES } from "./capabilities.js";

const ACCEPT = "application/vnd.heroku+json; version=3";
const PRODUCTION = /prod|production|live|main/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined);

const messageOf = (response: HttpResponse): string =>
  isRecord(response.json) && text(response.json.message) ? ` (${String(response.json.message).slice(0, 120)})` : "";

async function list(http: ProviderHttp, path: string, headers: Record<string, string>): Promise<Record<string, unknown>[] | string> {
  try {
    const response = await http.request("GET", path, { headers });
    if (response.status !== 200 || !Array.isArray(response.json)) return `HTTP ${response.status}`;
    return response.json.filter(isRecord);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { authorization: `Bearer ${token.secret}`, accept: ACCEPT };
  const account = await http.request("GET", "/account", { headers });
  if (account.status === 401) {
    return { liveness: "inactive", reason: `Heroku answered 401 to GET /account${messageOf(account)}: revoked, expired or invalid` };
  }
  if (account.status !== 200) return { liveness: "unknown", reason: `Heroku answered ${account.status} to GET /account${messageOf(account)}` };
  if (!isRecord(account.json) || !text(account.json.email)) return { liveness: "unknown", reason: "unexpected response shape from GET /account" };
  const email = String(account.json.email);
  const facts = [`Heroku credential of ${email}; scope not readable without listing the account's other tokens: assumed global`];
  if (account.json.two_factor_authentication === false) facts.push("the account has no two-factor authentication");
  const capabilities = new Set<Capability>(GLOBAL_CAPABILITIES);
  const resources: string[] = [];

  const apps = await list(http, "/apps", headers);
  if (typeof apps === "string") facts.push(`apps not readable (${apps})`);
  else {
    const names = apps.map((a) => text(a.name) ?? "?");
    const production = names.filter((n) => PRODUCTION.test(n));
    if (production.length > 0) capabilities.add("PROD_REACH");
    for (const name of production.slice(0, 20)) resources.push(`app ${name}`);
    facts.push(`reaches ${names.length} app${names.length === 1 ? "" : "s"}${production.length > 0 ? `, ${production.length} named like production` : ""}`);
    if (production.length > 0) facts.push(`can destroy app ${production[0]} and its add-ons (a destroyed Heroku Postgres takes its backups with it), and read its config vars`);
  }
  const teams = await list(http, "/teams", headers);
  if (typeof teams === "string") facts.push(`teams not readable (${teams})`);
  else for (const team of teams.slice(0, 10)) facts.push(`${text(team.role) ?? "member"} of team ${text(team.name) ?? "?"}`);

  return {
    liveness: "live",
    tokenClass: token.ruleId === "api-key" ? "API key (assumed global)" : "API key or OAuth token (assumed global)",
    owner: email,
    ...(typeof teams !== "string" && teams.length > 0 ? { account: teams.map((t) => text(t.name) ?? "?").join(", ") } : {}),
    scopes: ["global (assumed)"],
    capabilities: [...capabilities].sort(),
    resources,
    facts,
  };
}

export const herokuApi: ProviderApi = {
  baseUrl: "https://api.heroku.com",
  allow: [
    { method: "GET", path: "/account" },
    { method: "GET", path: "/apps" },
    { method: "GET", path: "/teams" },
  ],
  callBudget: 5,
  introspect,
};
