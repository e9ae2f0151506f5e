/**
 * Fly.io tokens (../shared/providers.md §3.1): macaroon tokens written `FlyV1 fm2_…` (one or more
 * comma-separated macaroons), older `fm1a_`/`fm1r_` macaroons, and legacy personal `fo1_` tokens.
 * https://fly.io/docs/security/tokens/ ; formats after gitleaks `flyio.go` and trufflehog `flyio.go`.
 * Macaroon caveats (org, apps, expiry) are decodable in principle; the decoder is not verified here,
 * so offline inference is by class only and assumes an organization-wide token.
 */
import { NOT_AFTER_WORD, verdict } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule, Verdict } from "../../src/detector-kit/index.js";

/** An org token (or a user's token) reaches every app of the organization: deploy, secrets, volumes, machines. */
export const ORG_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "SECRETS_READ",
  "CODE_WRITE",
  "SPEND",
];

const MACAROON_BODY_MAX = 1500;
const MACAROON = (prefix: string): string => String.raw`${prefix}_[A-Za-z0-9+/]{100,${MACAROON_BODY_MAX}}={0,3}`;
const MAX_EXTRA_MACAROONS = 4;
const END = "(?![A-Za-z0-9+/=_-])";

/**
 * Macaroons are hundreds of base64 characters, long enough to contain words like "todo" by chance,
 * so the generic placeholder filter is skipped and replaced by a variety check on the body.
 */
const variedBody = (secret: string): Verdict => {
  const bodies = secret.replace(/^FlyV1 /, "").split(",").map((part) => part.slice(part.indexOf("_") + 1));
  return verdict(bodies.every((body) => new Set(body).size >= 24), "placeholder (too little variety)");
};

const orgWide = (tokenClass: string, note: string): Inference => ({
  tokenClass,
  capabilities: [...ORG_CAPABILITIES],
  lifetime: "long",
  notes: [
    note,
    "Assumed an organization token (the worst case; deploy tokens are limited to one app): it can destroy apps and volumes (their snapshots go with them), set and expose secrets, deploy any image and start machines.",
  ],
});

export const rules: readonly TokenRule[] = [
  {
    id: "macaroon-token",
    title: "Fly.io macaroon token (FlyV1 fm2_)",
    keywords: ["fm2_"],
    pattern: new RegExp(
      `${NOT_AFTER_WORD}(?:FlyV1 )?${MACAROON("fm2")}(?:,${MACAROON("fm2")}){0,${MAX_EXTRA_MACAROONS}}${END}`,
    ),
    maxLength: "FlyV1 ".length + (1 + MAX_EXTRA_MACAROONS) * (1 + 4 + MACAROON_BODY_MAX + 3),
    confidence: "high",
    capabilities: ORG_CAPABILITIES,
    lifetime: "long",
    skipPlaceholderCheck: true,
    validate: variedBody,
    infer: (secret) =>
      orgWide(
        "macaroon token",
        `Fly.io macaroon token (${secret.split(",").length} macaroon${secret.includes(",") ? "s" : ""}): its caveats limit it to an organization, some apps or an expiry, which flyctl or Fly's API can tell.`,
      ),
  },
  {
    id: "legacy-macaroon-token",
    title: "Fly.io macaroon token (fm1)",
    keywords: ["fm1a_", "fm1r_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}fm1[ar]_[A-Za-z0-9+/]{100,${MACAROON_BODY_MAX}}={0,3}${END}`),
    maxLength: 5 + MACAROON_BODY_MAX + 3,
    confidence: "high",
    capabilities: ORG_CAPABILITIES,
    lifetime: "long",
    skipPlaceholderCheck: true,
    validate: variedBody,
    infer: () => orgWide("macaroon token (fm1)", "Fly.io macaroon token in the older fm1 form."),
  },
  {
    id: "oauth-token",
    title: "Fly.io personal access token (fo1_)",
    keywords: ["fo1_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}fo1_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`),
    maxLength: 47,
    confidence: "high",
    capabilities: ORG_CAPABILITIES,
    lifetime: "long",
    infer: () =>
      orgWide("personal access token", "Legacy Fly.io user token (fo1_, from `fly auth token`): acts as the user in every organization they belong to."),
  },
];

export const detector: Detector = {
  id: "flyio",
  name: "Fly.io",
  docsUrl: "https://fly.io/docs/security/tokens/",
  remediation: {
    revoke: "https://fly.io/user/personal_access_tokens (personal); `fly tokens list` / `fly tokens revoke <id>` for org and deploy tokens",
    narrower:
      "Replace it with a deploy token for the one app (`fly tokens create deploy -a <app> --expiry 720h`), or a read-only token where nothing is deployed; never an org or personal token in CI.",
  },
  related: {
    paths: ["**/fly.toml", "**/.fly/**", "**/fly.*.toml"],
    content: /api\.machines\.dev|api\.fly\.io|\bfly(?:ctl)? (?:deploy|secrets|scale|apps|volumes|tokens|auth)\b|superfly\/flyctl-actions|FLY_API_TOKEN/,
  },
  rules,
};
