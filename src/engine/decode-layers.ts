/** Finds encoded runs (base64, URL-encoding, JSON escapes) worth decoding and scanning again. */
import type { Encoding } from "../types.js";

export interface EncodedRun {
  encoding: Encoding;
  /** Byte offsets of the encoded text in the outer content. */
  start: number;
  end: number;
  decoded: Buffer;
}

export function findEncodedRuns(_bytes: Buffer): EncodedRun[] {
  return [];
}
