/**
 * Parsing of Google Cloud service-account key files (JSON), as found plain or as a JSON string
 * inside another JSON document (escaped quotes).
 * Format: https://cloud.google.com/iam/docs/keys-create-delete ; ../shared/providers.md §2.11.
 */
import { nonEmptyString } from "../../src/detector-kit/index.js";

export interface ServiceAccountKey {
  projectId?: string;
  clientEmail: string;
  privateKeyId?: string;
  /** PEM text with real newlines. */
  privateKey: string;
  tokenUri?: string;
}

/** Kubernetes' intentionally public test key (trufflehog excludes it too). */
export const PUBLIC_TEST_ACCOUNTS: ReadonlySet<string> = new Set([
  "image-pulling@authenticated-image-pulling.iam.gserviceaccount.com",
]);

function parseObject(text: string): Record<string, unknown> | undefined {
  const attempt = (source: string): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(source);
      return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const direct = attempt(text);
  if (direct) return direct;
  // The object was the content of a JSON string: undo one level of escaping first.
  try {
    const unescaped: unknown = JSON.parse(`"${text.replace(/\r?\n/g, "")}"`);
    return typeof unescaped === "string" ? attempt(unescaped) : undefined;
  } catch {
    return undefined;
  }
}

/** The fields of a service-account key file, or undefined when it is not one. */
export function parseServiceAccount(secret: string): ServiceAccountKey | undefined {
  const object = parseObject(secret);
  if (!object || object["type"] !== "service_account") return undefined;
  const clientEmail = nonEmptyString(object["client_email"]);
  const privateKey = nonEmptyString(object["private_key"]);
  if (!clientEmail || !privateKey) return undefined;
  return {
    projectId: nonEmptyString(object["project_id"]),
    clientEmail,
    privateKeyId: nonEmptyString(object["private_key_id"]),
    privateKey: privateKey.replace(/\\n/g, "\n"),
    tokenUri: nonEmptyString(object["token_uri"]),
  };
}

/** DER bytes of a PEM private key, or undefined when the body is not real base64 key material. */
export function privateKeyDer(pem: string): Buffer | undefined {
  const match = /-----BEGIN (?:RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\s]{100,12000})-----END (?:RSA )?PRIVATE KEY-----/.exec(pem);
  if (!match) return undefined;
  const der = Buffer.from(match[1]!.replace(/\s+/g, ""), "base64");
  return der.length >= 100 && der[0] === 0x30 ? der : undefined;
}

/** Words for the report about well-known kinds of service accounts. */
export function accountNotes(clientEmail: string): string[] {
  if (clientEmail.startsWith("firebase-adminsdk-")) return ["Firebase Admin SDK service account: full admin of the Firebase project"];
  if (clientEmail.endsWith("-compute@developer.gserviceaccount.com")) return ["default Compute Engine service account (historically Editor on the project)"];
  if (clientEmail.endsWith("@appspot.gserviceaccount.com")) return ["App Engine default service account (historically Editor on the project)"];
  if (/^(?:terraform|deploy|deployer|admin|ci|cd|github)[@-]|-admin@/.test(clientEmail)) return ["the account name suggests deployment or admin duties"];
  return [];
}
