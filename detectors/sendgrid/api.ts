/**
 * Read-only introspection of SendGrid API keys (../shared/providers.md §2.13). GET only, `Authorization: Bearer`:
 *   GET /v3/scopes        the exact scope list of the key; 401 = inactive; 403 = live, scopes not readable
 *   GET /v3/user/username who the account is (only when the key holds user.username.read)
 * EU-pinned keys are answered by api.eu.sendgrid.com: point --endpoint sendgrid at it.
 * Docs: https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access ,
 * https://www.twilio.com/docs/sendgrid/api-reference/users-api/get-account-username ,
 * https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys#api-key-permissions
 */
import { answeredUnknown, bearerAuthorization, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi } from "../../src/detector-kit/index.js";

/** A Full Access key holds a few hundred scopes; restricted keys a handful. */
const FULL_ACCESS_MIN = 100;

/** What one scope lets a key do. Scopes that match nothing add nothing. */
export function capabilitiesOfScope(scope: string): Capability[] {
  const out: Capability[] = [];
  if (scope === "mail.send") out.push("SEND_AS_ORG");
  if (/^(?:api_keys|teammates|subusers)\.(?:create|update|delete)\b/.test(scope) || /^(?:api_keys|teammates|subusers)\.[a-z_.]{1,60}\.(?:create|update|delete)$/.test(scope)) {
    out.push("IAM_WRITE");
  }
  if (scope.endsWith(".delete")) out.push("DELETE_DATA");
  if (/^(?:marketing|messages|contactdb)\.[a-z_.]{0,60}read$/.test(scope)) out.push("READ_PII");
  if (/^user\.webhooks\.(?:parse|event)\.[a-z_.]{0,40}(?:create|update)$/.test(scope)) out.push("READ_PII");
  if (scope === "billing.update") out.push("SPEND");
  return out;
}

export const api: ProviderApi = {
  baseUrl: "https://api.sendgrid.com",
  allow: [
    { method: "GET", path: "/v3/scopes" },
    { method: "GET", path: "/v3/user/username" },
  ],
  callBudget: 4,
  rules: ["api-key"],

  async introspect(token, http) {
    const headers = bearerAuthorization(token.secret);
    const response = await http.request("GET", "/v3/scopes", { headers });
    if (response.status === 401) return { liveness: "inactive", reason: "SendGrid answered 401 to GET /v3/scopes: deleted or invalid key" };
    const keyId = token.secret.slice(3, 25);
    if (response.status === 403) {
      return { liveness: "live", tokenClass: "API key", facts: [`key id ${keyId}`, "SendGrid refused to list this key's scopes (403): scored as full access"] };
    }
    if (response.status !== 200) return answeredUnknown("SendGrid", response.status, "GET /v3/scopes");
    if (!isRecord(response.json) || !Array.isArray(response.json.scopes)) {
      return unexpectedShape("GET /v3/scopes");
    }
    const scopes = response.json.scopes.filter((s): s is string => typeof s === "string").sort();
    const full = scopes.length >= FULL_ACCESS_MIN && scopes.includes("api_keys.create");
    const capabilities = new Set<Capability>(scopes.flatMap(capabilitiesOfScope));
    if (full) capabilities.add("ACCOUNT_WIDE");
    const facts = [
      `key id ${keyId}`,
      full ? `Full Access key (${scopes.length} scopes)` : `restricted key with ${scopes.length} scopes: ${scopes.slice(0, 12).join(", ")}${scopes.length > 12 ? ", ..." : ""}`,
    ];
    if (scopes.includes("mail.send")) facts.push("can send mail as the account's verified senders and domains");

    let owner: string | undefined;
    if (scopes.includes("user.username.read")) {
      const user = await http.request("GET", "/v3/user/username", { headers }).catch(() => undefined);
      if (user?.status === 200 && isRecord(user.json) && typeof user.json.username === "string") owner = user.json.username;
    }
    const result: Introspection = {
      liveness: "live",
      tokenClass: full ? "Full Access API key" : "Restricted Access API key",
      scopes,
      capabilities: [...capabilities].sort(),
      facts,
      ...(owner ? { owner, account: owner } : {}),
    };
    return result;
  },
};
