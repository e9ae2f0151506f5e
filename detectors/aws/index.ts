/**
 * AWS credentials: access key ids (AKIA/ASIA/ABIA/ACCA), secret access keys, session tokens and
 * Amazon Bedrock API keys.
 * Key id prefixes: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 * Bedrock keys: https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html
 * ../shared/providers.md §2.3 (account decoding and canary accounts: ./account.ts).
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD, shannonEntropy, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule, Verdict } from "../../src/detector-kit/index.js";
import {
  BEDROCK_SHORT_PREFIX,
  decodeLongTermBedrock,
  decodeShortTermBedrock,
  inferKeyId,
  isCanaryKeyId,
  CANARY_NOTE,
} from "./inference.js";
import { accountFromKeyId, CANARY_ACCOUNTS } from "./account.js";
import { api } from "./api.js";

/** AWS's documented example credentials (IAM and SDK docs): never live. */
export const EXAMPLE_KEY_IDS = ["AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE", "ASIAIOSFODNN7EXAMPLE"] as const;
export const EXAMPLE_SECRETS = [
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  // The SigV4 guide's variant.
  "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
] as const;

const WORST_CASE: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "IAM_WRITE",
  "SECRETS_READ",
  "SPEND",
  "READ_PII",
];
const BEDROCK: readonly Capability[] = ["SPEND", "DELETE_INFRA"];

const KEY_ID_BODY = "[A-Z2-7]{16}";
const SECRET_KEY = "[A-Za-z0-9/+]{40}";

/** A 40-character secret access key: random base64, not a hex digest. */
export function checkSecretKey(secret: string): Verdict {
  if (/^[0-9a-fA-F]{40}$/.test(secret)) return { ok: false, reason: "hex digest (a git or SHA-1 hash), not a secret key" };
  if (!/[A-Z]/.test(secret) || !/[a-z]/.test(secret)) return { ok: false, reason: "not mixed-case base64" };
  if (shannonEntropy(secret) < 4) return { ok: false, reason: "low entropy" };
  return { ok: true };
}

const keyIdRule = (
  id: string,
  prefixes: readonly string[],
  title: string,
  capabilities: readonly Capability[],
): TokenRule => ({
  id,
  title,
  keywords: prefixes.map((p) => p.toLowerCase().replace("[a-z0-9]", "")),
  pattern: new RegExp(`${NOT_AFTER_WORD}(?:${prefixes.join("|")})${KEY_ID_BODY}${NOT_BEFORE_WORD}`),
  maxLength: 20,
  confidence: "high",
  capabilities,
  lifetime: prefixes.includes("AKIA") ? "long" : "short",
  examples: EXAMPLE_KEY_IDS,
  infer: (secret) => inferKeyId(secret, capabilities),
});

const SECRET_NAMES = "aws_secret|aws-secret|awssecret|secret_access_key|secret-access-key|secretaccesskey";
// AWS-specific names only: a bare `sessionToken` is as often an app's own login session.
const SESSION_NAMES = "aws_session_token|aws-session-token|awssessiontoken|aws_security_token|x-amz-security-token";

const secretKeyInference = (capabilities: readonly Capability[]) => () => ({
  tokenClass: "secret access key",
  capabilities: [...capabilities],
  lifetime: "unknown" as const,
  notes: ["usable only with its access key id; tokscan pairs it with ids found in the same file"],
});

/** What both secret-key rules share: the same secret, found under its name or beside its key id. */
const SECRET_KEY_RULE = {
  confidence: "high",
  capabilities: WORST_CASE,
  lifetime: "unknown",
  examples: EXAMPLE_SECRETS,
  validate: checkSecretKey,
  infer: secretKeyInference(WORST_CASE),
} satisfies Partial<TokenRule>;

export const detector: Detector = {
  id: "aws",
  name: "AWS",
  docsUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  remediation: {
    revoke: "https://console.aws.amazon.com/iam/home#/security_credentials",
    narrower:
      "Deactivate and delete the key (IAM > Users > Security credentials), then use short-lived credentials instead: an IAM role assumed through IAM Identity Center, OIDC federation from CI (GitHub Actions `aws-actions/configure-aws-credentials` with `role-to-assume`) or an instance/task role. If a key cannot be avoided, give its user a policy limited to the actions and resources it needs, with no `iam:*` and no `Delete*`, and a permissions boundary.",
  },
  related: {
    paths: ["**/.aws/**", "**/credentials.csv", "**/*accessKeys*.csv", "**/serverless.yml", "**/samconfig.toml", "**/cdk.json", "**/*.tf", "**/*.tfvars"],
    content: /@aws-sdk\/|aws-sdk|boto3|botocore|amazonaws\.com|AWS_ACCESS_KEY_ID|aws_access_key_id|AWS_REGION|aws-actions\//,
  },
  rules: [
    keyIdRule("access-key-id", ["AKIA", "A3T[A-Z0-9]"], "AWS long-term access key id", WORST_CASE),
    keyIdRule("temporary-access-key-id", ["ASIA"], "AWS temporary (STS) access key id", WORST_CASE),
    keyIdRule("bearer-key-id", ["ABIA"], "AWS STS service bearer token key id", ["DELETE_DATA", "SECRETS_READ"]),
    keyIdRule("context-key-id", ["ACCA"], "AWS context-specific credential key id", ["DELETE_DATA", "SECRETS_READ"]),
    {
      id: "secret-access-key",
      title: "AWS secret access key",
      keywords: SECRET_NAMES.split("|"),
      pattern: new RegExp(assignmentSource(SECRET_NAMES, SECRET_KEY), "i"),
      maxLength: assignmentMaxLength(17, 40),
      ...SECRET_KEY_RULE,
    },
    {
      // `AKIA…,secret` (the console's accessKeys.csv), `AKIA…:secret`, `["AKIA…", "secret"]`.
      id: "secret-access-key-beside-id",
      title: "AWS secret access key next to its key id",
      keywords: ["akia", "asia", "abia", "acca"],
      pattern: new RegExp(
        String.raw`${NOT_AFTER_WORD}(?:AKIA|ASIA|ABIA|ACCA)${KEY_ID_BODY}(?:["']?[ \t]{0,4}[,:;|=\t][ \t]{0,4}["']?|[ \t]{1,4})(?<secret>${SECRET_KEY})(?![A-Za-z0-9/+=])`,
      ),
      maxLength: 20 + 10 + 40,
      ...SECRET_KEY_RULE,
    },
    {
      id: "session-token",
      title: "AWS session token",
      keywords: SESSION_NAMES.split("|"),
      pattern: new RegExp(assignmentSource(SESSION_NAMES, "[A-Za-z0-9/+]{100,3000}={0,2}"), "i"),
      maxLength: assignmentMaxLength(20, 3002),
      confidence: "medium",
      capabilities: WORST_CASE,
      lifetime: "short",
      // Long base64 has every character often: the generic variety check would drop real tokens.
      skipPlaceholderCheck: true,
      validate: (secret) =>
        new Set(secret).size >= 30 && !/(.)\1{15}/.test(secret)
          ? { ok: true }
          : { ok: false, reason: "placeholder (too little variety for a session token)" },
      infer: fixedInference("STS session token", WORST_CASE, "short", [
        "temporary credentials expire within 12-36 hours; usable only with its ASIA key id and secret",
      ]),
    },
    {
      id: "bedrock-api-key",
      title: "Amazon Bedrock long-term API key",
      keywords: ["absk"],
      pattern: new RegExp(`${NOT_AFTER_WORD}ABSK[A-Za-z0-9+/]{109,269}={0,2}(?![A-Za-z0-9+/=])`),
      maxLength: 4 + 269 + 2,
      confidence: "high",
      capabilities: BEDROCK,
      lifetime: "long",
      skipPlaceholderCheck: true,
      validate: validWhen(decodeLongTermBedrock, "does not decode to <user>-at-<account>:<secret>"),
      infer: (secret) => {
        const decoded = decodeLongTermBedrock(secret);
        const account = decoded?.account;
        const notes = decoded ? [`IAM user ${decoded.user} in account ${decoded.account}`] : [];
        if (account && CANARY_ACCOUNTS.has(account)) notes.push(CANARY_NOTE);
        return { tokenClass: "Bedrock long-term API key", capabilities: [...BEDROCK], lifetime: "long", account, notes };
      },
    },
    {
      id: "bedrock-short-term-api-key",
      title: "Amazon Bedrock short-term API key",
      keywords: [BEDROCK_SHORT_PREFIX],
      // The base64 of "bedrock.amazonaws.com" always opens the presigned URL.
      pattern: new RegExp(`${NOT_AFTER_WORD}${BEDROCK_SHORT_PREFIX}YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,8000}={0,2}(?![A-Za-z0-9+/=])`),
      maxLength: BEDROCK_SHORT_PREFIX.length + 28 + 8000 + 2,
      confidence: "high",
      capabilities: BEDROCK,
      lifetime: "short",
      skipPlaceholderCheck: true,
      validate: validWhen(decodeShortTermBedrock, "not a presigned Bedrock URL"),
      infer: (secret) => {
        const decoded = decodeShortTermBedrock(secret);
        const account = decoded ? accountFromKeyId(decoded.keyId) : undefined;
        const notes = decoded?.region ? [`signed for region ${decoded.region}`] : [];
        if (account) notes.push(`decoded account ${account} from the signing key id`);
        if (decoded && isCanaryKeyId(decoded.keyId)) notes.push(CANARY_NOTE);
        return {
          tokenClass: "Bedrock short-term API key (presigned, at most 12 hours)",
          capabilities: [...BEDROCK],
          lifetime: "short",
          expiresAt: decoded?.expiresAt,
          account,
          notes,
        };
      },
    },
  ],
  api,
};
