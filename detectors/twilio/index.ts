/**
 * Twilio credentials (../shared/providers.md §2.18).
 * Account SID `AC` + 32 hex is an identifier; the Auth Token (32 hex) and API key secrets (32
 * alphanumerics, paired with an `SK` key SID) are the secrets. None has a prefix, so each is reported
 * only with Twilio evidence: a TWILIO_* name, or the Account SID beside it in a `twilio(sid, token)` call.
 * https://www.twilio.com/docs/iam/api-keys ; https://www.twilio.com/docs/iam/test-credentials
 */
import { assignmentMaxLength, assignmentSource, fixedInference } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { twilioApi } from "./api.js";

/** An Auth Token (or a Main API key) is the account: messages, calls, numbers, subaccounts, keys, logs. */
export const AUTH_TOKEN_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "SPEND",
  "SEND_AS_ORG",
  "READ_PII",
  "IAM_WRITE",
  "DELETE_INFRA",
];
/** A Standard key can do everything but manage keys, account settings and subaccounts. */
export const API_KEY_CAPABILITIES: readonly Capability[] = ["SPEND", "SEND_AS_ORG", "READ_PII", "DELETE_INFRA"];

const authToken = (why: string) =>
  fixedInference("auth token", AUTH_TOKEN_CAPABILITIES, "long", [
    why,
    "A Twilio Auth Token is the account's master credential: it sends SMS and calls as the company (toll fraud, OTP interception), reads message and call logs, and mints API keys. Test credentials cannot be told apart offline.",
  ]);

const AUTH_TOKEN_NAME = String.raw`twilio[A-Za-z0-9_.-]{0,16}(?:auth|token)`;
const API_SECRET_NAME = String.raw`twilio[A-Za-z0-9_.-]{0,16}secret`;

export const rules: readonly TokenRule[] = [
  {
    id: "auth-token",
    title: "Twilio Auth Token",
    keywords: ["twilio"],
    pattern: new RegExp(assignmentSource(AUTH_TOKEN_NAME, "[0-9a-f]{32}"), "i"),
    maxLength: assignmentMaxLength("twilio".length + 16 + "token".length, 32),
    confidence: "medium",
    capabilities: AUTH_TOKEN_CAPABILITIES,
    lifetime: "long",
    infer: authToken("32 hex characters under a Twilio auth-token name."),
  },
  {
    id: "auth-token-with-sid",
    title: "Twilio Auth Token passed with its Account SID",
    keywords: ["twilio"],
    // `require("twilio")("AC…", "…")`, `twilio("AC…", "…")`, `new Twilio("AC…", "…")`.
    pattern: new RegExp(
      String.raw`twilio(?:['"]\))?\(\s{0,8}['"](?<evidence>AC[0-9a-f]{32})['"]\s{0,8},\s{0,8}['"](?<secret>[0-9a-f]{32})['"]`,
      "i",
    ),
    maxLength: "twilio".length + 2 + 1 + 8 + 36 + 8 + 1 + 8 + 34,
    confidence: "high",
    capabilities: AUTH_TOKEN_CAPABILITIES,
    lifetime: "long",
    infer: authToken("Passed to the Twilio client together with an Account SID."),
  },
  {
    id: "api-key-secret",
    title: "Twilio API key secret",
    keywords: ["twilio"],
    pattern: new RegExp(assignmentSource(API_SECRET_NAME, "[A-Za-z0-9]{32}"), "i"),
    maxLength: assignmentMaxLength("twilio".length + 16 + "secret".length, 32),
    confidence: "medium",
    capabilities: AUTH_TOKEN_CAPABILITIES,
    lifetime: "long",
    infer: fixedInference("API key secret", AUTH_TOKEN_CAPABILITIES, "long", [
      "Secret of a Twilio API key (used with its SK… key SID). A Main key has the Auth Token's power; Standard and Restricted keys cannot manage keys or subaccounts. Assumed Main until Twilio says otherwise.",
    ]),
  },
];

export const detector: Detector = {
  id: "twilio",
  name: "Twilio",
  // Account and API key SIDs are public identifiers; the Auth Token or key secret is checked with one.
  identifiers: /(?<![A-Za-z0-9])(?:AC[0-9a-f]{32}|SK[0-9a-fA-F]{32})(?![A-Za-z0-9])/g,
  docsUrl: "https://www.twilio.com/docs/iam/api-keys",
  remediation: {
    revoke:
      "https://console.twilio.com/us1/account/keys-credentials/api-keys (API keys); Auth Token: Console → Account → API keys & tokens → rotate (promote the secondary token)",
    narrower:
      "Stop using the Auth Token in code: create a Restricted API key (or a Standard key) limited to the product the service uses, and keep it in a secret store.",
  },
  related: {
    paths: ["**/twilio*.{js,ts,py,rb,go,php,java,cs}", "**/.twilio-cli/**"],
    content: /api\.twilio\.com|require\(['"]twilio['"]\)|from ['"]twilio['"]|from twilio\.rest import|com\.twilio|twilio-php|Twilio\\Rest|TWILIO_ACCOUNT_SID/,
  },
  rules,
  api: twilioApi,
};
