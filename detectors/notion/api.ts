/**
 * Read-only introspection of Notion integration tokens (../shared/providers.md §3.8), at most 2 calls,
 * `Authorization: Bearer`, `Notion-Version: 2022-06-28`:
 *   GET  /v1/users/me   the integration's bot user and its workspace; 401 = inactive
 *   POST /v1/search     `{"page_size": 1}` (read-only search, fixed body): whether any page or database
 *                       is shared with it (only `has_more` and the count are read, no content)
 * Docs: https://developers.notion.com/reference/get-self , https://developers.notion.com/reference/post-search .
 * Integration capabilities (read/update/insert) are not reported by the API: update is assumed.
 */
import { answeredUnknown, bearerAuthorization, isRecord, nonEmptyString, thrownMessage, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

const VERSION = "2022-06-28";
const SEARCH_BODY = JSON.stringify({ page_size: 1 });

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { ...bearerAuthorization(token.secret), "notion-version": VERSION };
  const me = await http.request("GET", "/v1/users/me", { headers });
  if (me.status === 401) return { liveness: "inactive", reason: "Notion answered 401 to GET /v1/users/me (unauthorized): revoked or invalid" };
  if (me.status !== 200) return answeredUnknown("Notion", me.status, "GET /v1/users/me");
  if (!isRecord(me.json) || me.json.object !== "user") return unexpectedShape("GET /v1/users/me");
  const bot = isRecord(me.json.bot) ? me.json.bot : {};
  const workspace = nonEmptyString(bot.workspace_name);
  const name = nonEmptyString(me.json.name) ?? "an integration";
  const facts = [`integration "${name}"${workspace ? ` in workspace ${workspace}` : ""}`, "its content capabilities are not reported by Notion: update assumed (overwrite and archive shared pages)"];
  const capabilities: Capability[] = ["DELETE_DATA", "SECRETS_READ", "READ_PII"];
  try {
    const search = await http.request("POST", "/v1/search", { headers: { ...headers, "content-type": "application/json" }, body: SEARCH_BODY });
    if (search.status === 200 && isRecord(search.json) && Array.isArray(search.json.results)) {
      const some = search.json.results.length > 0;
      facts.push(some ? `pages or databases are shared with it${search.json.has_more === true ? " (more than one)" : ""}` : "nothing is shared with it yet");
    }
  } catch (error) {
    facts.push(`shared pages not checked (${thrownMessage(error)})`);
  }
  return {
    liveness: "live",
    tokenClass: "integration token",
    ...(workspace ? { account: workspace } : {}),
    owner: name,
    capabilities,
    facts,
  };
}

export const notionApi: ProviderApi = {
  baseUrl: "https://api.notion.com",
  allow: [
    { method: "GET", path: "/v1/users/me" },
    { method: "POST", path: "/v1/search", body: SEARCH_BODY },
  ],
  callBudget: 2,
  introspect,
};
