/**
 * Read-only introspection of npm tokens (../shared/providers.md §2.7). GET only, `Authorization: Bearer`,
 * at most 3 calls:
 *   GET /-/whoami                   username; 401 = inactive
 *   GET /-/npm/v1/tokens            the user's tokens by prefix: read-only flag and allowed IP ranges
 *   GET /-/user/{username}/package  packages the user can publish ("read-write") or only read
 * Docs: https://docs.npmjs.com/cli/commands/npm-whoami , https://docs.npmjs.com/cli/commands/npm-token
 * (token list fields: token prefix, key, readonly, cidr_whitelist, created), npm/cli lib/commands/token.js,
 * libnpmaccess (`lsPackages`). Granular-token package limits are not exposed: write access is assumed on
 * every package the user can publish unless the token is read-only.
 */
import { bearerAuthorization, isRecord, listNames, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

interface TokenEntry {
  readonly: boolean;
  cidr: string[];
  created?: string;
}

/** The token list entries whose prefix (`npm_1f…`, or the start of a legacy UUID) the secret starts with. */
async function findTokenEntry(http: ProviderHttp, headers: Record<string, string>, secret: string): Promise<TokenEntry | string> {
  const response = await http.request("GET", "/-/npm/v1/tokens", { headers }).catch(() => undefined);
  if (response?.status !== 200 || !isRecord(response.json) || !Array.isArray(response.json.objects)) {
    return "token list not readable with this token";
  }
  const matches = response.json.objects
    .filter(isRecord)
    .filter((o) => typeof o.token === "string" && o.token.length >= 4 && secret.startsWith(o.token.replace(/[.…]{1,3}$/, "")));
  if (matches.length !== 1) return matches.length === 0 ? "this token is not in the user's token list" : "several tokens share this prefix";
  const entry = matches[0]!;
  return {
    readonly: entry.readonly === true,
    cidr: Array.isArray(entry.cidr_whitelist) ? entry.cidr_whitelist.filter((c): c is string => typeof c === "string") : [],
    ...(typeof entry.created === "string" ? { created: entry.created } : {}),
  };
}

export const api: ProviderApi = {
  baseUrl: "https://registry.npmjs.org",
  allow: [
    { method: "GET", path: "/-/whoami" },
    { method: "GET", path: "/-/npm/v1/tokens" },
    { method: "GET", path: "/-/user/{username}/package" },
  ],
  callBudget: 5,
  rules: ["access-token", "legacy-auth-token"],

  async introspect(token, http) {
    const headers = bearerAuthorization(token.secret);
    const whoami = await http.request("GET", "/-/whoami", { headers });
    if (whoami.status === 401) return { liveness: "inactive", reason: "npm answered 401 to GET /-/whoami: revoked, expired or invalid" };
    if (whoami.status !== 200) return { liveness: "unknown", reason: `npm answered ${whoami.status} to GET /-/whoami` };
    if (!isRecord(whoami.json) || typeof whoami.json.username !== "string" || whoami.json.username === "") {
      return unexpectedShape("GET /-/whoami");
    }
    const username = whoami.json.username;
    const facts = [`acts as npm user ${username}`];
    const resources: string[] = [];
    const capabilities = new Set<Capability>(["CODE_WRITE", "DELETE_DATA", "IAM_WRITE"]);

    const entry = await findTokenEntry(http, headers, token.secret);
    if (typeof entry === "string") facts.push(`${entry}: read-only flag unknown`);
    else {
      facts.push(entry.readonly ? "read-only token: cannot publish" : "read-write token");
      if (entry.cidr.length > 0) facts.push(`usable only from ${entry.cidr.join(", ")}`);
      if (entry.readonly) capabilities.clear();
    }

    const packages = await http
      .request("GET", `/-/user/${encodeURIComponent(username)}/package`, { headers })
      .catch(() => undefined);
    if (packages?.status === 200 && isRecord(packages.json)) {
      const writable = Object.entries(packages.json).filter(([, access]) => access === "read-write").map(([name]) => name).sort();
      facts.push(`${username} can publish ${writable.length} ${writable.length === 1 ? "package" : "packages"}`);
      if (writable.length > 0 && capabilities.size > 0) resources.push(`publish rights on ${listNames(writable)}`);
      if (writable.length === 0) {
        capabilities.delete("CODE_WRITE");
        capabilities.delete("DELETE_DATA");
      }
    } else {
      facts.push("package list not readable: publish rights assumed");
    }
    const result: Introspection = {
      liveness: "live",
      owner: username,
      account: username,
      tokenClass: token.ruleId === "legacy-auth-token" ? "classic token" : "access token",
      capabilities: [...capabilities].sort(),
      facts,
      resources,
    };
    return result;
  },
};
