/**
 * Loopback emulator of the Cloudflare v4 API endpoints that api.ts reads (tests only, never shipped).
 * Answers with Cloudflare's envelope `{success, errors[{code, message}], messages, result, result_info?}`
 * as documented at https://developers.cloudflare.com/api/ : token verify -> result `{id, status,
 * not_before?, expires_on?}` with message 10000 "This API Token is valid and active"; an unknown token ->
 * 401 with error 1000 "Invalid API Token"; a token without the permission for a resource -> 403 with
 * error 9109 "Unauthorized to access requested resource"; lists carry `result_info`.
 */
import { ALPHABET, bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface CloudflareTokenState {
  token: string;
  kind: "user" | "account";
  id: string;
  name: string;
  status?: "active" | "disabled" | "expired";
  expiresOn?: string;
  /** Permission group names ("DNS Write"); the token can read its own policies only with "API Tokens Read". */
  permissions: string[];
  /** Policies apply to every zone/account rather than listed ones. */
  allZones?: boolean;
  accounts: { id: string; name: string }[];
  zones?: string[];
}

const envelope = (status: number, result: unknown, extra: object = {}): EmulatedResponse => ({
  status,
  headers: { "cf-ray": "0000000000000000-EMU" },
  body: { success: status < 300, errors: [], messages: [], result, ...extra },
});

const failure = (status: number, code: number, message: string): EmulatedResponse => ({
  status,
  headers: { "cf-ray": "0000000000000000-EMU" },
  body: { success: false, errors: [{ code, message }], messages: [], result: null },
});

const page = (items: object[]): EmulatedResponse =>
  envelope(200, items, { result_info: { page: 1, per_page: 50, count: items.length, total_count: items.length, total_pages: 1 } });

const canReadTokens = (state: CloudflareTokenState): boolean =>
  state.permissions.some((p) => /API Tokens (?:Read|Write)$/.test(p));

export function createCloudflareEmulator(tokens: readonly CloudflareTokenState[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request);
    const state = tokens.find((t) => t.token === bearer);
    if (!state) return failure(401, 1000, "Invalid API Token");
    if (request.method !== "GET") return failure(405, 10000, "Method not allowed");
    const path = request.path.split("?", 1)[0] ?? "";
    const verifyResult = {
      id: state.id,
      status: state.status ?? "active",
      ...(state.expiresOn ? { expires_on: state.expiresOn } : {}),
    };
    const detail = {
      ...verifyResult,
      name: state.name,
      issued_on: "2026-03-01T10:00:00Z",
      modified_on: "2026-03-01T10:00:00Z",
      policies: [
        {
          id: "f267e341f3dd4697bd3b9f71dd96247f",
          effect: "allow",
          resources: state.allZones ? { "com.cloudflare.api.account.zone.*": "*" } : { "com.cloudflare.api.account.zone.eb78d65290b24279ba6f44721b3ea3c4": "*" },
          permission_groups: state.permissions.map((name, i) => ({ id: `c8fed203ed3043cba015a93ad1616f1${i}`, name })),
        },
      ],
    };
    const unauthorized = (): EmulatedResponse => failure(403, 9109, "Unauthorized to access requested resource");

    if (path === "/client/v4/user/tokens/verify") {
      if (state.kind !== "user") return failure(401, 1000, "Invalid API Token");
      return envelope(200, verifyResult, { messages: [{ code: 10000, message: "This API Token is valid and active", type: null }] });
    }
    if (path === `/client/v4/user/tokens/${state.id}`) {
      return state.kind === "user" && canReadTokens(state) ? envelope(200, detail) : unauthorized();
    }
    const accountVerify = /^\/client\/v4\/accounts\/([^/]{1,64})\/tokens\/verify$/.exec(path);
    if (accountVerify) {
      if (state.kind !== "account" || !state.accounts.some((a) => a.id === accountVerify[1])) return failure(401, 1000, "Invalid API Token");
      return envelope(200, verifyResult, { messages: [{ code: 10000, message: "This API Token is valid and active", type: null }] });
    }
    const accountDetail = /^\/client\/v4\/accounts\/([^/]{1,64})\/tokens\/([^/]{1,64})$/.exec(path);
    if (accountDetail) {
      return state.kind === "account" && accountDetail[2] === state.id && canReadTokens(state) ? envelope(200, detail) : unauthorized();
    }
    if (path === "/client/v4/accounts") {
      return page(state.accounts.map((a) => ({ id: a.id, name: a.name, type: "standard", settings: { enforce_twofactor: false }, created_on: "2024-01-01T00:00:00Z" })));
    }
    if (path === "/client/v4/zones") {
      const account = state.accounts[0] ?? { id: "0", name: "?" };
      return page((state.zones ?? []).map((name, i) => ({ id: `${i}`.padStart(32, "0"), name, status: "active", account: { id: account.id, name: account.name } })));
    }
    return failure(404, 7003, "Could not route to the requested path");
  };
}

const scannable = (rng: Rng, prefix: string): string => `${prefix}${rng.chars(ALPHABET.base62, 40)}${rng.hex(8)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const dnsReader = scannable(rng, "cfut_");
    const broad = scannable(rng, "cfut_");
    const opaque = rng.chars(`${ALPHABET.base62}_-`, 40);
    const accountToken = scannable(rng, "cfat_");
    const disabled = scannable(rng, "cfut_");
    const unknown = scannable(rng, "cfut_");
    const acme = { id: rng.hex(32), name: "Acme" };
    const zones = ["acme.com", "shop.acme.com"];
    return [
      {
        name: "live user token that reads DNS only",
        rule: "user-api-token",
        secret: dnsReader,
        handler: createCloudflareEmulator([
          { token: dnsReader, kind: "user", id: rng.hex(32), name: "dns-audit", permissions: ["DNS Read", "Zone Read", "API Tokens Read"], accounts: [acme], zones: ["acme.com"] },
        ]),
        expect: {
          liveness: "live",
          account: "Acme",
          tokenClass: "user API token",
          scopes: ["DNS Read", "Zone Read"],
          absentCapabilities: ["PROD_REACH", "DELETE_INFRA", "IAM_WRITE", "CODE_WRITE", "ACCOUNT_WIDE"],
          mentions: ["zones acme.com", "never expires"],
        },
      },
      {
        name: "live user token that edits DNS, Workers and API tokens on every zone",
        rule: "user-api-token",
        secret: broad,
        handler: createCloudflareEmulator([
          {
            token: broad,
            kind: "user",
            id: rng.hex(32),
            name: "deploy",
            expiresOn: "2027-03-01T00:00:00Z",
            permissions: ["DNS Write", "Workers Scripts Write", "User API Tokens Write", "API Tokens Read"],
            allZones: true,
            accounts: [acme],
            zones,
          },
        ]),
        expect: {
          liveness: "live",
          scopes: ["DNS Write", "Workers Scripts Write"],
          capabilities: ["PROD_REACH", "DELETE_INFRA", "CODE_WRITE", "IAM_WRITE", "ACCOUNT_WIDE"],
          mentions: ["zones acme.com, shop.acme.com", "expires 2027-03-01T00:00:00Z", "on every zone or account"],
        },
      },
      {
        name: "live unprefixed token that cannot read its own policies",
        rule: "api-token-legacy",
        secret: opaque,
        handler: createCloudflareEmulator([{ token: opaque, kind: "user", id: rng.hex(32), name: "ci", permissions: ["Zone Write"], accounts: [acme], zones }]),
        expect: { liveness: "live", mentions: ["cannot read its own policies", "zones acme.com"] },
      },
      {
        name: "live account token",
        rule: "account-api-token",
        secret: accountToken,
        handler: createCloudflareEmulator([
          { token: accountToken, kind: "account", id: rng.hex(32), name: "terraform", permissions: ["Account API Tokens Read", "Workers R2 Storage Write"], accounts: [acme] },
        ]),
        expect: {
          liveness: "live",
          account: "Acme",
          tokenClass: "account API token",
          capabilities: ["DELETE_DATA"],
          absentCapabilities: ["IAM_WRITE", "PROD_REACH"],
        },
      },
      inactiveCase("disabled user token", "user-api-token", disabled, createCloudflareEmulator([{ token: disabled, kind: "user", id: rng.hex(32), name: "old", status: "disabled", permissions: [], accounts: [acme] }])),
      inactiveCase("unknown user token", "user-api-token", unknown, createCloudflareEmulator([])),
    ];
  },
};
