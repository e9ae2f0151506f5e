/** Offline inference for AWS credentials: key class, account id, canary accounts, Bedrock keys. */
import type { Capability, Inference } from "../../src/detector-kit/index.js";
import { base64UrlToBuffer } from "../../src/detector-kit/index.js";
import { accountFromKeyId, CANARY_ACCOUNTS, isLegacyKeyId } from "./account.js";

export const CANARY_NOTE = "known canary account: never contacted";

const KEY_CLASSES: Record<string, string> = {
  AKIA: "long-term access key id (IAM user or root)",
  ASIA: "temporary STS access key id (needs its session token)",
  ABIA: "STS service bearer token key id",
  ACCA: "context-specific credential key id",
};

export function keyClass(keyId: string): string {
  return KEY_CLASSES[keyId.slice(0, 4)] ?? "access key id (legacy A3T prefix)";
}

/** Inference for an access key id: class, account, canary. */
export function inferKeyId(keyId: string, capabilities: readonly Capability[]): Inference {
  const notes: string[] = [];
  const account = accountFromKeyId(keyId);
  const canary = account !== undefined && CANARY_ACCOUNTS.has(account);
  if (account) {
    notes.push(`decoded account ${account} from the key id`);
    if (canary) notes.push(CANARY_NOTE);
  } else if (isLegacyKeyId(keyId)) {
    notes.push("older key id format: the account id is not encoded");
  }
  return {
    // A canary key is a decoy: it grants nothing, and any use of it alerts whoever planted it.
    tokenClass: canary ? `${keyClass(keyId)} of a known canary-token account (a decoy)` : keyClass(keyId),
    capabilities: canary ? [] : [...capabilities],
    lifetime: keyId.startsWith("AKIA") ? "long" : keyId.startsWith("A3T") ? "unknown" : "short",
    account,
    notes,
  };
}

/** True when the decoded account of a key id is a canary-token account. */
export function isCanaryKeyId(keyId: string): boolean {
  const account = accountFromKeyId(keyId);
  return account !== undefined && CANARY_ACCOUNTS.has(account);
}

// ------------------------------------------------------------------ Bedrock API keys

/** Long-term Bedrock keys: `ABSK` + base64 of `<iam user>-at-<account>:<secret>`. */
export function decodeLongTermBedrock(secret: string): { user: string; account: string } | undefined {
  const text = Buffer.from(secret.slice(4), "base64").toString("latin1");
  const match = /^([\w+=,.@-]{1,64})-at-(\d{12}):[\x21-\x7e]{8,}$/.exec(text);
  return match ? { user: match[1]!, account: match[2]! } : undefined;
}

export const BEDROCK_SHORT_PREFIX = "bedrock-api-key-";

/** Short-term Bedrock keys: `bedrock-api-key-` + base64 of a SigV4-presigned `bedrock.amazonaws.com/?…` URL. */
export function decodeShortTermBedrock(
  secret: string,
): { keyId: string; region?: string; expiresAt?: string } | undefined {
  const text = base64UrlToBuffer(secret.slice(BEDROCK_SHORT_PREFIX.length)).toString("latin1");
  if (!text.startsWith("bedrock.amazonaws.com/?")) return undefined;
  const params = new URLSearchParams(text.slice(text.indexOf("?") + 1));
  const credential = params.get("X-Amz-Credential");
  if (!credential) return undefined;
  const [keyId, , region] = credential.split("/");
  if (!keyId || !/^(?:ASIA|AKIA)[A-Z2-7]{16}$/.test(keyId)) return undefined;
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(params.get("X-Amz-Date") ?? "");
  const seconds = Number(params.get("X-Amz-Expires"));
  let expiresAt: string | undefined;
  if (date && Number.isFinite(seconds)) {
    const start = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!);
    expiresAt = new Date(start + seconds * 1000).toISOString();
  }
  return { keyId, region, expiresAt };
}
