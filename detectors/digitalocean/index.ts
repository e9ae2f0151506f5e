/**
 * DigitalOcean API tokens.
 * https://docs.digitalocean.com/reference/api/create-personal-access-token/ ; scopes:
 * https://docs.digitalocean.com/reference/api/scopes . ../shared/providers.md §2.14.
 * Legacy 64-hex tokens have no prefix: reported only when assigned to a key naming DigitalOcean.
 */
import { assignmentMaxLength, assignmentSource, fixedInference, prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/**
 * Full-access worst case: delete droplets, volumes, snapshots and managed databases (their backups
 * go with the cluster), create resources that bill the owner, add SSH keys.
 */
/**
 * The key name starts at a name boundary: without it every offset of a long run of name characters
 * starts a match attempt, which is slow on adversarial input dense with keyword hits.
 */
const NAME_START = "(?<![A-Za-z0-9_.-])";

const FULL: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "SPEND", "IAM_WRITE"];

const prefixed = (id: string, prefix: string, title: string, tokenClass: string, notes: string[]): TokenRule =>
  prefixedTokenRule({ id, title, prefix, body: "[0-9a-f]{64}", bodyMax: 64, capabilities: FULL, lifetime: "long", tokenClass, notes });

const SCOPES_NOTE = "Full access, read only or custom scopes: not in the string; scored as full access.";

export const detector: Detector = {
  id: "digitalocean",
  name: "DigitalOcean",
  docsUrl: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
  remediation: {
    revoke: "https://cloud.digitalocean.com/account/api/tokens",
    narrower:
      "Delete it (API > Tokens; OAuth grants under Settings > Applications), then create a token with custom scopes for only the resources it manages (read where it only reads) and an expiry.",
  },
  related: {
    paths: ["**/.config/doctl/**", "**/doctl/config.yaml", "**/.do/**", "**/app.yaml"],
    content: /api\.digitalocean\.com|digitalocean|doctl|godo|DIGITALOCEAN_/i,
  },
  api,
  rules: [
    prefixed("personal-access-token", "dop_v1_", "DigitalOcean personal access token", "personal access token", [SCOPES_NOTE]),
    prefixed("oauth-access-token", "doo_v1_", "DigitalOcean OAuth access token", "OAuth access token", [
      "Issued to an OAuth application on the user's behalf.",
      SCOPES_NOTE,
    ]),
    prefixed("oauth-refresh-token", "dor_v1_", "DigitalOcean OAuth refresh token", "OAuth refresh token", [
      "Mints new access tokens; exchanging it rotates the owner's credential, so tokscan never does.",
    ]),
    {
      id: "legacy-token",
      title: "DigitalOcean API token (unprefixed format)",
      keywords: ["digitalocean", "digital_ocean"],
      pattern: new RegExp(NAME_START + assignmentSource("digital_?ocean", "[0-9a-f]{64}"), "i"),
      maxLength: assignmentMaxLength("digital_ocean".length, 64),
      confidence: "medium",
      capabilities: FULL,
      lifetime: "long",
      infer: fixedInference("API token (unprefixed format)", FULL, "long", [
        "Pre-2021 token format; reported because the key name says DigitalOcean.",
        SCOPES_NOTE,
      ]),
    },
  ],
};
