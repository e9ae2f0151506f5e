/** Checksums used by token formats (GitHub, npm, GitLab routable tokens). */
import { crc32 } from "node:zlib";
import { ALPHABET } from "./random.js";

/** Encode a non-negative integer in base 62 (0-9A-Za-z), left-padded with `0` to `width`. */
export function toBase62(value: number, width: number): string {
  let out = "";
  let rest = value;
  while (rest > 0) {
    out = ALPHABET.base62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, "0");
}

/** Encode a non-negative integer in base 36 (0-9a-z), left-padded with `0` to `width`. */
export function toBase36(value: number, width: number): string {
  return value.toString(36).padStart(width, "0");
}

/** CRC-32 (IEEE, as zlib) of the ASCII text. */
export function crc32Of(text: string): number {
  return crc32(Buffer.from(text, "latin1")) >>> 0;
}

/**
 * GitHub `gh?_` and npm `npm_` tokens: the body ends with the 6-character base62 CRC-32 of the
 * random part that precedes it.
 */
export function hasBase62Crc(body: string, checksumLength = 6): boolean {
  if (body.length <= checksumLength) return false;
  const random = body.slice(0, -checksumLength);
  return toBase62(crc32Of(random), checksumLength) === body.slice(-checksumLength);
}

/** Append the base62 CRC-32 of `random` (used to build samples). */
export function withBase62Crc(random: string, checksumLength = 6): string {
  return random + toBase62(crc32Of(random), checksumLength);
}
