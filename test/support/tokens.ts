/** Token-shaped values built at test time (never committed as literals). */
import { ALPHABET, createRng, withBase62Crc } from "../../src/detector-kit/index.js";

export function githubToken(seed: number, prefix = "ghp"): string {
  return `${prefix}_${withBase62Crc(createRng(seed).chars(ALPHABET.base62, 30))}`;
}

export function railwayToken(seed: number): string {
  return createRng(seed).uuid();
}
