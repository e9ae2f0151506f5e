/**
 * Read-only introspection of Datadog keys (../shared/providers.md §2.19). GET only, at most 4 calls, on
 * the US1 site unless --endpoint points elsewhere (tokscan never sprays a key across sites):
 *   GET /api/v1/validate                       DD-API-KEY: 200 {"valid": true}; 403 = invalid
 *   GET /api/v2/current_user                   API + application key: the user and their roles
 *   GET /api/v2/current_user/application_keys  the user's keys: `last4` matches the found key, `scopes`
 *                                              (null = unscoped = every permission of the user)
 * An application key is only usable with an API key of the same organization: it is checked only when
 * one was found beside it (a companion).
 * Docs: https://docs.datadoghq.com/api/latest/authentication/ , https://docs.datadoghq.com/api/latest/users/ ,
 * https://docs.datadoghq.com/api/latest/key-management/
 */
import { answeredInactive, answeredUnknown, isRecord, nonEmptyString, notReadable, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

const VALIDATE = "/api/v1/validate";
const CURRENT_USER = "/api/v2/current_user";
const APP_KEYS = "/api/v2/current_user/application_keys?page[size]=100";

/** What each authorization scope family lets a key do. */
function scopeCapabilities(scope: string): Capability[] {
  if (/^(?:user_access_manage|user_access_invite|api_keys_write|user_app_keys|org_app_keys_write|org_management|org_connections_write)$/.test(scope)) return ["IAM_WRITE"];
  if (/^logs_(?:delete_data|write_archives|write_pipelines|write_indexes)$/.test(scope)) return ["DELETE_DATA"];
  if (/^logs_read|^apm_read|^rum_read|^events_read|^incident_read/.test(scope)) return ["SECRETS_READ", "READ_PII"];
  if (/_write$|_delete$|^monitors_downtime$/.test(scope)) return ["DELETE_INFRA"];
  return [];
}

/** Capabilities of the user's roles (Datadog's managed roles; custom roles count as standard). */
function roleCapabilities(roles: readonly string[]): Capability[] {
  if (roles.length === 0 || roles.some((r) => /admin/i.test(r))) {
    return ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_INFRA", "IAM_WRITE", "SECRETS_READ", "READ_PII"];
  }
  if (roles.every((r) => /read.?only/i.test(r))) return ["ACCOUNT_WIDE", "SECRETS_READ", "READ_PII"];
  return ["ACCOUNT_WIDE", "DELETE_INFRA", "SECRETS_READ", "READ_PII"];
}

const errorsOf = (response: HttpResponse): string =>
  isRecord(response.json) && Array.isArray(response.json.errors) ? ` (${response.json.errors.map(String).join("; ").slice(0, 120)})` : "";

async function validateApiKey(http: ProviderHttp, apiKey: string): Promise<Introspection> {
  const response = await http.request("GET", VALIDATE, { headers: { "dd-api-key": apiKey } });
  if (response.status === 403 || response.status === 401) {
    return answeredInactive("Datadog", response.status, `GET ${VALIDATE}${errorsOf(response)}`, "revoked or invalid");
  }
  if (response.status !== 200) return answeredUnknown("Datadog", response.status, `GET ${VALIDATE}${errorsOf(response)}`);
  if (!isRecord(response.json) || response.json.valid !== true) return unexpectedShape(`GET ${VALIDATE}`);
  return {
    liveness: "live",
    tokenClass: "API key",
    capabilities: ["SPEND"],
    facts: [
      "valid Datadog API key (US1 site unless overridden): it submits metrics, logs and events for the whole organization",
      "it reads nothing by itself; with an application key of the same organization it reaches the full API",
    ],
  };
}

const companionApiKey = (token: TokenInstance): string | undefined =>
  token.companions.find((c) => /(?:^|\/)api-key$/.test(c.ruleId) && /^[0-9a-f]{32}$/i.test(c.secret))?.secret;

async function introspectAppKey(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const apiKey = companionApiKey(token);
  if (!apiKey) {
    return { liveness: "unknown", reason: "a Datadog application key is only usable with an API key, and none was found beside it" };
  }
  const headers = { "dd-api-key": apiKey, "dd-application-key": token.secret };
  const user = await http.request("GET", CURRENT_USER, { headers });
  if (user.status === 403 || user.status === 401) {
    // Either key may be the invalid one: the API key alone tells.
    const api = await validateApiKey(http, apiKey);
    if (api.liveness === "live") {
      return { liveness: "inactive", reason: `Datadog refused the application key (${user.status} to GET ${CURRENT_USER}) with a valid API key: revoked or invalid` };
    }
    return { liveness: "unknown", reason: `the API key found beside it is not valid (${api.reason ?? api.liveness}): the application key cannot be checked` };
  }
  if (user.status !== 200) return answeredUnknown("Datadog", user.status, `GET ${CURRENT_USER}${errorsOf(user)}`);
  const data = isRecord(user.json) && isRecord(user.json.data) ? user.json.data : undefined;
  const attributes = isRecord(data?.attributes) ? data.attributes : undefined;
  if (!attributes) return unexpectedShape(`GET ${CURRENT_USER}`);
  const email = nonEmptyString(attributes.email) ?? nonEmptyString(attributes.handle);
  const included = isRecord(user.json) && Array.isArray(user.json.included) ? user.json.included.filter(isRecord) : [];
  const roles = included
    .filter((i) => i.type === "roles" && isRecord(i.attributes))
    .map((i) => nonEmptyString((i.attributes as Record<string, unknown>).name) ?? "?");
  const facts = [`application key of ${email ?? "an unnamed user"}${roles.length > 0 ? `, roles: ${roles.join(", ")}` : ", roles not listed: scored as admin"}`];
  let capabilities = new Set<Capability>(roleCapabilities(roles));
  let scopes: string[] | undefined;

  try {
    const keys = await http.request("GET", APP_KEYS, { headers });
    const entries = keys.status === 200 && isRecord(keys.json) && Array.isArray(keys.json.data) ? keys.json.data.filter(isRecord) : undefined;
    const mine = entries?.find((k) => isRecord(k.attributes) && k.attributes.last4 === token.secret.slice(-4));
    const attrs = isRecord(mine?.attributes) ? mine.attributes : undefined;
    if (!entries) facts.push(`application keys not readable (HTTP ${keys.status})`);
    else if (!attrs) facts.push("this key is not among the user's keys (it may belong to a service account): scopes unknown");
    else if (attrs.scopes === null || attrs.scopes === undefined) facts.push(`key "${nonEmptyString(attrs.name) ?? "?"}" is unscoped: every permission of its user`);
    else if (Array.isArray(attrs.scopes)) {
      scopes = attrs.scopes.filter((s): s is string => typeof s === "string");
      const granted = new Set<Capability>(scopes.flatMap(scopeCapabilities));
      capabilities = new Set([...capabilities].filter((c) => c === "ACCOUNT_WIDE" || granted.has(c)));
      facts.push(`key "${nonEmptyString(attrs.name) ?? "?"}" is scoped to ${scopes.join(", ") || "nothing"}`);
    }
  } catch (error) {
    facts.push(notReadable("application keys", error));
  }
  if (capabilities.has("DELETE_INFRA")) facts.push("can delete monitors, which silences alerting on whatever they watch");
  if (capabilities.has("IAM_WRITE")) facts.push("can manage users, roles and keys of the organization");
  return {
    liveness: "live",
    tokenClass: scopes ? "scoped application key" : "application key",
    ...(email ? { owner: email } : {}),
    ...(scopes ? { scopes } : {}),
    capabilities: [...capabilities].sort(),
    facts,
  };
}

export const datadogApi: ProviderApi = {
  baseUrl: "https://api.datadoghq.com",
  allow: [
    { method: "GET", path: VALIDATE },
    { method: "GET", path: CURRENT_USER },
    { method: "GET", path: "/api/v2/current_user/application_keys" },
  ],
  callBudget: 4,
  introspect: (token, http) => (token.ruleId === "application-key" ? introspectAppKey(token, http) : validateApiKey(http, token.secret)),
};
