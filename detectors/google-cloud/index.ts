/**
 * Google Cloud: service-account key files (JSON), API keys (`AIza…`), OAuth client secrets (`GOCSPX-…`).
 * Key files: https://cloud.google.com/iam/docs/keys-create-delete
 * API keys: https://cloud.google.com/docs/authentication/api-keys
 * ../shared/providers.md §2.11.
 */
import { fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Verdict } from "../../src/detector-kit/index.js";
import { accountNotes, parseServiceAccount, privateKeyDer, PUBLIC_TEST_ACCOUNTS } from "./service-account.js";
import { api } from "./api.js";

const SERVICE_ACCOUNT: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "IAM_WRITE",
  "SECRETS_READ",
  "READ_PII",
  "SPEND",
];

/** Longest key file we look at: a 4096-bit key with every field is about 3.5 KB. */
const MAX_KEY_FILE = 6000;
const QUOTE = String.raw`\\?"`;
const NOT_AFTER_TOKEN = "(?<![A-Za-z0-9_-])";
const NOT_BEFORE_TOKEN = "(?![A-Za-z0-9_-])";

function checkServiceAccount(secret: string): Verdict {
  const key = parseServiceAccount(secret);
  if (!key) return { ok: false, reason: "not a service-account key file (type, client_email, private_key)" };
  if (PUBLIC_TEST_ACCOUNTS.has(key.clientEmail)) return { ok: false, reason: "Kubernetes' intentionally public test service account" };
  if (!privateKeyDer(key.privateKey)) return { ok: false, reason: "placeholder private key (no key material)" };
  return { ok: true };
}

export const detector: Detector = {
  id: "google-cloud",
  name: "Google Cloud",
  docsUrl: "https://cloud.google.com/docs/authentication",
  remediation: {
    revoke: "https://console.cloud.google.com/iam-admin/serviceaccounts",
    narrower:
      "Delete the key (IAM > Service accounts > Keys) and stop using key files: Workload Identity Federation for CI (`google-github-actions/auth` with `workload_identity_provider`) or an attached service account. Grant the service account only predefined roles on the resources it needs (never Owner or Editor), and set the `iam.disableServiceAccountKeyCreation` org policy. Restrict API keys to the APIs and referrers/IPs that use them.",
  },
  related: {
    paths: ["**/*service*account*.json", "**/*credentials*.json", "**/gcloud/**", "**/*.tf", "**/*.tfvars", "**/app.yaml", "**/cloudbuild.yaml", "**/firebase.json"],
    content: /googleapis\.com|@google-cloud\/|google-auth-library|firebase-admin|GOOGLE_APPLICATION_CREDENTIALS|google\.cloud|gcloud /,
  },
  rules: [
    {
      id: "service-account-key",
      title: "Google Cloud service-account key file",
      keywords: ["service_account"],
      // One JSON object (no nested braces) holding both `"type": "service_account"` and a private key.
      pattern: new RegExp(
        String.raw`\{(?=[^{}]{0,${MAX_KEY_FILE}}?${QUOTE}type${QUOTE}\s{0,4}:\s{0,4}${QUOTE}service_account${QUOTE})` +
          String.raw`(?=[^{}]{0,${MAX_KEY_FILE}}?${QUOTE}private_key${QUOTE}\s{0,4}:)[^{}]{40,${MAX_KEY_FILE}}\}`,
      ),
      maxLength: MAX_KEY_FILE + 2,
      confidence: "high",
      capabilities: SERVICE_ACCOUNT,
      lifetime: "long",
      // The whole file is the secret: far too long for the generic variety check; checkServiceAccount looks at the key itself.
      skipPlaceholderCheck: true,
      validate: checkServiceAccount,
      infer: (secret) => {
        const key = parseServiceAccount(secret);
        const notes = key ? [`service account ${key.clientEmail}`, ...accountNotes(key.clientEmail)] : [];
        if (key?.privateKeyId) notes.push(`key id ${key.privateKeyId}`);
        return {
          tokenClass: "service-account key (JSON)",
          capabilities: [...SERVICE_ACCOUNT],
          lifetime: "long",
          account: key?.projectId,
          notes,
        };
      },
    },
    {
      id: "api-key",
      title: "Google API key",
      keywords: ["aiza"],
      pattern: new RegExp(`${NOT_AFTER_TOKEN}AIza[0-9A-Za-z_-]{35}${NOT_BEFORE_TOKEN}`),
      maxLength: 39,
      confidence: "medium",
      capabilities: ["SPEND"],
      lifetime: "long",
      infer: fixedInference("API key", ["SPEND"], "long", [
        "API keys carry no identity: the risk is quota and billing abuse of every API the key is not restricted from",
        "keys shipped in web or mobile apps (Firebase config) are public by design and must be restricted by referrer or app",
      ]),
    },
    {
      id: "oauth-client-secret",
      title: "Google OAuth client secret",
      keywords: ["gocspx-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}GOCSPX-[0-9A-Za-z_-]{28}${NOT_BEFORE_TOKEN}`),
      maxLength: 35,
      confidence: "high",
      capabilities: [],
      lifetime: "long",
      infer: fixedInference("OAuth client secret", [
        ], "long", ["lets anyone act as the OAuth app: exchange stolen authorization codes, run consent-phishing flows under its name",
      ]),
    },
  ],
  api,
};
