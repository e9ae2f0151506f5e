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
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, listRecords, messageSuffix, nonEmptyString, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { GLOBAL_CAPABILITIES } from "./capabilities.js";

const ACCEPT = "application/vnd.heroku+json; version=3";
const PRODUCTION = /prod|production|live|main/i;

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { ...bearerAuthorization(token.secret), accept: ACCEPT };
  const account = await http.request("GET", "/account", { headers });
  if (account.status === 401) {
    return answeredInactive("Heroku", 401, `GET /account${messageSuffix(account)}`, "revoked, expired or invalid");
  }
  if (account.status !== 200) return answeredUnknown("Heroku", account.status, `GET /account${messageSuffix(account)}`);
  if (!isRecord(account.json) || !nonEmptyString(account.json.email)) return unexpectedShape("GET /account");
  const email = String(account.json.email);
  const facts = [`Heroku credential of ${email}; scope not readable without listing the account's other tokens: assumed global`];
  if (account.json.two_factor_authentication === false) facts.push("the account has no two-factor authentication");
  const capabilities = new Set<Capability>(GLOBAL_CAPABILITIES);
  const resources: string[] = [];

  const apps = await listRecords(http, "/apps", headers);
  if (typeof apps === "string") facts.push(`apps not readable (${apps})`);
  else {
    const names = apps.map((a) => nonEmptyString(a.name) ?? "?");
    const production = names.filter((n) => PRODUCTION.test(n));
    if (production.length > 0) capabilities.add("PROD_REACH");
    for (const name of production.slice(0, 20)) resources.push(`app ${name}`);
    facts.push(`reaches ${names.length} app${names.length === 1 ? "" : "s"}${production.length > 0 ? `, ${production.length} named like production` : ""}`);
    if (production.length > 0) facts.push(`can destroy app ${production[0]} and its add-ons (a destroyed Heroku Postgres takes its backups with it), and read its config vars`);
  }
  const teams = await listRecords(http, "/teams", headers);
  if (typeof teams === "string") facts.push(`teams not readable (${teams})`);
  else for (const team of teams.slice(0, 10)) facts.push(`${nonEmptyString(team.role) ?? "member"} of team ${nonEmptyString(team.name) ?? "?"}`);

  return {
    liveness: "live",
    tokenClass: token.ruleId === "api-key" ? "API key (assumed global)" : "API key or OAuth token (assumed global)",
    owner: email,
    ...(typeof teams !== "string" && teams.length > 0 ? { account: teams.map((t) => nonEmptyString(t.name) ?? "?").join(", ") } : {}),
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
