/**
 * Seeded randomness for detector samples. Samples are generated at test time so that no committed
 * string looks like a live token (our own scan stays clean, GitHub push protection stays quiet).
 */

export const ALPHABET = {
  base62: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  alnumLower: "0123456789abcdefghijklmnopqrstuvwxyz",
  alnumUpper: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  hex: "0123456789abcdef",
  hexUpper: "0123456789ABCDEF",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  digits: "0123456789",
  letters: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
} as const;

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
  pick<T>(items: readonly T[]): T;
  /** A random RFC 4122 version-4 UUID (lowercase). */
  uuid(): string;
  hex(length: number): string;
}

/** mulberry32: small, fast, good enough to spread sample characters. Not for cryptography. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  const chars = (alphabet: string, length: number): string => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
    return out;
  };
  const hex = (length: number): string => chars(ALPHABET.hex, length);
  return {
    next,
    int,
    chars,
    hex,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(4)]}${hex(3)}-${hex(12)}`,
  };
}
