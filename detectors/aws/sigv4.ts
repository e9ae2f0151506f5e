/**
 * AWS Signature Version 4 with node:crypto, for the few Query-API POSTs tokscan sends (STS
 * GetCallerIdentity, IAM List... and SimulatePrincipalPolicy).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * Checked against that page's worked example (IAM ListUsers, 20150830T123600Z) in test/detectors/aws.test.ts.
 */
import { createHash, createHmac } from "node:crypto";

export interface SigningInput {
  method: string;
  /** The AWS host the request is meant for (signed even when an endpoint override sends it elsewhere). */
  host: string;
  path: string;
  /** Raw query string without `?` (may be empty). */
  query?: string;
  /** Headers to sign besides host and x-amz-date (content-type, x-amz-security-token). */
  headers: Record<string, string>;
  body: string;
  service: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  date: Date;
}

export interface SignedHeaders {
  /** Headers to send: the input headers plus X-Amz-Date, X-Amz-Security-Token and Authorization. */
  headers: Record<string, string>;
  canonicalRequest: string;
  signature: string;
}

export const sha256Hex = (text: string | Buffer): string => createHash("sha256").update(text).digest("hex");
const hmac = (key: string | Buffer, text: string): Buffer => createHmac("sha256", key).update(text, "utf8").digest();

/** `20150830T123600Z` */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
export function awsEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(query: string): string {
  if (!query) return "";
  return query
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      const [name, value] = at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
      return [awsEncode(decodeURIComponent(name)), awsEncode(decodeURIComponent(value))] as const;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

export function signingKey(secret: string, dateStamp: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, dateStamp), region), service), "aws4_request");
}

export function signV4(input: SigningInput): SignedHeaders {
  const stamp = amzDate(input.date);
  const day = stamp.slice(0, 8);
  const toSign: Record<string, string> = { host: input.host, "x-amz-date": stamp };
  for (const [name, value] of Object.entries(input.headers)) toSign[name.toLowerCase()] = value;
  if (input.sessionToken) toSign["x-amz-security-token"] = input.sessionToken;
  const names = Object.keys(toSign).sort();
  const canonicalHeaders = names.map((name) => `${name}:${toSign[name]!.trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    input.method,
    input.path,
    canonicalQuery(input.query ?? ""),
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.body),
  ].join("\n");
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256Hex(canonicalRequest)].join("\n");
  const signature = createHmac("sha256", signingKey(input.secretAccessKey, day, input.region, input.service)).update(stringToSign, "utf8").digest("hex");
  const headers: Record<string, string> = { ...input.headers, "X-Amz-Date": stamp };
  if (input.sessionToken) headers["X-Amz-Security-Token"] = input.sessionToken;
  headers["Authorization"] = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, canonicalRequest, signature };
}

/** Parts of a SigV4 Authorization header (for the emulator, which checks signatures). */
export function parseAuthorization(value: string): { accessKeyId: string; day: string; region: string; service: string; signedHeaders: string[]; signature: string } | undefined {
  const m = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})\/(\d{8})\/([a-z0-9-]{1,32})\/([a-z0-9-]{1,32})\/aws4_request, ?SignedHeaders=([a-z0-9;-]{1,512}), ?Signature=([0-9a-f]{64})$/.exec(value);
  if (!m) return undefined;
  return { accessKeyId: m[1]!, day: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(";"), signature: m[6]! };
}
