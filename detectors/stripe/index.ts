/**
 * Stripe API keys and webhook signing secrets.
 * Key types: https://docs.stripe.com/keys ; restricted keys: https://docs.stripe.com/keys/restricted-api-keys ;
 * organization keys: https://docs.stripe.com/keys/organization-api-keys . ../shared/providers.md §2.6.
 * Publishable keys (`pk_live_`, `pk_test_`) are public by design: no rule matches them.
 */
import { prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** Live keys: real money, real customers. */
const LIVE_SECRET: Capability[] = ["ACCOUNT_WIDE", "PROD_REACH", "SPEND", "READ_PII", "DELETE_DATA"];
/** A restricted key's permissions are not in the string: assume the worst a restricted key may hold. */
const LIVE_RESTRICTED: Capability[] = ["PROD_REACH", "SPEND", "READ_PII", "DELETE_DATA"];

/** Stripe's documented test-mode keys, built here so that no literal looks like a key. */
const DOCUMENTED_TEST_KEYS = ["4eC39HqLyjWDarjtT1zdp7dc", "BQokikJOvBiI2HlWgH4olfQ2"].map((body) =>
  ["sk", "test", body].join("_"),
);

const apiKey = (
  id: string,
  prefix: string,
  title: string,
  capabilities: readonly Capability[],
  tokenClass: string,
  notes: string[],
  extra: Partial<TokenRule> = {},
): TokenRule =>
  // Older keys have 24 random characters, current ones 99; trufflehog accepts up to 247.
  prefixedTokenRule({ id, title, prefix, body: "[0-9A-Za-z]{20,247}", bodyMax: 247, capabilities, lifetime: "long", tokenClass, notes }, extra);

export const detector: Detector = {
  id: "stripe",
  name: "Stripe",
  docsUrl: "https://docs.stripe.com/keys",
  remediation: {
    revoke: "https://dashboard.stripe.com/apikeys",
    narrower:
      "Roll the key in the Dashboard (Developers > API keys), then give the integration a restricted key (rk_) that grants only the resources it uses, read-only where it only reads; keep keys in a secret store, and use a sandbox key outside production.",
  },
  related: {
    paths: ["**/.config/stripe/**", "**/stripe.toml"],
    content: /api\.stripe\.com|["']stripe["']|@stripe\/|import stripe|Stripe::|stripe-go|STRIPE_(?:SECRET|API|KEY)/,
  },
  api,
  rules: [
    apiKey("secret-key-live", "sk_live_", "Stripe live secret key", LIVE_SECRET, "live secret key", [
      "Live-mode secret key: full API access to the Stripe account (refunds, payouts, customers, webhook endpoints).",
    ]),
    apiKey("restricted-key-live", "rk_live_", "Stripe live restricted key", LIVE_RESTRICTED, "live restricted key", [
      "Live-mode restricted key: its per-resource permissions are not in the string; scored as if it may write money-moving resources.",
    ]),
    apiKey("secret-key-test", "sk_test_", "Stripe test-mode secret key", ["TEST_MODE"], "test-mode secret key", [
      "Test-mode key: no real money or customers, but it still exposes the account's test data and settings.",
    ], { testMode: true, examples: DOCUMENTED_TEST_KEYS }),
    apiKey("restricted-key-test", "rk_test_", "Stripe test-mode restricted key", ["TEST_MODE"], "test-mode restricted key", [
      "Test-mode restricted key: no real money or customers.",
    ], { testMode: true }),
    prefixedTokenRule({
      id: "organization-key",
      title: "Stripe organization API key",
      prefix: "sk_org_",
      body: "[0-9A-Za-z_]{20,247}",
      bodyMax: 247,
      capabilities: LIVE_SECRET,
      lifetime: "long",
      tokenClass: "organization key",
      notes: ["Organization key: acts on every account of the Stripe organization (with a Stripe-Context header)."],
    }),
    prefixedTokenRule({
      id: "webhook-secret",
      title: "Stripe webhook signing secret",
      prefix: "whsec_",
      body: "[0-9A-Za-z]{32,64}",
      bodyMax: 64,
      end: "(?![0-9A-Za-z_+/=-])",
      confidence: "medium",
      capabilities: ["SPEND"],
      lifetime: "long",
      tokenClass: "webhook signing secret",
      notes: [
        "Webhook signing secret: lets anyone forge events (a paid invoice, a succeeded payment) that the owner's endpoint will trust.",
        "Not an API credential; the whsec_ prefix is also used by Svix-based webhook senders.",
      ],
    }),
  ],
};
