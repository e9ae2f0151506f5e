/**
 * Shape checks for PEM-armoured private keys: the base64 body (with real or escaped newlines)
 * must decode to a DER SEQUENCE whose declared length is exactly the decoded length, and start
 * with the version or algorithm field its format requires (RFC 8017 A.1.2, RFC 5915, RFC 5958).
 * Placeholders, elided bodies (`...`) and truncated keys fail here.
 */

/** Base64 text of an armoured body: escaped newlines (`\n` inside JSON or env strings) and whitespace removed. */
export function armourBytes(body: string): Buffer {
  return Buffer.from(body.replace(/\\[rn]/g, "").replace(/[\s\\]+/g, ""), "base64");
}

/** The body between the BEGIN and END lines of a block. */
export function blockBody(block: string): string {
  const start = block.indexOf("-----", block.indexOf("BEGIN")) + 5;
  const end = block.lastIndexOf("-----END");
  return end > start ? block.slice(start, end) : "";
}

export interface DerSequence {
  /** Bytes after the SEQUENCE header. */
  content: Buffer;
}

/** A DER SEQUENCE filling the whole buffer, or undefined. */
export function derSequence(der: Buffer): DerSequence | undefined {
  if (der.length < 8 || der[0] !== 0x30) return undefined;
  const first = der[1]!;
  let header = 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count < 1 || count > 3) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | der[2 + i]!;
    header = 2 + count;
  }
  if (header + length !== der.length) return undefined;
  return { content: der.subarray(header) };
}

const startsWith = (bytes: Buffer, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** What the first field of each format must be. */
export const FIRST_FIELD = {
  /** PKCS#1 RSAPrivateKey and OpenSSL DSA keys: INTEGER 0. */
  version0: [[0x02, 0x01, 0x00]],
  /** SEC1 ECPrivateKey: INTEGER 1. */
  version1: [[0x02, 0x01, 0x01]],
  /** PKCS#8 OneAsymmetricKey: INTEGER 0 or 1. */
  pkcs8: [[0x02, 0x01, 0x00], [0x02, 0x01, 0x01]],
  /** EncryptedPrivateKeyInfo: an AlgorithmIdentifier SEQUENCE. */
  encryptedPkcs8: [[0x30]],
} as const satisfies Record<string, readonly (readonly number[])[]>;

/** True when the armoured body is a well-formed DER key of the given shape. */
export function isDerKey(body: string, firstField: readonly (readonly number[])[]): boolean {
  const sequence = derSequence(armourBytes(body));
  return sequence !== undefined && firstField.some((prefix) => startsWith(sequence.content, prefix));
}

/** Legacy OpenSSL encryption (Proc-Type: 4,ENCRYPTED): after the two header lines the body is cipher blocks. */
export function isCipherBody(body: string): boolean {
  const data = body.replace(/Proc-Type:[ \t]?4,ENCRYPTED/, "").replace(/DEK-Info:[ \t]?[A-Za-z0-9-]{1,32},[0-9A-Fa-f]{1,64}/, "");
  const bytes = armourBytes(data);
  return bytes.length >= 64 && bytes.length % 8 === 0;
}

const OIDS: readonly [string, readonly number[]][] = [
  ["RSA", [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]],
  ["EC", [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]],
  ["DSA", [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01]],
  ["Ed25519", [0x06, 0x03, 0x2b, 0x65, 0x70]],
  ["Ed448", [0x06, 0x03, 0x2b, 0x65, 0x71]],
  ["X25519", [0x06, 0x03, 0x2b, 0x65, 0x6e]],
];

/** The key algorithm of a PKCS#8 key, from the OID in its AlgorithmIdentifier. */
export function pkcs8Algorithm(body: string): string | undefined {
  const head = armourBytes(body).subarray(0, 40);
  for (const [name, oid] of OIDS) if (head.indexOf(Buffer.from(oid)) >= 0) return name;
  return undefined;
}
