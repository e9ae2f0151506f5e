/**
 * Shopify app credentials (../shared/providers.md §3.6): Admin API access tokens `shpat_`, custom app
 * tokens `shpca_`, legacy private app tokens `shppa_`, online (user) access tokens `shpua_`, each +
 * 32 hex; app shared secrets `shpss_` (gitleaks `shopify.go`). Tokens work only against their shop
 * (`<shop>.myshopify.com`), which must come from context.
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
 */
import { NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, Lifetime, TokenRule } from "../../src/detector-kit/index.js";

/** Worst case of an Admin API token: orders, customers, products, themes, script tags, discounts. */
export const ADMIN_CAPABILITIES: readonly Capability[] = ["DELETE_DATA", "READ_PII", "CODE_WRITE", "SPEND"];

const adminToken = (tokenClass: string, lifetime: Lifetime, note: string): Inference => ({
  tokenClass,
  capabilities: [...ADMIN_CAPABILITIES],
  lifetime,
  notes: [
    note,
    "Assumed broad write scopes (the exact list is one read-only call away): customer and order data (PII), products and discounts (revenue), and themes/script tags, which inject JavaScript into the storefront and checkout.",
  ],
});

const hexToken = (
  id: string,
  prefix: string,
  title: string,
  lifetime: Lifetime,
  note: string,
): TokenRule => ({
  id,
  title,
  keywords: [`${prefix}_`],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}_[a-fA-F0-9]{32}(?![A-Za-z0-9_])`),
  maxLength: prefix.length + 1 + 32,
  confidence: "high",
  capabilities: ADMIN_CAPABILITIES,
  lifetime,
  infer: () => adminToken(title.replace(/^Shopify /, ""), lifetime, note),
});

export const rules: readonly TokenRule[] = [
  hexToken("admin-access-token", "shpat", "Shopify Admin API access token", "long", "Admin API access token (shpat_) of a custom or public app installed on one shop."),
  hexToken("custom-app-access-token", "shpca", "Shopify custom app access token", "long", "Custom app access token (shpca_) for one shop."),
  hexToken("private-app-access-token", "shppa", "Shopify private app access token", "long", "Legacy private app password (shppa_) for one shop."),
  hexToken("user-access-token", "shpua", "Shopify online access token", "short", "Online (per-user) access token (shpua_): expires with the user's session, limited to that staff member's permissions."),
  {
    id: "app-shared-secret",
    title: "Shopify app shared secret",
    keywords: ["shpss_"],
    // The secret key length was increased; accept the 32-hex form and longer hex bodies.
    pattern: new RegExp(`${NOT_AFTER_WORD}shpss_[a-fA-F0-9]{32,64}(?![A-Za-z0-9_])`),
    maxLength: 70,
    confidence: "high",
    capabilities: [],
    lifetime: "long",
    infer: () => ({
      tokenClass: "app shared secret",
      capabilities: [],
      lifetime: "long",
      notes: [
        "App client secret (shpss_): it signs and verifies webhooks and OAuth callbacks, so it lets anyone forge requests the app trusts and, with the app's API key, complete installs as the app. Not an access token by itself.",
      ],
    }),
  },
];

export const detector: Detector = {
  id: "shopify",
  name: "Shopify",
  docsUrl: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
  remediation: {
    revoke:
      "Shop admin → Settings → Apps and sales channels → Develop apps → the app → API credentials → rotate (or uninstall the app); app secrets: Partner Dashboard → the app → Client credentials → rotate",
    narrower: "Reinstall the app with only the access scopes it needs (read_* where it only reads; never write_script_tags or write_themes unless required).",
  },
  related: {
    paths: ["**/shopify.app.toml", "**/shopify.app.*.toml", "**/.shopify/**", "**/shopify.theme.toml"],
    content: /\.myshopify\.com|@shopify\/|shopify_api|ShopifyAPI|X-Shopify-Access-Token|SHOPIFY_(?:API_KEY|SHOP|STORE)/i,
  },
  rules,
};
