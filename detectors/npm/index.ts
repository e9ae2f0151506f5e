/**
 * npm registry tokens.
 * Format and checksum: https://github.blog/2021-09-23-announcing-npms-new-access-token-format/ ;
 * classic tokens revoked 2025-12-09: https://github.blog/changelog/2025-09-29-strengthening-npm-security-important-changes-to-authentication-and-token-management .
 * ../shared/providers.md §2.7.
 */
import { fixedInference, hasBase62Crc, NOT_AFTER_WORD, NOT_BEFORE_WORD, UUID, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** Publishing is the supply-chain risk; unpublish, deprecate and owner changes come with it. */
const PUBLISH: Capability[] = ["CODE_WRITE", "DELETE_DATA", "IAM_WRITE"];

/** `npm_` + 30 random base62 characters + the 6-character base62 CRC-32 of those 30 (the GitHub scheme). */
const checksum = validWhen((secret) => hasBase62Crc(secret.slice(4)), "checksum");

export const detector: Detector = {
  id: "npm",
  name: "npm",
  docsUrl: "https://docs.npmjs.com/about-access-tokens",
  remediation: {
    revoke: "https://www.npmjs.com/settings/~/tokens",
    narrower:
      "Delete it on npmjs.com (Access Tokens), then create a granular access token that is read-only unless the job publishes, limited to the packages or organization it needs, with an allowed-IP range and a short expiry; publish from CI with trusted publishing (OIDC) instead of a stored token.",
  },
  related: {
    paths: ["**/.npmrc", "**/.yarnrc", "**/.yarnrc.yml", "**/package.json", "**/.github/workflows/**"],
    content: /registry\.npmjs\.org|npm publish|NPM_TOKEN|NODE_AUTH_TOKEN|_authToken|npmAuthToken/,
  },
  api,
  rules: [
    {
      id: "access-token",
      title: "npm access token",
      keywords: ["npm_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}npm_[0-9A-Za-z]{36}${NOT_BEFORE_WORD}`),
      maxLength: 40,
      confidence: "high",
      capabilities: PUBLISH,
      lifetime: "long",
      validate: checksum,
      checksummed: true,
      infer: fixedInference("access token", PUBLISH, "long", [
        "Classic npm tokens were revoked on 2025-12-09, so a live npm_ token is a granular or session token; whether it can publish is not in the string.",
      ]),
    },
    {
      id: "legacy-auth-token",
      title: "npm legacy (classic) auth token",
      keywords: ["_authtoken", "npmauthtoken"],
      pattern: new RegExp(
        String.raw`(?:_authToken|npmAuthToken)["']?\s{0,4}[=:]\s{0,4}["']?(?<secret>${UUID})(?![0-9A-Za-z-])`,
      ),
      maxLength: 12 + 1 + 4 + 1 + 4 + 1 + 36,
      confidence: "medium",
      capabilities: PUBLISH,
      lifetime: "long",
      infer: fixedInference("classic token (UUID format)", PUBLISH, "long", [
        "UUID-format tokens are npm classic tokens, all revoked on 2025-12-09: almost certainly dead on registry.npmjs.org (a private registry may still accept it).",
      ]),
    },
  ],
};
