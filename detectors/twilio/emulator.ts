/**
 * Loopback emulator of the Twilio REST API (2010-04-01) endpoints twilio/api.ts reads (tests only).
 * As documented (checked 2026-11):
 * - https://www.twilio.com/docs/iam/api/account : GET /Accounts/{Sid}.json `{ sid, friendly_name, status,
 *   type: "Trial" | "Full", owner_account_sid, ... }`; GET /Accounts.json `{ accounts: [...], page, ... }`.
 * - https://www.twilio.com/docs/usage/requests-to-twilio : HTTP Basic auth with Account SID + Auth Token or
 *   API key SID + secret; 401 `{"code": 20003, "message": "Authenticate", "more_info":
 *   "https://www.twilio.com/docs/errors/20003", "status": 401}`.
 * - https://www.twilio.com/docs/iam/api-keys/key-resource-v2010 : only the Auth Token and Main keys may
 *   list keys; Standard keys get 401/403 (code 20003 / 20403).
 */
import { ALPHABET } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface TwilioAccountState {
  sid: string;
  name: string;
  type: "Trial" | "Full";
  authToken: string;
  keys: { sid: string; secret: string; kind: "main" | "standard" }[];
  numbers: number;
}

const authenticate = (): EmulatedResponse => ({
  status: 401,
  body: { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 },
});
const forbidden = (): EmulatedResponse => ({
  status: 403,
  body: { code: 20403, message: "Forbidden", more_info: "https://www.twilio.com/docs/errors/20403", status: 403 },
});

export function twilioHandler(account: TwilioAccountState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    const basic = /^Basic (\S{1,400})$/.exec(request.headers.authorization ?? "")?.[1];
    const [user = "", pass = ""] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
    const key = account.keys.find((k) => k.sid === user && k.secret === pass);
    const asAuthToken = user === account.sid && pass === account.authToken;
    if (!asAuthToken && !key) return authenticate();
    const canManageKeys = asAuthToken || key?.kind === "main";
    const accountJson = { sid: account.sid, friendly_name: account.name, status: "active", type: account.type, owner_account_sid: account.sid, date_created: "Wed, 01 Jan 2025 00:00:00 +0000" };
    const path = request.path.split("?")[0];
    if (path === "/2010-04-01/Accounts.json") return { status: 200, body: { accounts: [accountJson], page: 0, page_size: 50, uri: path } };
    if (path === `/2010-04-01/Accounts/${account.sid}.json`) return { status: 200, body: accountJson };
    if (path === `/2010-04-01/Accounts/${account.sid}/Keys.json`) {
      if (!canManageKeys) return forbidden();
      return { status: 200, body: { keys: account.keys.slice(0, 1).map((k) => ({ sid: k.sid, friendly_name: "ci" })), page: 0, page_size: 1 } };
    }
    if (path === `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json`) {
      return { status: 200, body: { incoming_phone_numbers: account.numbers > 0 ? [{ sid: "PN0", phone_number: "+15005550006" }] : [], page: 0, page_size: 1 } };
    }
    return { status: 404, body: { code: 20404, message: "The requested resource was not found", status: 404 } };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const standardKey = { sid: `SK${rng.hex(32)}`, secret: rng.chars(ALPHABET.base62, 32), kind: "standard" as const };
    const account: TwilioAccountState = { sid: `AC${rng.hex(32)}`, name: "Acme Notifications", type: "Full", authToken: rng.hex(32), keys: [standardKey], numbers: 2 };
    const handler = twilioHandler(account);
    return [
      {
        name: "Auth Token with its Account SID beside it",
        rule: "auth-token",
        secret: account.authToken,
        companions: [{ rule: "account-sid", secret: account.sid }],
        handler,
        expect: { liveness: "live", tokenClass: "Auth Token", account: "Acme Notifications", capabilities: ["ACCOUNT_WIDE", "SPEND", "SEND_AS_ORG", "IAM_WRITE"], mentions: ["Acme Notifications", "can list and mint API keys"] },
      },
      {
        name: "Standard API key secret with its key SID",
        rule: "api-key-secret",
        secret: standardKey.secret,
        companions: [{ rule: "api-key-sid", secret: standardKey.sid }],
        handler,
        expect: { liveness: "live", tokenClass: "Standard or Restricted API key", absentCapabilities: ["IAM_WRITE"], mentions: ["cannot manage keys"] },
      },
      {
        name: "rotated Auth Token: 401 Authenticate",
        rule: "auth-token",
        secret: rng.hex(32),
        companions: [{ rule: "account-sid", secret: account.sid }],
        handler,
        expect: { liveness: "inactive" },
      },
    ];
  },
};
