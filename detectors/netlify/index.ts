/**
 * Netlify personal access tokens (../shared/providers.md §3.2): `nfp_` + 36 (current) and unprefixed
 * 43-45 character tokens (legacy, reported only under a Netlify name).
 * https://docs.netlify.com/api/get-started/#authentication
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Detector, TokenRule } from "../../src/detector-kit/index.js";
import { netlifyApi } from "./api.js";
import { PAT_CAPABILITIES } from "./capabilities.js";

export { PAT_CAPABILITIES };

const userToken = (note: string) =>
  fixedInference("personal access token", PAT_CAPABILITIES, "long", [
    note,
    "Netlify tokens have no scopes: it can delete sites and DNS zones, read and change environment variables, and deploy to production on every team of its user.",
  ]);

const LEGACY_NAME = String.raw`netlify[A-Za-z0-9_.-]{0,16}(?:token|key|secret|auth)`;

export const rules: readonly TokenRule[] = [
  {
    id: "personal-access-token",
    title: "Netlify personal access token",
    keywords: ["nfp_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}nfp_[A-Za-z0-9_]{36}(?![A-Za-z0-9_-])`),
    maxLength: 40,
    confidence: "high",
    capabilities: PAT_CAPABILITIES,
    lifetime: "long",
    infer: userToken("Netlify personal access token (nfp_)."),
  },
  {
    id: "legacy-access-token",
    title: "Netlify access token (unprefixed)",
    keywords: ["netlify"],
    pattern: new RegExp(assignmentSource(LEGACY_NAME, "[A-Za-z0-9_-]{43,45}"), "i"),
    maxLength: assignmentMaxLength("netlify".length + 16 + "secret".length, 45),
    confidence: "medium",
    capabilities: PAT_CAPABILITIES,
    lifetime: "long",
    infer: userToken("Unprefixed Netlify access token (the format before nfp_), under a Netlify name."),
  },
  {
    id: "cli-config",
    title: "Netlify CLI login token (config.json)",
    keywords: [],
    // netlify-cli keeps `users.<id>.auth.token` in ~/.netlify/config.json (macOS: ~/Library/Preferences/netlify).
    paths: ["**/.netlify/config.json", "**/Preferences/netlify/config.json", "**/.config/netlify/config.json"],
    pattern: /"token"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9_-]{43,45})"/,
    maxLength: '"token": "'.length + 8 + 45 + 1,
    confidence: "high",
    capabilities: PAT_CAPABILITIES,
    lifetime: "long",
    infer: userToken("Netlify CLI login stored in the CLI's config.json: it acts as the logged-in user."),
  },
];

export const detector: Detector = {
  id: "netlify",
  name: "Netlify",
  docsUrl: "https://docs.netlify.com/api/get-started/#authentication",
  remediation: {
    revoke: "https://app.netlify.com/user/applications#personal-access-tokens",
    narrower:
      "Netlify tokens cannot be scoped: give CI a token with an expiry from a dedicated member with access to the one team, or deploy through Netlify's Git integration (no token at all).",
  },
  related: {
    paths: ["**/netlify.toml", "**/.netlify/**", "**/netlify/functions/**"],
    content: /api\.netlify\.com|netlify-cli|@netlify\/|\bnetlify (?:deploy|build|env|link)\b|nwtgck\/actions-netlify|NETLIFY_SITE_ID/,
  },
  rules,
  api: netlifyApi,
};
