/**
 * Read-only introspection of Mailgun API keys (../shared/providers.md §3.11): Basic auth `api:<key>`,
 *   GET /v4/domains?limit=10 -> {total_count, items[{name, state, type}]}
 * first on the US region (api.mailgun.net), then, on 401, on the EU region (api.eu.mailgun.net): an
 * account lives in one region and its keys work only there. 401 from both means the key is dead.
 * A 403 is not taken as dead: domain sending keys only work for /v3/<domain>/messages, which is never called.
 * Never sent: POST /v3/<domain>/messages, route/webhook creation, key creation or deletion.
 * Docs: https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/ ,
 * https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Domains/ .
 */
import { answeredInactive, answeredUnknown, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi } from "../../src/detector-kit/index.js";

const EU_ORIGIN = "https://api.eu.mailgun.net";
const PATH = "/v4/domains";
const QUERY = "?limit=10";
const ACCOUNT_KEY: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "IAM_WRITE", "READ_PII", "SEND_AS_ORG"];

function liveResult(response: HttpResponse, region: string): Introspection {
  const body = response.json;
  if (!isRecord(body) || !Array.isArray(body["items"])) return unexpectedShape(`GET ${PATH}`);
  const domains = body["items"].filter(isRecord);
  const total = typeof body["total_count"] === "number" ? body["total_count"] : domains.length;
  const names = domains.map((d) => String(d["name"] ?? "?"));
  return {
    liveness: "live",
    tokenClass: "account API key",
    account: `${region} region`,
    capabilities: [...ACCOUNT_KEY],
    facts: [`account key in the ${region} region: sends as ${total} ${total === 1 ? "domain" : "domains"}${names.length > 0 ? ` (${names.join(", ")}${total > names.length ? ", ..." : ""})` : ""}`],
    resources: domains.map((d) => `domain ${String(d["name"] ?? "?")} (${String(d["state"] ?? "?")})`),
  };
}

export const api: ProviderApi = {
  baseUrl: "https://api.mailgun.net",
  allow: [
    { method: "GET", path: PATH },
    { method: "GET", path: PATH, origin: EU_ORIGIN },
  ],
  callBudget: 6,
  rules: ["private-api-key", "api-key"],

  async introspect(token, http): Promise<Introspection> {
    const headers = { Authorization: `Basic ${Buffer.from(`api:${token.secret}`).toString("base64")}` };
    const regions: { region: string; origin?: string }[] = [{ region: "US" }, { region: "EU", origin: EU_ORIGIN }];
    for (const { region, origin } of regions) {
      const response = await http.request("GET", PATH + QUERY, { headers, ...(origin ? { origin } : {}) });
      if (response.status === 200) return liveResult(response, region);
      if (response.status === 403) {
        return { liveness: "unknown", reason: `Mailgun answered 403 to GET ${PATH} (${region}): possibly a domain sending key, which only works for sending` };
      }
      if (response.status !== 401) return answeredUnknown("Mailgun", response.status, `GET ${PATH} (${region})`);
    }
    return answeredInactive("Mailgun", 401, `GET ${PATH} in the US and EU regions`, "invalid or deleted key");
  },
};
