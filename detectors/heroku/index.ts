/**
 * Heroku credentials (../shared/providers.md §2.16).
 * API keys `HRKU-AA` + 58 characters (gitleaks `heroku-api-key-v2`); legacy API keys and OAuth tokens
 * are UUIDs, reported only with Heroku evidence (a HEROKU_* name or a `machine api.heroku.com` netrc entry).
 * Platform API: https://devcenter.heroku.com/articles/platform-api-reference ; scopes:
 * https://devcenter.heroku.com/articles/oauth#scopes
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD, UUID } from "../../src/detector-kit/index.js";
import type { Detector, TokenRule } from "../../src/detector-kit/index.js";
import { GLOBAL_CAPABILITIES } from "./capabilities.js";
import { herokuApi } from "./api.js";

export { GLOBAL_CAPABILITIES };

const globalKey = (tokenClass: string, notes: string[]) =>
  fixedInference(tokenClass, GLOBAL_CAPABILITIES, "long", [
    ...notes,
    "With global scope it can destroy apps and add-ons (a destroyed Heroku Postgres takes its backups with it), read config vars and run code on dynos.",
  ]);

const LEGACY_NAME = String.raw`heroku[A-Za-z0-9_.-]{0,16}(?:token|key|secret|auth|password)|(?:token|key|secret|auth)[A-Za-z0-9_.-]{0,16}heroku`;

export const rules: readonly TokenRule[] = [
  {
    id: "api-key",
    title: "Heroku API key (HRKU-)",
    keywords: ["hrku-aa"],
    pattern: new RegExp(`${NOT_AFTER_WORD}HRKU-AA[0-9A-Za-z_-]{58}(?![0-9A-Za-z_-])`),
    maxLength: 65,
    confidence: "high",
    capabilities: GLOBAL_CAPABILITIES,
    lifetime: "long",
    infer: globalKey("API key", ["Heroku API key (HRKU-AA): the account's global-scope key, or an OAuth authorization made with it."]),
  },
  {
    id: "legacy-api-key",
    title: "Heroku legacy API key or OAuth token",
    keywords: ["heroku"],
    pattern: new RegExp(assignmentSource(LEGACY_NAME, UUID), "i"),
    maxLength: assignmentMaxLength("heroku".length + 16 + "password".length, 36),
    confidence: "medium",
    capabilities: GLOBAL_CAPABILITIES,
    lifetime: "long",
    infer: globalKey("legacy API key or OAuth token", [
      "UUID-shaped Heroku credential: a legacy account API key (global scope) or an OAuth token whose scope only Heroku can tell; assumed global.",
    ]),
  },
  {
    id: "netrc",
    title: "Heroku credential in .netrc",
    keywords: ["heroku.com"],
    // `heroku login` writes `machine api.heroku.com login <email> password <token>`; login may come later.
    pattern: new RegExp(
      String.raw`machine\s{1,8}(?<evidence>(?:api|git)\.heroku\.com)\s{1,40}(?:login\s{1,8}\S{1,100}\s{1,40})?password\s{1,8}(?<secret>${UUID})(?![A-Za-z0-9_-])`,
    ),
    maxLength: 7 + 8 + 14 + 40 + 5 + 8 + 100 + 40 + 8 + 8 + 36,
    confidence: "high",
    capabilities: GLOBAL_CAPABILITIES,
    lifetime: "long",
    infer: globalKey("CLI login token", ["Heroku CLI login in a netrc file: it acts as the logged-in user."]),
  },
];

export const detector: Detector = {
  id: "heroku",
  name: "Heroku",
  docsUrl: "https://devcenter.heroku.com/articles/authentication",
  remediation: {
    revoke: "https://dashboard.heroku.com/account/applications (authorizations); the account API key: https://dashboard.heroku.com/account",
    narrower:
      "Replace it with an OAuth authorization limited to the scope the job needs (`heroku authorizations:create --scope read` or `write`, never `global`), with --expires-in, stored as a CI secret.",
  },
  related: {
    paths: ["**/Procfile", "**/app.json", "**/heroku.yml", "**/.netrc", "**/_netrc"],
    content: /api\.heroku\.com|git\.heroku\.com|\bheroku (?:login|create|config|apps|run|git:remote|container)\b|akhileshns\/heroku-deploy|heroku-client/,
  },
  rules,
  api: herokuApi,
};
