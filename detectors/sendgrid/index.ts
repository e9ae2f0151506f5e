/**
 * SendGrid API keys: `SG.` + 22-character key id + `.` + 43-character secret.
 * https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys ; ../shared/providers.md §2.13.
 */
import { NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** Full-access worst case: mail as the org's verified domains, keys and teammates, contact lists. */
const FULL: Capability[] = ["SEND_AS_ORG", "ACCOUNT_WIDE", "IAM_WRITE", "READ_PII", "DELETE_DATA"];

export const detector: Detector = {
  id: "sendgrid",
  name: "SendGrid",
  docsUrl: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
  remediation: {
    revoke: "https://app.sendgrid.com/settings/api_keys",
    narrower:
      "Delete the key (Settings > API Keys), then create a Restricted Access key with only the scopes the code uses (usually just Mail Send).",
  },
  related: {
    content: /api\.sendgrid\.com|@sendgrid\/|sendgrid-python|from sendgrid|import sendgrid|SENDGRID_API_KEY/,
  },
  api,
  rules: [
    {
      id: "api-key",
      title: "SendGrid API key",
      keywords: ["sg."],
      pattern: new RegExp(`${NOT_AFTER_WORD}SG\\.[0-9A-Za-z_-]{22}\\.[0-9A-Za-z_-]{43}(?![0-9A-Za-z_-])`),
      maxLength: 3 + 22 + 1 + 43,
      confidence: "high",
      capabilities: FULL,
      lifetime: "long",
      infer: (secret): Inference => ({
        tokenClass: "API key",
        capabilities: [...FULL],
        // The middle segment is the key id SendGrid shows in its key list: not secret, useful to find the key.
        notes: [
          `Key id ${secret.slice(3, 25)}.`,
          "Full, restricted or billing access is not in the string; scored as full access.",
        ],
      }),
    },
  ],
};
