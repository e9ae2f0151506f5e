/**
 * Mailgun API keys.
 * - Legacy private API key: `key-` + 32 hex.
 * - Current keys (account API keys, domain sending keys) and HTTP webhook signing keys share one
 *   shape, `<32 hex>-<8 hex>-<8 hex>`, with no prefix: reported only under a Mailgun key name, and a
 *   name that says webhook/signing makes it a signing key.
 * - `pubkey-` + 32 hex is the public validation key, safe in browsers: never reported.
 * Docs: https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/ . ../shared/providers.md §3.11.
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** An account key sends as every domain, reads stored messages and logs, and manages domains and keys. */
const API_KEY: Capability[] = ["ACCOUNT_WIDE", "SEND_AS_ORG", "READ_PII", "IAM_WRITE", "DELETE_DATA"];
/** A signing key lets anyone forge webhook events (delivered, opened, complained) the app will trust. */
const SIGNING_KEY: Capability[] = [];

const CURRENT_KEY = "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}";

const HEX = "0123456789abcdef";

export const detector: Detector = {
  id: "mailgun",
  name: "Mailgun",
  docsUrl: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
  remediation: {
    revoke: "https://app.mailgun.com/settings/api_security",
    narrower:
      "Delete the key (Account settings > API security; domain sending keys under the domain's settings), then use a domain sending key limited to the one domain the application sends from, or an API key with a restricted role, and rotate the webhook signing key if it leaked.",
  },
  api,
  related: {
    paths: ["**/mailgun*.json", "**/mailgun*.yml"],
    content: /api\.mailgun\.net|api\.eu\.mailgun\.net|mailgun\.js|mailgun-js|mailgun\.client|@mailgun\/|mailgun-php|MAILGUN_/,
  },
  rules: [
    {
      id: "private-api-key",
      title: "Mailgun private API key (legacy format)",
      // `key-` alone is frequent in code; the first hex digit makes each keyword rare.
      keywords: [...HEX].map((digit) => `key-${digit}`),
      pattern: new RegExp(`${NOT_AFTER_WORD}key-[0-9a-f]{32}${NOT_BEFORE_WORD}`),
      maxLength: 36,
      confidence: "high",
      capabilities: API_KEY,
      lifetime: "long",
      infer: fixedInference("private API key", API_KEY, "long", [
        "Mailgun private API key: sends email as every domain of the account, reads stored messages and logs, and manages domains, routes and keys.",
      ]),
    },
    {
      id: "webhook-signing-key",
      title: "Mailgun webhook signing key",
      keywords: ["mailgun"],
      pattern: new RegExp(assignmentSource("mailgun[_.-]?(?:webhook|signing)", CURRENT_KEY), "i"),
      maxLength: assignmentMaxLength(15, 50),
      confidence: "medium",
      capabilities: SIGNING_KEY,
      lifetime: "long",
      infer: fixedInference("webhook signing key", [
        ], "long", ["Mailgun HTTP webhook signing key: lets anyone forge webhook events (deliveries, bounces, complaints) that the application trusts; it cannot call the API.",
      ]),
    },
    {
      id: "api-key",
      title: "Mailgun API key",
      keywords: ["mailgun"],
      pattern: new RegExp(assignmentSource("mailgun", CURRENT_KEY), "i"),
      maxLength: assignmentMaxLength(7, 50),
      confidence: "medium",
      capabilities: API_KEY,
      lifetime: "long",
      infer: fixedInference("API key", API_KEY, "long", [
        "Mailgun API key (account key or domain sending key; the string does not tell which): at worst sends email as every domain, reads stored messages and manages keys.",
      ]),
    },
  ],
};
