/**
 * PlanetScale credentials: service tokens `pscale_tkn_`, database (branch) passwords `pscale_pw_`,
 * OAuth access tokens `pscale_oauth_`, each followed by 32-64 characters of `[A-Za-z0-9_=.-]`.
 * Docs: https://planetscale.com/docs/concepts/service-tokens ,
 * https://planetscale.com/docs/concepts/connection-strings , https://planetscale.com/docs/api/reference/oauth .
 */
import { prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";

/** Service tokens hold per-database permissions up to delete_branch, delete_backup and connect_production_branch. */
const SERVICE_TOKEN: Capability[] = ["DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "PROD_REACH", "READ_PII", "IAM_WRITE"];
/** A branch password connects to the database with its role (admin role: drop tables). */
const PASSWORD: Capability[] = ["DELETE_DATA", "READ_PII", "PROD_REACH"];
/** OAuth tokens act for the user who authorized the app, within the app's scopes. */
const OAUTH: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_INFRA", "READ_PII"];

/** 32-64 characters ending in a non-dot; a dot may follow only when it ends a sentence. */
const BODY = "[A-Za-z0-9_=.-]{31,63}[A-Za-z0-9_=-](?![A-Za-z0-9_=-]|\\.[A-Za-z0-9_=-])";

const rule = (id: string, prefix: string, title: string, capabilities: Capability[], note: string): TokenRule =>
  prefixedTokenRule({
    id,
    title,
    prefix,
    body: BODY,
    bodyMax: 64,
    end: "",
    capabilities,
    lifetime: "long",
    tokenClass: title.replace(/^PlanetScale /, ""),
    notes: [note],
  });

export const detector: Detector = {
  id: "planetscale",
  name: "PlanetScale",
  docsUrl: "https://planetscale.com/docs/concepts/service-tokens",
  remediation: {
    revoke: "https://app.planetscale.com/",
    narrower:
      "Delete the service token (organization Settings > Service tokens) or the branch password (database > Settings > Passwords), then create a service token with only the database permissions the job uses (no delete_branch, delete_backup or connect_production_branch unless needed) and a password with the read-only or writer role instead of admin.",
  },
  related: {
    paths: ["**/.pscale.yml", "**/.pscale/**", "**/pscale.yml"],
    content: /psdb\.cloud|api\.planetscale\.com|@planetscale\/|planetscale-go|pscale |PLANETSCALE_|PSCALE_/,
  },
  rules: [
    rule("service-token", "pscale_tkn_", "PlanetScale service token", SERVICE_TOKEN,
      "PlanetScale service token: with its id it acts on the organization's databases with the permissions granted (up to deleting branches and backups, connecting to production)."),
    rule("database-password", "pscale_pw_", "PlanetScale database password", PASSWORD,
      "PlanetScale branch password: connects to the database branch with its role (an admin password can drop tables)."),
    rule("oauth-token", "pscale_oauth_", "PlanetScale OAuth token", OAUTH,
      "PlanetScale OAuth access token: acts for the user who authorized the application, within its scopes."),
  ],
};
