/**
 * New Relic keys.
 * - User API keys `NRAK-` + 27: NerdGraph and REST as their user.
 * - License (ingest) keys: 40 characters ending in `NRAL` (EU keys start `eu01xx`); older license
 *   keys are 40 bare hex digits, reported only under a New Relic key name or in an agent config file.
 * - Insights insert keys `NRII-`, Insights query keys `NRIQ-`.
 * - Browser keys `NRJS-` are embedded in web pages by design: low confidence, no capabilities.
 * Docs: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
 */
import { assignmentMaxLength, assignmentSource, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Confidence, Detector, Inference, TokenRule } from "../../src/detector-kit/index.js";

/** A user key acts as its user on every account the user reaches (admins manage users and keys). */
const USER_KEY: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "IAM_WRITE", "READ_PII", "SECRETS_READ"];
/** Ingest keys only send data: billed ingest and polluted telemetry. */
const INGEST: Capability[] = ["SPEND"];
/** Query keys read every event of the account (logs and transaction attributes may hold PII). */
const QUERY: Capability[] = ["READ_PII"];

const inference = (tokenClass: string, capabilities: Capability[], note: string) => (secret: string): Inference => ({
  tokenClass,
  capabilities: [...capabilities],
  lifetime: "long",
  notes: [note, ...(/^eu01xx/.test(secret) ? ["EU data center key (api.eu.newrelic.com)."] : [])],
});

const prefixed = (
  id: string,
  prefix: string,
  body: string,
  bodyMax: number,
  title: string,
  confidence: Confidence,
  capabilities: Capability[],
  note: string,
): TokenRule => ({
  id,
  title,
  keywords: [`${prefix.toLowerCase()}-`],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}-${body}${NOT_BEFORE_WORD}`),
  maxLength: prefix.length + 1 + bodyMax,
  confidence,
  capabilities,
  lifetime: "long",
  infer: inference(title.replace(/^New Relic /, ""), capabilities, note),
});

const LEGACY_LICENSE_NOTE =
  "New Relic license key (older 40-hex format): agents and integrations use it to send data to the account.";

export const detector: Detector = {
  id: "new-relic",
  name: "New Relic",
  docsUrl: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
  remediation: {
    revoke: "https://one.newrelic.com/api-keys",
    narrower:
      "Delete or rotate the key on the API keys page, then give ingest-only jobs a license (ingest) key and tools that read or configure a user key of a user with a restricted role limited to the accounts they need; never ship user keys in agents or front-end code.",
  },
  related: {
    paths: ["**/newrelic.yml", "**/newrelic.js", "**/newrelic.cjs", "**/newrelic.ini", "**/newrelic.config", "**/newrelic-infra.yml"],
    content: /api\.newrelic\.com|api\.eu\.newrelic\.com|insights-collector\.newrelic\.com|log-api\.newrelic\.com|require\(["']newrelic["']\)|from ["']newrelic["']|import newrelic|@newrelic\/|go-agent|NEW_RELIC_/,
  },
  rules: [
    prefixed("user-api-key", "NRAK", "[A-Z0-9]{27}", 27, "New Relic user API key", "high", USER_KEY,
      "New Relic user API key: NerdGraph and REST access as its user on every account the user reaches (an admin's key manages users and keys)."),
    {
      id: "license-key",
      title: "New Relic license key",
      keywords: ["nral"],
      pattern: new RegExp(`${NOT_AFTER_WORD}[a-z0-9]{6}[0-9a-f]{30}NRAL${NOT_BEFORE_WORD}`),
      maxLength: 40,
      confidence: "high",
      capabilities: INGEST,
      lifetime: "long",
      infer: inference("license key", INGEST, "New Relic license (ingest) key: sends metrics, events, logs and traces to the account (billed ingest, polluted data)."),
    },
    {
      id: "license-key-legacy",
      title: "New Relic license key (legacy format)",
      keywords: ["newrelic", "new_relic", "new-relic"],
      pattern: new RegExp(assignmentSource("new[_-]?relic", "[0-9a-f]{40}"), "i"),
      maxLength: assignmentMaxLength(9, 40),
      confidence: "medium",
      capabilities: INGEST,
      lifetime: "long",
      infer: inference("license key", INGEST, LEGACY_LICENSE_NOTE),
    },
    {
      id: "license-key-agent-config",
      title: "New Relic license key in an agent configuration file",
      keywords: ["license_key", "licensekey"],
      paths: ["**/newrelic.yml", "**/newrelic.js", "**/newrelic.cjs", "**/newrelic.ini", "**/newrelic.config", "**/newrelic-infra.yml"],
      pattern: new RegExp(assignmentSource("license_?key", "[0-9a-f]{40}"), "i"),
      maxLength: assignmentMaxLength(11, 40),
      confidence: "medium",
      capabilities: INGEST,
      lifetime: "long",
      infer: inference("license key", INGEST, LEGACY_LICENSE_NOTE),
    },
    prefixed("insert-key", "NRII", "[A-Za-z0-9_-]{32}", 32, "New Relic Insights insert key", "high", INGEST,
      "New Relic Insights insert key: writes custom events into the account."),
    prefixed("query-key", "NRIQ", "[A-Za-z0-9_-]{32}", 32, "New Relic Insights query key", "high", QUERY,
      "New Relic Insights query key: runs NRQL queries over every event of the account."),
    prefixed("browser-key", "NRJS", "[0-9a-f]{19}", 19, "New Relic browser key", "low", [],
      "New Relic browser key: embedded in web pages by design; it can only send browser monitoring data."),
  ],
};
