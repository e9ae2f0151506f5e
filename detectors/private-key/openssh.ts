/**
 * The OpenSSH private key container (openssh PROTOCOL.key): "openssh-key-v1\0", then the cipher
 * and KDF names (in clear text even when the key is encrypted), the public keys, and the private
 * section. An unencrypted private section starts with two equal check integers and ends each key
 * with its comment (often user@host).
 */
import { armourBytes } from "./pem.js";

const MAGIC = Buffer.from("openssh-key-v1\0", "latin1");

export interface OpenSshKey {
  cipher: string;
  kdf: string;
  keyType?: string;
  /** Unencrypted keys only: the check integers match. */
  checkOk?: boolean;
  comment?: string;
}

/** Fields after the key type in the private section, per key type. */
const PRIVATE_FIELDS: Record<string, number> = {
  "ssh-ed25519": 2,
  "ssh-rsa": 6,
  "ssh-dss": 5,
  "ecdsa-sha2-nistp256": 3,
  "ecdsa-sha2-nistp384": 3,
  "ecdsa-sha2-nistp521": 3,
};

class Reader {
  offset = 0;
  constructor(readonly bytes: Buffer) {}
  uint32(): number | undefined {
    if (this.offset + 4 > this.bytes.length) return undefined;
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  string(): Buffer | undefined {
    const length = this.uint32();
    if (length === undefined || this.offset + length > this.bytes.length) return undefined;
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

export function parseOpenSsh(body: string): OpenSshKey | undefined {
  const bytes = armourBytes(body);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const reader = new Reader(bytes);
  reader.offset = MAGIC.length;
  const cipher = reader.string()?.toString("latin1");
  const kdf = reader.string()?.toString("latin1");
  const kdfOptions = reader.string();
  const count = reader.uint32();
  if (cipher === undefined || kdf === undefined || !kdfOptions || count === undefined || count < 1 || count > 16) return undefined;
  let keyType: string | undefined;
  for (let i = 0; i < count; i++) {
    const publicKey = reader.string();
    if (!publicKey) return undefined;
    if (i === 0) keyType = new Reader(publicKey).string()?.toString("latin1");
  }
  const privateSection = reader.string();
  if (!privateSection) return undefined;
  if (cipher !== "none") return { cipher, kdf, keyType };

  const inner = new Reader(privateSection);
  const check1 = inner.uint32();
  const check2 = inner.uint32();
  const result: OpenSshKey = { cipher, kdf, keyType, checkOk: check1 !== undefined && check1 === check2 };
  const type = inner.string()?.toString("latin1");
  const fields = type ? PRIVATE_FIELDS[type] : undefined;
  if (fields !== undefined) {
    for (let i = 0; i < fields; i++) if (!inner.string()) return result;
    const comment = inner.string()?.toString("utf8");
    if (comment && /^[\x20-\x7e]{1,200}$/.test(comment)) result.comment = comment;
  }
  return result;
}

// ------------------------------------------------------------------ building (samples and tests)

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const str = (value: Buffer | string): Buffer => {
  const bytes = typeof value === "string" ? Buffer.from(value, "latin1") : value;
  return Buffer.concat([u32(bytes.length), bytes]);
};

/** An ed25519 key container with the given (random) key bytes; `cipher` other than none writes random ciphertext. */
export function buildOpenSsh(random: (n: number) => Buffer, cipher: string, comment: string, mismatchedCheck = false): string {
  const publicKey = random(32);
  const publicBlob = str(Buffer.concat([str("ssh-ed25519"), str(publicKey)]));
  let privateSection: Buffer;
  if (cipher === "none") {
    const check = random(4);
    const second = mismatchedCheck ? Buffer.from(check.map((b) => b ^ 0xff)) : check;
    const plain = Buffer.concat([check, second, str("ssh-ed25519"), str(publicKey), str(Buffer.concat([random(32), publicKey])), str(comment)]);
    const padding = Buffer.from(Array.from({ length: (8 - (plain.length % 8)) % 8 }, (_, i) => i + 1));
    privateSection = Buffer.concat([plain, padding]);
  } else {
    privateSection = random(160);
  }
  const kdf = cipher === "none" ? "none" : "bcrypt";
  const kdfOptions = cipher === "none" ? Buffer.alloc(0) : Buffer.concat([str(random(16)), u32(24)]);
  const bytes = Buffer.concat([MAGIC, str(cipher), str(kdf), str(kdfOptions), u32(1), publicBlob, str(privateSection)]);
  const lines = bytes.toString("base64").match(/.{1,70}/g) ?? [];
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join("\n")}\n-----END OPENSSH PRIVATE KEY-----`;
}
