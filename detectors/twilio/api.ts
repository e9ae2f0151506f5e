/**
 * Read-only introspection of Twilio credentials (../shared/providers.md §2.18), HTTP Basic auth, GET only,
 * at most 4 calls:
 *   GET /2010-04-01/Accounts/{AC}.json                         the account: name, status, Trial/Full,
 *                                                               parent (subaccount); 401 = inactive
 *   GET /2010-04-01/Accounts.json?PageSize=50                  API keys: the account they belong to;
 *                                                               parents: their subaccounts
 *   GET /2010-04-01/Accounts/{AC}/Keys.json?PageSize=1         200 = Auth Token or Main key (can mint keys);
 *                                                               401/403 = Standard or Restricted key
 *   GET /2010-04-01/Accounts/{AC}/IncomingPhoneNumbers.json?PageSize=1  numbers it can send from
 * Basic auth needs the identifier beside the secret: the Account SID (AC…) for an Auth Token, the key
 * SID (SK…) for an API key secret. They are identifiers, not secrets: they come from the token's
 * companions (or evidence); without one nothing is sent.
 * Docs: https://www.twilio.com/docs/iam/api/account , https://www.twilio.com/docs/iam/api-keys/key-resource-v2010 ,
 * https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource
 * Never: Messages/Calls POST, Verify, key creation, number purchase or release.
 */
import { answeredInactive, answeredUnknown, isRecord, messageSuffix, nonEmptyString, thrownMessage, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;
const KEY_SID = /^SK[0-9a-fA-F]{32}$/;

/** Identifiers that may sit beside the secret: SIDs in the same file, companions, or the finding's evidence. */
function identifiers(token: TokenInstance): string[] {
  return [
    ...(token.identifiers ?? []),
    ...token.companions.map((c) => c.secret),
    ...(token.evidence !== undefined ? [token.evidence] : []),
  ];
}

async function optional(http: ProviderHttp, path: string, headers: Record<string, string>): Promise<HttpResponse | string> {
  try {
    return await http.request("GET", path, { headers });
  } catch (error) {
    return thrownMessage(error);
  }
}

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const ids = identifiers(token);
  const isKeySecret = token.ruleId === "api-key-secret";
  const username = ids.find((id) => (isKeySecret ? KEY_SID : ACCOUNT_SID).test(id));
  if (!username) {
    return {
      liveness: "unknown",
      reason: isKeySecret
        ? "a Twilio API key secret is checked with its key SID (SK…), and none was found beside it"
        : "a Twilio Auth Token is checked with its Account SID (AC…), and none was found beside it",
    };
  }
  const headers = { authorization: `Basic ${Buffer.from(`${username}:${token.secret}`).toString("base64")}` };
  const facts: string[] = [];
  const capabilities = new Set<Capability>(["SPEND", "SEND_AS_ORG", "READ_PII", "DELETE_INFRA"]);
  let account: Record<string, unknown> | undefined;
  let accountSid: string | undefined;

  if (isKeySecret) {
    const response = await http.request("GET", "/2010-04-01/Accounts.json?PageSize=50", { headers });
    if (response.status === 401) return answeredInactive("Twilio", 401, `GET /2010-04-01/Accounts.json${messageSuffix(response)}`, "revoked or invalid");
    if (response.status !== 200) return answeredUnknown("Twilio", response.status, `GET /2010-04-01/Accounts.json${messageSuffix(response)}`);
    const accounts = isRecord(response.json) && Array.isArray(response.json.accounts) ? response.json.accounts.filter(isRecord) : undefined;
    if (!accounts) return unexpectedShape("GET /2010-04-01/Accounts.json");
    account = accounts.find((a) => !nonEmptyString(a.owner_account_sid) || a.owner_account_sid === a.sid) ?? accounts[0];
    accountSid = nonEmptyString(account?.sid);
    if (accounts.length > 1) {
      capabilities.add("ACCOUNT_WIDE");
      facts.push(`reaches ${accounts.length} accounts (the account and its subaccounts)`);
    }
  } else {
    const path = `/2010-04-01/Accounts/${username}.json`;
    const response = await http.request("GET", path, { headers });
    if (response.status === 401) return answeredInactive("Twilio", 401, `GET ${path}${messageSuffix(response)}`, "revoked, rotated or invalid");
    if (response.status !== 200) return answeredUnknown("Twilio", response.status, `GET ${path}${messageSuffix(response)}`);
    if (!isRecord(response.json) || !nonEmptyString(response.json.sid)) return unexpectedShape(`GET ${path}`);
    account = response.json;
    accountSid = username;
    capabilities.add("ACCOUNT_WIDE").add("IAM_WRITE");
  }

  const name = nonEmptyString(account?.friendly_name) ?? accountSid ?? "?";
  const type = nonEmptyString(account?.type);
  const status = nonEmptyString(account?.status);
  facts.unshift(`${isKeySecret ? "API key" : "Auth Token"} of Twilio account "${name}"${type ? ` (${type})` : ""}${status && status !== "active" ? `, status ${status}` : ""}`);
  if (nonEmptyString(account?.owner_account_sid) && account?.owner_account_sid !== account?.sid) facts.push("a subaccount of another Twilio account");
  if (type === "Trial") facts.push("trial account: sends only to verified numbers, within the trial credit");

  if (accountSid && ACCOUNT_SID.test(accountSid)) {
    const keys = await optional(http, `/2010-04-01/Accounts/${accountSid}/Keys.json?PageSize=1`, headers);
    if (typeof keys === "string") facts.push(`key management not checked (${keys})`);
    else if (keys.status === 200) {
      capabilities.add("IAM_WRITE").add("ACCOUNT_WIDE");
      facts.push(isKeySecret ? "Main key: same power as the Auth Token (can mint keys, manage subaccounts)" : "can list and mint API keys");
    } else if (keys.status === 401 || keys.status === 403) {
      facts.push("Standard or Restricted key: cannot manage keys, account settings or subaccounts");
    }
    const numbers = await optional(http, `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json?PageSize=1`, headers);
    if (typeof numbers !== "string" && numbers.status === 200 && isRecord(numbers.json) && Array.isArray(numbers.json.incoming_phone_numbers)) {
      const count = numbers.json.incoming_phone_numbers.length;
      facts.push(count > 0 ? "owns phone numbers it can send SMS and place calls from, as the company" : "owns no phone number (it can still buy one)");
    }
  }
  return {
    liveness: "live",
    tokenClass: isKeySecret ? (capabilities.has("IAM_WRITE") ? "Main API key" : "Standard or Restricted API key") : "Auth Token",
    // The SID came in as a companion, which the runner scrubs from results: name the account instead.
    account: name,
    capabilities: [...capabilities].sort(),
    facts,
  };
}

export const twilioApi: ProviderApi = {
  baseUrl: "https://api.twilio.com",
  allow: [
    { method: "GET", path: "/2010-04-01/Accounts.json" },
    { method: "GET", path: "/2010-04-01/Accounts/{accountSid}.json" },
    { method: "GET", path: "/2010-04-01/Accounts/{accountSid}/Keys.json" },
    { method: "GET", path: "/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json" },
  ],
  callBudget: 4,
  introspect,
};
