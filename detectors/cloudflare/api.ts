/**
 * Read-only introspection of Cloudflare API tokens (../shared/providers.md §2.10). GET only, `Authorization: Bearer`:
 *   GET /client/v4/user/tokens/verify                 user tokens: id and status; 401 = inactive
 *   GET /client/v4/accounts/{account}/tokens/verify    account tokens (account ids from GET /client/v4/accounts)
 *   GET /client/v4/user/tokens/{id}, /accounts/{account}/tokens/{id}
 *                                                     the token's own policies, when it holds "API Tokens Read"
 *   GET /client/v4/accounts, /client/v4/zones          reach: accounts and zones (domains) the token sees
 * Global API Keys need the owner's email beside them (X-Auth-Email) and Origin CA keys a zone id: not sent.
 * Docs: https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/ ,
 * https://developers.cloudflare.com/api/resources/accounts/subresources/tokens/methods/verify/ ,
 * https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/get/ ,
 * https://developers.cloudflare.com/fundamentals/api/reference/permissions/
 */
import { answeredInactive, answeredUnknown, bearerAuthorization, isRecord, listNames, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

const V4 = "/client/v4";
/** Cloudflare error codes that mean the credential itself is not accepted. */
const INVALID_TOKEN_CODES = new Set([1000, 6003, 6111, 9106, 10000]);

/** What a permission group lets a token do, from its name ("DNS Write", "Workers Scripts Write", "Logs Read"). */
export function capabilitiesOfPermission(name: string): Capability[] {
  if (/\bLogs?\b|Logpush/i.test(name)) return ["READ_PII"];
  if (!/\b(?:Write|Edit)$/i.test(name)) return [];
  if (/API Tokens|Account Settings|Member|Access: |Roles?\b|Billing/i.test(name)) return ["IAM_WRITE"];
  if (/Workers (?:Scripts|Routes)|Pages/i.test(name)) return ["CODE_WRITE", "PROD_REACH"];
  if (/R2|KV|D1|Durable|Queues|Stream|Images|Hyperdrive|Vectorize/i.test(name)) return ["DELETE_DATA"];
  if (/DNS|Zone|SSL|Load Balanc|Page Rules|Firewall|WAF|Cache|Transform|Custom Hostname/i.test(name)) return ["PROD_REACH", "DELETE_INFRA"];
  return ["DELETE_INFRA"];
}

const errorCodes = (response: HttpResponse): number[] =>
  isRecord(response.json) && Array.isArray(response.json.errors)
    ? response.json.errors.filter(isRecord).map((e) => Number(e.code))
    : [];

/** A definite refusal of the credential (not of one resource). */
const refusesToken = (response: HttpResponse): boolean =>
  response.status === 401 || ((response.status === 400 || response.status === 403) && errorCodes(response).some((c) => INVALID_TOKEN_CODES.has(c)));

const resultOf = (response: HttpResponse | undefined): unknown =>
  response?.status === 200 && isRecord(response.json) && response.json.success === true ? response.json.result : undefined;

interface Policies {
  capabilities: Set<Capability>;
  permissions: string[];
  wholeAccount: boolean;
}

function readPolicies(token: unknown): Policies | undefined {
  if (!isRecord(token) || !Array.isArray(token.policies)) return undefined;
  const capabilities = new Set<Capability>();
  const permissions: string[] = [];
  let wholeAccount = false;
  for (const policy of token.policies.filter(isRecord)) {
    if (policy.effect !== "allow") continue;
    const groups = Array.isArray(policy.permission_groups) ? policy.permission_groups.filter(isRecord) : [];
    for (const group of groups) {
      const name = typeof group.name === "string" ? group.name : String(group.id ?? "?");
      permissions.push(name);
      for (const c of capabilitiesOfPermission(name)) capabilities.add(c);
    }
    const resources = isRecord(policy.resources) ? Object.keys(policy.resources) : [];
    if (resources.some((r) => r === "com.cloudflare.api.account.*" || r === "com.cloudflare.api.account.zone.*")) wholeAccount = true;
  }
  if (wholeAccount && capabilities.size > 0) capabilities.add("ACCOUNT_WIDE");
  return { capabilities, permissions: [...new Set(permissions)].sort(), wholeAccount };
}

async function listOf(http: ProviderHttp, path: string, headers: Record<string, string>): Promise<Record<string, unknown>[] | undefined> {
  const result = resultOf(await http.request("GET", path, { headers }).catch(() => undefined));
  return Array.isArray(result) ? result.filter(isRecord) : undefined;
}

const verified = (response: HttpResponse): { id: string; status: string; expiresOn?: string } | undefined => {
  const result = resultOf(response);
  if (!isRecord(result) || typeof result.id !== "string" || typeof result.status !== "string") return undefined;
  return { id: result.id, status: result.status, ...(typeof result.expires_on === "string" ? { expiresOn: result.expires_on } : {}) };
};

export const api: ProviderApi = {
  baseUrl: "https://api.cloudflare.com",
  allow: [
    { method: "GET", path: `${V4}/user/tokens/verify` },
    { method: "GET", path: `${V4}/user/tokens/{id}` },
    { method: "GET", path: `${V4}/accounts` },
    { method: "GET", path: `${V4}/accounts/{account}/tokens/verify` },
    { method: "GET", path: `${V4}/accounts/{account}/tokens/{id}` },
    { method: "GET", path: `${V4}/zones` },
  ],
  callBudget: 9,
  rules: ["user-api-token", "account-api-token", "api-token-legacy"],

  async introspect(token, http) {
    const headers = bearerAuthorization(token.secret);
    const facts: string[] = [];
    let tokenInfo: { id: string; status: string; expiresOn?: string } | undefined;
    let detailPath: string;
    let accounts: Record<string, unknown>[] | undefined;

    if (token.ruleId === "account-api-token") {
      const response = await http.request("GET", `${V4}/accounts?per_page=50`, { headers });
      if (refusesToken(response)) return { liveness: "inactive", reason: `Cloudflare refused the token (HTTP ${response.status})` };
      const listed = resultOf(response);
      if (!Array.isArray(listed)) return { liveness: "unknown", reason: `unexpected answer from GET ${V4}/accounts (HTTP ${response.status})` };
      accounts = listed.filter(isRecord);
      // The token verifies only against the account that owns it: try the first few it can see.
      let ownerAccount: string | undefined;
      for (const account of accounts.slice(0, 3)) {
        const id = encodeURIComponent(String(account.id ?? ""));
        const check = await http.request("GET", `${V4}/accounts/${id}/tokens/verify`, { headers });
        tokenInfo = verified(check);
        if (tokenInfo) {
          ownerAccount = id;
          break;
        }
      }
      if (!tokenInfo || !ownerAccount) return { liveness: "unknown", reason: "no account visible to verify this account token against" };
      detailPath = `${V4}/accounts/${ownerAccount}/tokens/${encodeURIComponent(tokenInfo.id)}`;
    } else {
      const response = await http.request("GET", `${V4}/user/tokens/verify`, { headers });
      if (refusesToken(response)) return answeredInactive("Cloudflare", response.status, `GET ${V4}/user/tokens/verify`, "invalid token");
      if (response.status !== 200) return answeredUnknown("Cloudflare", response.status, `GET ${V4}/user/tokens/verify`);
      tokenInfo = verified(response);
      if (!tokenInfo) return unexpectedShape(`GET ${V4}/user/tokens/verify`);
      detailPath = `${V4}/user/tokens/${encodeURIComponent(tokenInfo.id)}`;
    }
    if (tokenInfo.status !== "active") return { liveness: "inactive", reason: `Cloudflare reports the token ${tokenInfo.status}` };
    facts.push(`token ${tokenInfo.id} is active`);
    facts.push(tokenInfo.expiresOn ? `expires ${tokenInfo.expiresOn}` : "never expires");

    const detail = resultOf(await http.request("GET", detailPath, { headers }).catch(() => undefined));
    const policies = readPolicies(detail);
    const name = isRecord(detail) && typeof detail.name === "string" ? detail.name : undefined;
    if (name) facts.push(`token name "${name}"`);

    accounts ??= await listOf(http, `${V4}/accounts?per_page=50`, headers);
    const zones = await listOf(http, `${V4}/zones?per_page=50`, headers);
    const resources: string[] = [];
    const accountNames = (accounts ?? []).map((a) => String(a.name ?? a.id ?? "?"));
    const zoneNames = (zones ?? []).map((z) => String(z.name ?? z.id ?? "?"));
    if (accountNames.length > 0) resources.push(`accounts ${listNames(accountNames)}`);
    if (zoneNames.length > 0) resources.push(`zones ${listNames(zoneNames)}`);

    const result: Introspection = {
      liveness: "live",
      tokenClass: token.ruleId === "account-api-token" ? "account API token" : "user API token",
      ...(accountNames[0] ? { account: accountNames[0] } : {}),
      ...(tokenInfo.expiresOn ? { expiresAt: tokenInfo.expiresOn } : {}),
      facts,
      resources,
    };
    if (policies) {
      result.scopes = policies.permissions;
      result.capabilities = [...policies.capabilities].sort();
      facts.push(`permissions ${policies.permissions.join(", ") || "none"}${policies.wholeAccount ? " on every zone or account" : ""}`);
    } else {
      facts.push("the token cannot read its own policies (no API Tokens Read): scored as the worst a token may hold");
    }
    return result;
  },
};
