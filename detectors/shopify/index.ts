/**
 * Shopify app credentials (../shared/providers.md §3.6): Admin API access tokens `shpat_`, custom app
 * tokens `shpca_`, legacy private app tokens `shppa_`, online (user) access tokens `shpua_`, each +
 * 32 hex; app shared secrets `shpss_` (gitleaks `shopify.go`). Tokens work only against their shop
 * (`<shop>.myshopify.com`), which must come from context.
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
 */
import { prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Lifetime, TokenRule } from "../../src/detector-kit/index.js";

/** Worst case of an Admin API token: orders, customers, products, themes, script tags, discounts. */
export const ADMIN_CAPABILITIES: readonly Capability[] = ["DELETE_DATA", "READ_PII", "CODE_WRITE", "SPEND"];

const ASSUMED_SCOPES_NOTE =
  "Assumed broad write scopes (the exact list is one read-only call away): customer and order data (PII), products and discounts (revenue), and themes/script tags, which inject JavaScript into the storefront and checkout.";

const hexToken = (id: string, prefix: string, title: string, lifetime: Lifetime, note: string): TokenRule =>
  prefixedTokenRule({
    id,
    title,
    prefix: `${prefix}_`,
    body: "[a-fA-F0-9]{32}",
    bodyMax: 32,
    capabilities: ADMIN_CAPABILITIES,
    lifetime,
    tokenClass: title.replace(/^Shopify /, ""),
    notes: [note, ASSUMED_SCOPES_NOTE],
  });

export const rules: readonly TokenRule[] = [
  hexToken("admin-access-token", "shpat", "Shopify Admin API access token", "long", "Admin API access token (shpat_) of a custom or public app installed on one shop."),
  hexToken("custom-app-access-token", "shpca", "Shopify custom app access token", "long", "Custom app access token (shpca_) for one shop."),
  hexToken("private-app-access-token", "shppa", "Shopify private app access token", "long", "Legacy private app password (shppa_) for one shop."),
  hexToken("user-access-token", "shpua", "Shopify online access token", "short", "Online (per-user) access token (shpua_): expires with the user's session, limited to that staff member's permissions."),
  prefixedTokenRule({
    id: "app-shared-secret",
    title: "Shopify app shared secret",
    prefix: "shpss_",
    // The secret key length was increased; accept the 32-hex form and longer hex bodies.
    body: "[a-fA-F0-9]{32,64}",
    bodyMax: 64,
    capabilities: [],
    lifetime: "long",
    tokenClass: "app shared secret",
    notes: [
      "App client secret (shpss_): it signs and verifies webhooks and OAuth callbacks, so it lets anyone forge requests the app trusts and, with the app's API key, complete installs as the app. Not an access token by itself.",
    ],
  }),
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
