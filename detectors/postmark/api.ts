/**
 * Read-only introspection of Postmark API tokens (../shared/providers.md §3.12). Both kinds are
 * UUIDs, so the key name may be wrong: a token is tried as the kind its rule says, then as the other.
 *   GET /server                    X-Postmark-Server-Token  -> the token's server {ID, Name, ...}
 *   GET /servers?count=1&offset=0  X-Postmark-Account-Token -> {TotalCount, Servers[{ID, Name}]}
 * 401 (ErrorCode 10) to both means the token is dead. The /server answer also lists the server's
 * API tokens: they are never read or kept.
 * Never sent: POST /email*, template or webhook writes, DELETE /servers/{id}.
 * Docs: https://postmarkapp.com/developer/api/server-api , https://postmarkapp.com/developer/api/servers-api .
 */
import { isRecord } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

const SERVER_CAPABILITIES: Capability[] = ["READ_PII", "SEND_AS_ORG"];
const ACCOUNT_CAPABILITIES: Capability[] = ["ACCOUNT_WIDE", "DELETE_INFRA", "IAM_WRITE", "READ_PII", "SECRETS_READ", "SEND_AS_ORG"];

const JSON_ACCEPT = { Accept: "application/json" };

type Attempt = { outcome: "live"; result: Introspection } | { outcome: "rejected" } | { outcome: "unknown"; reason: string };

const rejected = (response: HttpResponse): boolean => response.status === 401 || response.status === 403;

async function asServerToken(secret: string, http: ProviderHttp): Promise<Attempt> {
  const response = await http.request("GET", "/server", { headers: { ...JSON_ACCEPT, "X-Postmark-Server-Token": secret } });
  if (rejected(response)) return { outcome: "rejected" };
  if (response.status !== 200) return { outcome: "unknown", reason: `Postmark answered ${response.status} to GET /server` };
  const server = response.json;
  if (!isRecord(server) || typeof server["Name"] !== "string") return { outcome: "unknown", reason: "unexpected response shape from GET /server" };
  const facts = [`server token of server "${server["Name"]}" (id ${String(server["ID"] ?? "?")})`];
  if (typeof server["InboundAddress"] === "string" && server["InboundAddress"] !== "") facts.push("the server also receives inbound email");
  return {
    outcome: "live",
    result: { liveness: "live", owner: server["Name"], account: `server ${String(server["ID"] ?? "?")}`, tokenClass: "server token", capabilities: [...SERVER_CAPABILITIES], facts },
  };
}

async function asAccountToken(secret: string, http: ProviderHttp): Promise<Attempt> {
  const response = await http.request("GET", "/servers?count=1&offset=0", { headers: { ...JSON_ACCEPT, "X-Postmark-Account-Token": secret } });
  if (rejected(response)) return { outcome: "rejected" };
  if (response.status !== 200) return { outcome: "unknown", reason: `Postmark answered ${response.status} to GET /servers` };
  const body = response.json;
  if (!isRecord(body) || typeof body["TotalCount"] !== "number" || !Array.isArray(body["Servers"])) {
    return { outcome: "unknown", reason: "unexpected response shape from GET /servers" };
  }
  const count = body["TotalCount"];
  return {
    outcome: "live",
    result: {
      liveness: "live",
      tokenClass: "account token",
      capabilities: [...ACCOUNT_CAPABILITIES],
      facts: [`account token: manages all ${count} ${count === 1 ? "server" : "servers"} of the account, its domains and sender signatures`],
    },
  };
}

export const api: ProviderApi = {
  baseUrl: "https://api.postmarkapp.com",
  allow: [
    { method: "GET", path: "/server" },
    { method: "GET", path: "/servers" },
  ],
  callBudget: 6,
  rules: ["server-token", "account-token"],

  async introspect(token, http): Promise<Introspection> {
    const accountFirst = token.ruleId.endsWith("account-token");
    const order = accountFirst ? [asAccountToken, asServerToken] : [asServerToken, asAccountToken];
    const reasons: string[] = [];
    for (const attempt of order) {
      const result = await attempt(token.secret, http);
      if (result.outcome === "live") {
        if (result.result.tokenClass !== (accountFirst ? "account token" : "server token")) {
          result.result.facts = [...(result.result.facts ?? []), "stored under a name that suggests the other kind of Postmark token"];
        }
        return result.result;
      }
      if (result.outcome === "unknown") reasons.push(result.reason);
    }
    if (reasons.length > 0) return { liveness: "unknown", reason: reasons.join("; ") };
    return { liveness: "inactive", reason: "Postmark answered 401 to the token as a server token and as an account token" };
  },
};
