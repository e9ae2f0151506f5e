/**
 * OpenPGP armoured secret keys (RFC 4880 §6, RFC 9580): the armour checksum (CRC-24) must match
 * when present, the first packet must be a Secret-Key packet, and its S2K usage octet tells whether
 * the secret material is passphrase-protected.
 */

export interface PgpKey {
  /** Undefined when the packet could not be read far enough. */
  protected?: boolean;
  algorithm?: string;
}

const ALGORITHMS: Record<number, string> = {
  1: "RSA", 2: "RSA", 3: "RSA", 16: "ElGamal", 17: "DSA", 18: "ECDH", 19: "ECDSA", 22: "EdDSA",
  25: "X25519", 26: "X448", 27: "Ed25519", 28: "Ed448",
};
/** v4 public material: number of MPIs, and whether an OID (and for ECDH, KDF parameters) precede/follow. */
const V4_MATERIAL: Record<number, { mpis: number; oid?: boolean; kdf?: boolean; fixed?: number }> = {
  1: { mpis: 2 }, 2: { mpis: 2 }, 3: { mpis: 2 }, 16: { mpis: 3 }, 17: { mpis: 4 },
  18: { mpis: 1, oid: true, kdf: true }, 19: { mpis: 1, oid: true }, 22: { mpis: 1, oid: true },
  25: { mpis: 0, fixed: 32 }, 26: { mpis: 0, fixed: 56 }, 27: { mpis: 0, fixed: 32 }, 28: { mpis: 0, fixed: 57 },
};

export function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** Binary data and checksum of an armoured body (headers skipped; real or escaped newlines). */
export function dearmour(body: string): { data: Buffer; checksumOk: boolean } | undefined {
  const lines = body.replace(/\\r/g, "").replace(/\\n/g, "\n").split(/\r?\n/).map((l) => l.trim());
  let base64 = "";
  let checksum: string | undefined;
  for (const line of lines) {
    if (line === "" || line.includes(":")) continue;
    if (/^=[A-Za-z0-9+/]{4}$/.test(line)) checksum = line.slice(1);
    else if (/^[A-Za-z0-9+/=]+$/.test(line)) base64 += line;
    else return undefined;
  }
  const data = Buffer.from(base64, "base64");
  if (data.length < 32) return undefined;
  const checksumOk = checksum === undefined || Buffer.from(checksum, "base64").readUIntBE(0, 3) === crc24(data);
  return { data, checksumOk };
}

/** The first packet of the data, when it is a Secret-Key packet. */
export function readSecretKey(data: Buffer): PgpKey | undefined {
  const first = data[0];
  if (first === undefined || (first & 0x80) === 0) return undefined;
  let offset: number;
  let tag: number;
  if (first & 0x40) {
    tag = first & 0x3f;
    const l0 = data[1] ?? 0;
    offset = l0 < 192 ? 2 : l0 < 224 ? 3 : l0 === 255 ? 6 : 2;
  } else {
    tag = (first >> 2) & 0x0f;
    offset = 1 + [1, 2, 4, 0][first & 3]!;
  }
  if (tag !== 5) return undefined;
  const version = data[offset];
  const algorithmId = data[offset + 5] ?? 0;
  const key: PgpKey = { algorithm: ALGORITHMS[algorithmId] };
  let at = offset + 6;
  if (version === 5 || version === 6) {
    // Both carry a four-octet count of the public key material.
    const length = data.length >= at + 4 ? data.readUInt32BE(at) : -1;
    if (length < 0) return key;
    at += 4 + length;
  } else if (version === 4) {
    const material = V4_MATERIAL[algorithmId];
    if (!material) return key;
    if (material.oid) at += 1 + (data[at] ?? 0);
    for (let i = 0; i < material.mpis; i++) {
      if (at + 2 > data.length) return key;
      at += 2 + Math.ceil(data.readUInt16BE(at) / 8);
    }
    if (material.kdf) at += 1 + (data[at] ?? 0);
    if (material.fixed) at += material.fixed;
  } else {
    return key;
  }
  const usage = data[at];
  if (usage !== undefined) key.protected = usage !== 0;
  return key;
}

// ------------------------------------------------------------------ building (samples and tests)

/** A v4 EdDSA secret key packet with random key bytes, armoured with its CRC-24. */
export function buildPgp(random: (n: number) => Buffer, passphrase: boolean): string {
  const oid = Buffer.from([0x09, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x0f, 0x01]);
  const publicPoint = Buffer.concat([Buffer.from([0x01, 0x07, 0x40]), random(32)]);
  const secret = passphrase
    ? Buffer.concat([Buffer.from([254, 9, 3, 8]), random(8), Buffer.from([0xff]), random(16), random(54)])
    : Buffer.concat([Buffer.from([0, 0x00, 0xff]), random(32), random(2)]);
  const body = Buffer.concat([Buffer.from([4]), random(4), Buffer.from([22]), oid, publicPoint, secret]);
  const packet = Buffer.concat([Buffer.from([0xc5, body.length]), body]);
  const checksum = Buffer.alloc(3);
  checksum.writeUIntBE(crc24(packet), 0, 3);
  const lines = packet.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${lines.join("\n")}\n=${checksum.toString("base64")}\n-----END PGP PRIVATE KEY BLOCK-----`;
}
