/**
 * Postman API keys `PMAK-<24 hex key id>-<34 hex secret>` and collection access keys `PMAT-<26>`.
 * Docs: https://learning.postman.com/docs/developer/postman-api/authentication/ ,
 * https://learning.postman.com/docs/collaborating-in-postman/using-version-control/forking-elements/#collection-access-keys .
 */
import { fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";

/** An API key acts as its user on every workspace: collections and environments often hold other secrets. */
const API_KEY: Capability[] = ["ACCOUNT_WIDE", "SECRETS_READ", "DELETE_DATA", "READ_PII", "IAM_WRITE"];
/** A collection access key reads one shared collection (saved auth headers and example responses included). */
const COLLECTION_KEY: Capability[] = ["SECRETS_READ"];

export const detector: Detector = {
  id: "postman",
  name: "Postman",
  docsUrl: "https://learning.postman.com/docs/developer/postman-api/authentication/",
  remediation: {
    revoke: "https://go.postman.co/settings/me/api-keys",
    narrower:
      "Revoke the key (Settings > API keys; collection access keys from the collection's share menu), then create a key with an expiry for the one integration, keep credentials in Postman Vault or secret-typed variables rather than in shared collections, and give readers a collection access key instead of an API key.",
  },
  related: {
    paths: ["**/*.postman_collection.json", "**/*.postman_environment.json", "**/postman/**", "**/.postman/**"],
    content: /api\.getpostman\.com|api\.postman\.com|postman-collection|newman|X-Api-Key|POSTMAN_API_KEY/,
  },
  rules: [
    {
      id: "api-key",
      title: "Postman API key",
      keywords: ["pmak-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}PMAK-[0-9a-f]{24}-[0-9a-f]{34}${NOT_BEFORE_WORD}`),
      maxLength: 5 + 24 + 1 + 34,
      confidence: "high",
      capabilities: API_KEY,
      lifetime: "long",
      infer: fixedInference("API key", API_KEY, "long", [
        `Postman API key: reads and changes every collection, environment and workspace of its user, including the credentials saved in them.`,
      ]),
    },
    {
      id: "collection-access-key",
      title: "Postman collection access key",
      keywords: ["pmat-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}PMAT-[0-9A-Za-z]{26}${NOT_BEFORE_WORD}`),
      maxLength: 5 + 26,
      confidence: "high",
      capabilities: COLLECTION_KEY,
      lifetime: "long",
      infer: fixedInference("collection access key", COLLECTION_KEY, "long", [
        "Postman collection access key: read access to one shared collection, with any auth headers and example responses saved in it.",
      ]),
    },
  ],
};
