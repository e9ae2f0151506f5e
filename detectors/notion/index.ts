/**
 * Notion integration tokens (../shared/providers.md §3.8): `ntn_` + 11 digits + 35 base62 (current,
 * 50 characters) and legacy `secret_` + 43 base62 (gitleaks `notion.go`).
 * https://developers.notion.com/docs/authorization
 */
import { fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule, Verdict } from "../../src/detector-kit/index.js";
import { notionApi } from "./api.js";

/** An integration with update capability can overwrite or archive every page and database shared with it. */
export const INTEGRATION_CAPABILITIES: readonly Capability[] = ["DELETE_DATA", "SECRETS_READ", "READ_PII"];

const integration = (note: string) =>
  fixedInference("internal integration token", INTEGRATION_CAPABILITIES, "long", [
    note,
    "It reaches only the pages and databases shared with the integration, but with update capability it can overwrite or archive all of them, and it reads their content (runbooks often hold credentials).",
  ]);

/** `secret_` is a common word: a legacy token body is random base62 with digits and both cases. */
const randomBody = (secret: string): Verdict => {
  const body = secret.slice("secret_".length);
  return /[0-9]/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body)
    ? { ok: true }
    : { ok: false, reason: "body is not random base62" };
};

export const rules: readonly TokenRule[] = [
  {
    id: "integration-token",
    title: "Notion integration token",
    keywords: ["ntn_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}ntn_[0-9]{11}[A-Za-z0-9]{35}(?![A-Za-z0-9_])`),
    maxLength: 50,
    confidence: "high",
    capabilities: INTEGRATION_CAPABILITIES,
    lifetime: "long",
    infer: integration("Notion internal integration token (ntn_)."),
  },
  {
    id: "legacy-integration-token",
    title: "Notion integration token (secret_)",
    keywords: ["secret_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}secret_[A-Za-z0-9]{43}(?![A-Za-z0-9_])`),
    maxLength: 50,
    confidence: "medium",
    capabilities: INTEGRATION_CAPABILITIES,
    lifetime: "long",
    validate: randomBody,
    infer: integration("Notion integration token in the older secret_ form."),
  },
];

export const detector: Detector = {
  id: "notion",
  name: "Notion",
  docsUrl: "https://developers.notion.com/docs/authorization",
  remediation: {
    revoke: "https://www.notion.so/profile/integrations (open the integration → refresh or delete its secret)",
    narrower:
      "Give the integration only Read content capability unless it must write, and share with it only the pages it needs; keep the secret in a secret store.",
  },
  related: {
    paths: ["**/notion*.{js,ts,py}"],
    content: /api\.notion\.com|@notionhq\/client|notion-client|notion_client|NOTION_(?:TOKEN|API_KEY|DATABASE_ID)/,
  },
  rules,
  api: notionApi,
};
