/**
 * Loopback emulator of the Stripe API endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented: https://docs.stripe.com/api/authentication (401 `invalid_request_error`
 * "Invalid API Key provided: sk_live_****1234"), https://docs.stripe.com/api/errors (error object),
 * https://docs.stripe.com/api/accounts/object , https://docs.stripe.com/api/balance/balance_object ,
 * https://docs.stripe.com/api/pagination (list objects). Restricted keys get 403 with the message
 * format observed for missing permissions (../shared/providers.md §2.6).
 */
import { ALPHABET, bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";
import { RESTRICTED_PROBES } from "./api.js";

export interface StripeKeyState {
  key: string;
  account: string;
  email?: string;
  businessName?: string;
  revoked?: boolean;
  /** Restricted keys: permission names (`rak_charge_read`...) granted; secret keys reach everything. */
  permissions?: string[];
  /** Secret keys of a Connect platform see connected accounts. */
  connectedAccounts?: number;
  balance?: { amount: number; currency: string }[];
}

const mask = (key: string): string => `${key.slice(0, 8)}${"*".repeat(20)}${key.slice(-4)}`;

const answer = (status: number, body: object): EmulatedResponse => ({
  status,
  headers: { "request-id": "req_emulated", "stripe-version": "2024-06-20" },
  body,
});

const invalidKey = (key: string | undefined): EmulatedResponse => ({
  ...answer(401, {
    error: {
      message: key ? `Invalid API Key provided: ${mask(key)}` : "You did not provide an API key.",
      type: "invalid_request_error",
    },
  }),
  headers: { "www-authenticate": 'Basic realm="Stripe"', "request-id": "req_emulated" },
});

const list = (url: string, data: object[] = []): EmulatedResponse =>
  answer(200, { object: "list", data, has_more: false, url });

function bearer(request: EmulatedRequest): string | undefined {
  return bearerTokenOf(request, 300);
}

/** The permission a restricted key needs for a path, from the probe table. */
const permissionFor = (path: string): string | undefined =>
  RESTRICTED_PROBES.find((p) => p.path.split("?", 1)[0] === path)?.permission;

export function createStripeEmulator(keys: readonly StripeKeyState[]): EmulatorHandler {
  return (request) => {
    const key = bearer(request);
    const state = keys.find((k) => k.key === key);
    if (!state || state.revoked) return invalidKey(key);
    if (request.method !== "GET") return answer(405, { error: { message: "Method not allowed", type: "invalid_request_error" } });
    const path = request.path.split("?", 1)[0] ?? "";
    const livemode = state.key.includes("_live_");

    if (state.permissions) {
      const needed = path === "/v1/account" ? "rak_account_read" : permissionFor(path);
      if (needed && !state.permissions.includes(needed)) {
        return answer(403, {
          error: {
            message: `The provided key '${mask(state.key)}' does not have the required permissions for this endpoint on account '${state.account}'. Having the '${needed}' permission would allow this request to continue.`,
            type: "invalid_request_error",
          },
        });
      }
    }

    switch (path) {
      case "/v1/account":
        return answer(200, {
          id: state.account,
          object: "account",
          business_profile: { name: state.businessName ?? null, url: null },
          charges_enabled: true,
          payouts_enabled: true,
          country: "US",
          default_currency: "usd",
          email: state.email ?? null,
          settings: { dashboard: { display_name: state.businessName ?? null, timezone: "Etc/UTC" } },
          type: "standard",
        });
      case "/v1/balance":
        return answer(200, {
          object: "balance",
          available: (state.balance ?? [{ amount: 0, currency: "usd" }]).map((b) => ({ ...b, source_types: { card: b.amount } })),
          pending: [{ amount: 0, currency: "usd", source_types: { card: 0 } }],
          livemode,
        });
      case "/v1/accounts":
        return list(
          "/v1/accounts",
          Array.from({ length: Math.min(1, state.connectedAccounts ?? 0) }, (_, i) => ({ id: `acct_connected${i}`, object: "account", type: "express" })),
        );
      default:
        if (permissionFor(path)) return list(path);
        return answer(404, { error: { message: `Unrecognized request URL (GET: ${path}).`, type: "invalid_request_error" } });
    }
  };
}

const key = (rng: Rng, prefix: string): string => `${prefix}${rng.chars(ALPHABET.base62, 99)}`;
const accountId = (rng: Rng): string => `acct_1${rng.chars(ALPHABET.base62, 15)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const platform = key(rng, "sk_live_");
    const narrow = key(rng, "rk_live_");
    const broad = key(rng, "rk_live_");
    const test = key(rng, "sk_test_");
    const rolled = key(rng, "sk_live_");
    const platformAccount = accountId(rng);
    const shopAccount = accountId(rng);
    return [
      {
        name: "live secret key of a Connect platform",
        rule: "secret-key-live",
        secret: platform,
        handler: createStripeEmulator([
          {
            key: platform,
            account: platformAccount,
            email: "billing@acme.test",
            businessName: "Acme",
            connectedAccounts: 3,
            balance: [{ amount: 1234567, currency: "usd" }],
          },
        ]),
        expect: {
          liveness: "live",
          account: platformAccount,
          owner: "billing@acme.test",
          tokenClass: "live secret key",
          capabilities: ["ACCOUNT_WIDE", "PROD_REACH", "SPEND", "READ_PII", "DELETE_DATA"],
          absentCapabilities: ["TEST_MODE"],
          mentions: ["balance available: 12345.67 USD", "Connect platform", "live mode"],
        },
      },
      {
        name: "live restricted key that reads products only",
        rule: "restricted-key-live",
        secret: narrow,
        handler: createStripeEmulator([{ key: narrow, account: shopAccount, permissions: ["rak_product_read"] }]),
        expect: {
          liveness: "live",
          account: shopAccount,
          tokenClass: "live restricted key",
          scopes: ["rak_product_read"],
          capabilities: ["PROD_REACH", "DELETE_DATA"],
          absentCapabilities: ["SPEND", "READ_PII", "ACCOUNT_WIDE"],
          mentions: ["reads products", "no access to balance"],
        },
      },
      {
        name: "live restricted key that reads customers, charges and payouts",
        rule: "restricted-key-live",
        secret: broad,
        handler: createStripeEmulator([
          {
            key: broad,
            account: shopAccount,
            permissions: ["rak_account_read", "rak_customer_read", "rak_charge_read", "rak_payout_read", "rak_balance_read"],
          },
        ]),
        expect: {
          liveness: "live",
          account: shopAccount,
          scopes: ["rak_customer_read", "rak_charge_read", "rak_payout_read"],
          capabilities: ["PROD_REACH", "SPEND", "READ_PII", "DELETE_DATA"],
          absentCapabilities: ["ACCOUNT_WIDE"],
          mentions: ["customers", "write permissions unknown"],
        },
      },
      {
        name: "live test-mode secret key",
        rule: "secret-key-test",
        secret: test,
        handler: createStripeEmulator([{ key: test, account: shopAccount }]),
        expect: {
          liveness: "live",
          tokenClass: "test-mode secret key",
          capabilities: ["TEST_MODE"],
          absentCapabilities: ["PROD_REACH", "SPEND", "READ_PII"],
          mentions: ["test mode"],
        },
      },
      inactiveCase("rolled live secret key", "secret-key-live", rolled, createStripeEmulator([{ key: rolled, account: platformAccount, revoked: true }])),
    ];
  },
};
