/**
 * Offline facts about AWS access key ids: the owning account id and whether it is a known canary.
 *
 * Account decoding (../shared/providers.md §2.3 (b), after trufflehog pkg/detectors/aws/utils.go and
 * Tal Be'ery's note on AWS key ids): the 16 characters after the 4-character prefix are RFC 4648
 * base32 (A-Z, 2-7), 80 bits. Take the first 6 decoded bytes as a 48-bit big-endian integer x; the
 * account is `(x & 0x7fffffffff80) >> 7`, written as 12 digits. Bit 47 is a format flag and the low
 * 7 bits belong to the key itself. Keys whose first character after the prefix is `I` or `J`
 * (`AKIAI…`, `AKIAJ…`) predate this layout and carry no account.
 * Checked against providers.md's published vector (an ASIA key id) decoding to 029608264753: test/detectors/aws.test.ts.
 */

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Canary-token accounts (Thinkst canarytokens.org, and look-alikes listed in trufflehog canary.go). */
export const CANARY_ACCOUNTS: ReadonlySet<string> = new Set([
  "052310077262", "171436882533", "534261010715", "595918472158", "717712589309",
  "819147034852", "992382622183", "730335385048", "266735846894", "893192397702",
  "044858866125", "251535659677", "344043088457", "351906852752", "390477818340",
  "426127672474", "427150556519", "439872796651", "445142720921", "465867158099",
  "637958123769", "693412236332", "732624840810", "735421457923", "959235150393",
  "982842642351",
]);

/** RFC 4648 base32 without padding; undefined on a character outside the alphabet. */
export function base32Decode(text: string): Buffer | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const value = BASE32.indexOf(ch);
    if (value < 0) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4648 base32 without padding (used to build sample key ids). */
export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** True when the key id uses the old layout that carries no account id. */
export function isLegacyKeyId(keyId: string): boolean {
  return keyId[4] === "I" || keyId[4] === "J";
}

/** The 12-digit account id encoded in a 20-character access key id, or undefined. */
export function accountFromKeyId(keyId: string): string | undefined {
  if (keyId.length !== 20 || isLegacyKeyId(keyId)) return undefined;
  const bytes = base32Decode(keyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let x = 0n;
  for (const byte of bytes.subarray(0, 6)) x = (x << 8n) | BigInt(byte);
  return ((x & 0x7fffffffff80n) >> 7n).toString().padStart(12, "0");
}

/**
 * Build the 16 characters after the prefix for a given account (samples and tests only):
 * flag bit 47 set, account in bits 7..46, random low bits and trailing bytes.
 */
export function keyIdBodyForAccount(account: string, randomBytes: Uint8Array): string {
  const x = (1n << 47n) | (BigInt(account) << 7n) | BigInt((randomBytes[0] ?? 0) & 0x7f);
  const bytes = new Uint8Array(10);
  for (let i = 0; i < 6; i++) bytes[i] = Number((x >> BigInt(8 * (5 - i))) & 0xffn);
  for (let i = 6; i < 10; i++) bytes[i] = randomBytes[i - 5] ?? 0;
  return base32Encode(bytes);
}
