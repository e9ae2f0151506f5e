/**
 * Read-only introspection of Stripe secret and restricted keys (../shared/providers.md §2.6). GET only:
 *   GET /v1/account          who the key belongs to; 401 = inactive; 403 = a live restricted key without
 *                            that permission (the error names the account and the `rak_` permission)
 *   GET /v1/balance          secret keys: the money within reach
 *   GET /v1/accounts?limit=1 secret keys: a Connect platform with connected accounts
 *   GET /v1/<list>?limit=1   restricted keys: one probe per resource; 200 = read permission, 403 = none
 * Write permissions of a restricted key cannot be read without writing: a readable money-moving or
 * customer resource is scored as possibly writable ("write unknown").
 * Docs: https://docs.stripe.com/api/accounts/retrieve , https://docs.stripe.com/api/balance/balance_retrieve ,
 * https://docs.stripe.com/api/errors , https://docs.stripe.com/keys/restricted-api-keys
 */
import { answeredUnknown, bearerAuthorization, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

interface Probe {
  path: string;
  /** Permission name, as Stripe names restricted-key permissions. */
  permission: string;
  label: string;
  capabilities: readonly Capability[];
}

/** Resources a restricted key is probed for, and what a key that reaches them may do. */
export const RESTRICTED_PROBES: readonly Probe[] = [
  { path: "/v1/balance", permission: "rak_balance_read", label: "balance", capabilities: ["SPEND"] },
  { path: "/v1/charges?limit=1", permission: "rak_charge_read", label: "charges", capabilities: ["SPEND", "READ_PII"] },
  { path: "/v1/customers?limit=1", permission: "rak_customer_read", label: "customers", capabilities: ["READ_PII", "DELETE_DATA"] },
  { path: "/v1/payment_intents?limit=1", permission: "rak_payment_intent_read", label: "payment intents", capabilities: ["SPEND", "READ_PII"] },
  { path: "/v1/refunds?limit=1", permission: "rak_refund_read", label: "refunds", capabilities: ["SPEND"] },
  { path: "/v1/payouts?limit=1", permission: "rak_payout_read", label: "payouts", capabilities: ["SPEND"] },
  { path: "/v1/transfers?limit=1", permission: "rak_transfer_read", label: "transfers", capabilities: ["SPEND"] },
  { path: "/v1/subscriptions?limit=1", permission: "rak_subscription_read", label: "subscriptions", capabilities: ["DELETE_DATA", "READ_PII"] },
  { path: "/v1/invoices?limit=1", permission: "rak_invoice_read", label: "invoices", capabilities: ["READ_PII"] },
  { path: "/v1/products?limit=1", permission: "rak_product_read", label: "products", capabilities: ["DELETE_DATA"] },
  { path: "/v1/webhook_endpoints?limit=1", permission: "rak_webhook_read", label: "webhook endpoints", capabilities: ["READ_PII"] },
  { path: "/v1/accounts?limit=1", permission: "rak_connected_account_read", label: "connected accounts", capabilities: ["ACCOUNT_WIDE"] },
  { path: "/v1/issuing/cards?limit=1", permission: "rak_issuing_card_read", label: "Issuing cards", capabilities: ["SPEND", "READ_PII"] },
  { path: "/v1/files?limit=1", permission: "rak_file_read", label: "files", capabilities: ["READ_PII"] },
];

const errorMessage = (response: HttpResponse): string => {
  const error = isRecord(response.json) && isRecord(response.json.error) ? response.json.error : undefined;
  return typeof error?.message === "string" ? error.message : "";
};

/** `acct_…` and `rak_…` named in a 403 permission error (text not a documented contract: parsed defensively). */
export function parsePermissionError(message: string): { account?: string; permission?: string } {
  const account = /\b(acct_[0-9A-Za-z]{1,64})\b/.exec(message)?.[1];
  const permission = /\b(rak_[a-z0-9_]{1,80})\b/.exec(message)?.[1];
  return { ...(account ? { account } : {}), ...(permission ? { permission } : {}) };
}

const isList = (value: unknown): value is { data: unknown[]; has_more?: unknown } =>
  isRecord(value) && value.object === "list" && Array.isArray(value.data);

/** `[{amount: 123456, currency: "usd"}]` -> "1234.56 USD" (minor units, two decimals for most currencies). */
function formatBalance(entries: unknown): string | undefined {
  if (!Array.isArray(entries)) return undefined;
  const parts = entries
    .filter(isRecord)
    .filter((e) => typeof e.amount === "number" && typeof e.currency === "string")
    .map((e) => `${((e.amount as number) / 100).toFixed(2)} ${(e.currency as string).toUpperCase()}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function accountFacts(body: Record<string, unknown>, facts: string[]): { account?: string; owner?: string } {
  const account = typeof body.id === "string" ? body.id : undefined;
  const profile = isRecord(body.business_profile) ? body.business_profile : {};
  const settings = isRecord(body.settings) && isRecord(body.settings.dashboard) ? body.settings.dashboard : {};
  const name = [profile.name, settings.display_name].find((v): v is string => typeof v === "string" && v !== "");
  const email = typeof body.email === "string" ? body.email : undefined;
  if (account) facts.push(`Stripe account ${account}${name ? ` (${name})` : ""}`);
  if (body.charges_enabled === true) facts.push("charges enabled");
  if (body.payouts_enabled === true) facts.push("payouts enabled");
  return { account, owner: email ?? name };
}

/** What the follow-up reads add, or the key turning out dead half-way. */
type Detail = { capabilities: Capability[]; scopes?: string[]; account?: string } | { inactive: true };

async function introspectSecretKey(http: ProviderHttp, headers: Record<string, string>, live: boolean, facts: string[]): Promise<Detail> {
  const capabilities = new Set<Capability>(live ? ["ACCOUNT_WIDE", "PROD_REACH", "SPEND", "READ_PII", "DELETE_DATA"] : ["TEST_MODE"]);
  const balance = await http.request("GET", "/v1/balance", { headers }).catch(() => undefined);
  const available = balance?.status === 200 && isRecord(balance.json) ? formatBalance(balance.json.available) : undefined;
  if (available) facts.push(`balance available: ${available}`);
  const connected = await http.request("GET", "/v1/accounts?limit=1", { headers }).catch(() => undefined);
  if (connected?.status === 200 && isList(connected.json) && connected.json.data.length > 0) {
    facts.push("Connect platform with connected accounts: the key also acts on them (Stripe-Account header)");
  }
  facts.push("secret key: every API resource of the account, read and write");
  return { capabilities: [...capabilities].sort() };
}

async function introspectRestrictedKey(http: ProviderHttp, headers: Record<string, string>, live: boolean, facts: string[]): Promise<Detail> {
  const granted: Probe[] = [];
  const denied: string[] = [];
  let account: string | undefined;
  const unchecked: string[] = [];
  for (const probe of RESTRICTED_PROBES) {
    const response = await http.request("GET", probe.path, { headers }).catch(() => undefined);
    if (response === undefined) unchecked.push(probe.label);
    else if (response.status === 200 && isRecord(response.json)) granted.push(probe);
    else if (response.status === 403) {
      denied.push(probe.label);
      account ??= parsePermissionError(errorMessage(response)).account;
    } else if (response.status === 401) {
      return { inactive: true };
    }
  }
  const capabilities = new Set<Capability>(live ? ["PROD_REACH"] : ["TEST_MODE"]);
  if (live) for (const probe of granted) for (const c of probe.capabilities) capabilities.add(c);
  facts.push(
    granted.length > 0
      ? `restricted key reads ${granted.map((p) => p.label).join(", ")} (write permissions unknown: assumed where it reads)`
      : "restricted key reads none of the probed resources",
  );
  if (denied.length > 0) facts.push(`no access to ${denied.join(", ")}`);
  if (unchecked.length > 0) facts.push(`not checked (no answer): ${unchecked.join(", ")}`);
  return { capabilities: [...capabilities].sort(), scopes: granted.map((p) => p.permission), account };
}

export const api: ProviderApi = {
  baseUrl: "https://api.stripe.com",
  allow: [
    { method: "GET", path: "/v1/account" },
    ...RESTRICTED_PROBES.map((p) => ({ method: "GET" as const, path: p.path.split("?", 1)[0]! })),
  ],
  // GET /v1/account and every probe, with room for a few retries.
  callBudget: 1 + RESTRICTED_PROBES.length + 4,
  // Organization keys need a Stripe-Context account id; webhook secrets are not API credentials.
  rules: ["secret-key-live", "restricted-key-live", "secret-key-test", "restricted-key-test"],

  async introspect(token, http) {
    const headers = bearerAuthorization(token.secret);
    const live = token.ruleId.endsWith("-live");
    const restricted = token.ruleId.startsWith("restricted-");
    const tokenClass = `${live ? "live" : "test-mode"} ${restricted ? "restricted" : "secret"} key`;

    const response = await http.request("GET", "/v1/account", { headers });
    if (response.status === 401) {
      return { liveness: "inactive", reason: "Stripe answered 401 to GET /v1/account: the key is invalid, expired or rolled" };
    }
    const facts: string[] = [];
    let account: string | undefined;
    let owner: string | undefined;
    if (response.status === 200) {
      if (!isRecord(response.json) || typeof response.json.id !== "string") {
        return unexpectedShape("GET /v1/account");
      }
      ({ account, owner } = accountFacts(response.json, facts));
    } else if (response.status === 403 && restricted) {
      account = parsePermissionError(errorMessage(response)).account;
      if (account) facts.push(`Stripe account ${account}`);
    } else {
      return answeredUnknown("Stripe", response.status, "GET /v1/account");
    }
    facts.push(live ? "live mode: real money and real customers" : "test mode: no real money or customers");

    const detail = restricted
      ? await introspectRestrictedKey(http, headers, live, facts)
      : await introspectSecretKey(http, headers, live, facts);
    if ("inactive" in detail) return { liveness: "inactive", reason: "Stripe answered 401: the key is invalid, expired or rolled" };
    account ??= detail.account;
    const result: Introspection = { liveness: "live", tokenClass, capabilities: detail.capabilities, facts };
    if (account) result.account = account;
    if (owner) result.owner = owner;
    if (detail.scopes) result.scopes = detail.scopes;
    return result;
  },
};
