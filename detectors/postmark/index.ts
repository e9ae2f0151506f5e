/**
 * Postmark server and account API tokens. Both are bare UUIDs, so they are reported only when assigned
 * to a key (or header) whose name says Postmark; a name that says "account" makes it an account token.
 * The special value `POSTMARK_API_TEST` sends nothing and is never reported.
 * Docs: https://postmarkapp.com/developer/api/overview#authentication . ../shared/providers.md §3.12.
 */
import { assignmentMaxLength, assignmentSource, fixedInference, UUID } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** A server token sends as its server, reads its messages (content, recipients) and changes its webhooks. */
const SERVER_TOKEN: Capability[] = ["SEND_AS_ORG", "READ_PII"];
/** An account token manages every server, domain and sender signature (and their server tokens). */
const ACCOUNT_TOKEN: Capability[] = ["ACCOUNT_WIDE", "SEND_AS_ORG", "DELETE_INFRA", "IAM_WRITE", "READ_PII", "SECRETS_READ"];

export const detector: Detector = {
  id: "postmark",
  name: "Postmark",
  docsUrl: "https://postmarkapp.com/developer/api/overview#authentication",
  remediation: {
    revoke: "https://account.postmarkapp.com/servers",
    narrower:
      "Regenerate the token (server > API Tokens for server tokens; Account > API Tokens for account tokens), then give the application a server token of the one server (and message stream) it sends from, never the account token.",
  },
  api,
  related: {
    paths: ["**/postmark*.json", "**/postmark*.yml"],
    content: /api\.postmarkapp\.com|postmarkapp|["']postmark["']|import postmark|from postmark|postmark-rails|postmark-php|X-Postmark-(?:Server|Account)-Token|POSTMARK_/,
  },
  rules: [
    {
      id: "account-token",
      title: "Postmark account API token",
      keywords: ["postmark"],
      pattern: new RegExp(assignmentSource("postmark[_.-]?account", UUID), "i"),
      maxLength: assignmentMaxLength(16, 36),
      confidence: "medium",
      capabilities: ACCOUNT_TOKEN,
      lifetime: "long",
      infer: fixedInference("account token", ACCOUNT_TOKEN, "long", [
        "Postmark account API token: creates and deletes servers, domains and sender signatures, and reads every server's token.",
      ]),
    },
    {
      id: "server-token",
      title: "Postmark server API token",
      keywords: ["postmark"],
      pattern: new RegExp(assignmentSource("postmark", UUID), "i"),
      maxLength: assignmentMaxLength(8, 36),
      confidence: "medium",
      capabilities: SERVER_TOKEN,
      lifetime: "long",
      infer: fixedInference("server token", SERVER_TOKEN, "long", [
        "Postmark API token (a server token unless the account token was stored here): sends email as the server's domains and reads its messages and bounces.",
      ]),
    },
  ],
};
