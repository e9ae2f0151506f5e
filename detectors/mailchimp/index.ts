/**
 * Mailchimp Marketing API keys and Mailchimp Transactional (Mandrill) API keys.
 * Marketing keys are 32 hex digits, a dash and the account's data center (`…-us21`); the data center
 * is also the API host (`https://us21.api.mailchimp.com`). Transactional keys are `md-` + 22
 * base64url characters (older ones have no prefix) and are reported only under a Mandrill/Mailchimp key name.
 * Docs: https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key ,
 * https://mailchimp.com/developer/transactional/guides/quick-start/#generate-your-api-key .
 */
import { assignmentMaxLength, assignmentSource, NOT_AFTER_WORD, NOT_BEFORE_WORD, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference } from "../../src/detector-kit/index.js";

/** Marketing keys have no scopes: audiences (subscriber PII), campaigns, account settings. */
const MARKETING: Capability[] = ["ACCOUNT_WIDE", "SEND_AS_ORG", "READ_PII", "DELETE_DATA"];
/** Transactional keys send mail from the account's verified domains and read message content. */
const TRANSACTIONAL: Capability[] = ["SEND_AS_ORG", "READ_PII", "SPEND"];

const transactionalInference = (notes: string[]) => (): Inference => ({
  tokenClass: "Transactional API key",
  capabilities: [...TRANSACTIONAL],
  lifetime: "long",
  notes,
});

export const detector: Detector = {
  id: "mailchimp",
  name: "Mailchimp",
  docsUrl: "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
  remediation: {
    revoke: "https://admin.mailchimp.com/account/api/",
    narrower:
      "Revoke the key (Account & billing > Extras > API keys; Transactional keys under Mandrill > Settings), then use an OAuth 2 app limited to the account that needs it instead of an account-wide key; for Transactional, create a key restricted to the API calls the job makes and to the sending IPs you use.",
  },
  related: {
    paths: ["**/mailchimp*.json", "**/mandrill*.json"],
    content: /api\.mailchimp\.com|mandrillapp\.com|@mailchimp\/|mailchimp_marketing|mailchimp_transactional|mailchimp3|MailchimpMarketing|gibbon|MAILCHIMP_|MANDRILL_/,
  },
  rules: [
    {
      id: "marketing-api-key",
      title: "Mailchimp Marketing API key",
      // The data center suffix is the rarest fixed text: `-us1`…`-us9` covers us1 to us99.
      keywords: ["-us1", "-us2", "-us3", "-us4", "-us5", "-us6", "-us7", "-us8", "-us9"],
      pattern: new RegExp(`${NOT_AFTER_WORD}[0-9a-f]{32}-us[1-9][0-9]?${NOT_BEFORE_WORD}`),
      maxLength: 32 + 5,
      confidence: "high",
      capabilities: MARKETING,
      lifetime: "long",
      infer: (secret: string): Inference => {
        const dc = secret.slice(33);
        return {
          tokenClass: "Marketing API key",
          capabilities: [...MARKETING],
          lifetime: "long",
          account: `data center ${dc}`,
          notes: [
            `Mailchimp Marketing API key for data center ${dc} (${dc}.api.mailchimp.com): keys have no scopes, so it can read every audience's subscribers, send campaigns and change account settings.`,
          ],
        };
      },
    },
    {
      id: "transactional-api-key",
      title: "Mailchimp Transactional (Mandrill) API key",
      keywords: ["mandrill", "mailchimp"],
      pattern: new RegExp(assignmentSource("mandrill|mailchimp", "md-[A-Za-z0-9_-]{22}"), "i"),
      maxLength: assignmentMaxLength(9, 25),
      confidence: "high",
      capabilities: TRANSACTIONAL,
      lifetime: "long",
      infer: transactionalInference([
        "Mailchimp Transactional (Mandrill) API key: sends email from the account's verified domains and reads sent message content, unless restricted to specific calls.",
      ]),
    },
    {
      id: "transactional-api-key-legacy",
      title: "Mandrill API key (unprefixed)",
      keywords: ["mandrill"],
      pattern: new RegExp(assignmentSource("mandrill", "[A-Za-z0-9_-]{22}"), "i"),
      maxLength: assignmentMaxLength(8, 22),
      confidence: "medium",
      capabilities: TRANSACTIONAL,
      lifetime: "long",
      // Random keys mix cases and digits; template names and slugs of the same length do not.
      validate: validWhen((secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret), "not a random key"),
      infer: transactionalInference([
        "Older Mandrill API key (22 characters, no md- prefix) assigned to a Mandrill setting: sends email as the account.",
      ]),
    },
  ],
};
