/** Synchronous positioned reads (scanning runs in worker threads, where blocking reads are cheapest). */
import { readSync } from "node:fs";

/** Reads `length` bytes at `position` into `buffer` at `offset`; fewer only at end of file. Returns the count. */
export function readFully(fd: number, buffer: Buffer, offset: number, length: number, position: number): number {
  let total = 0;
  while (total < length) {
    const n = readSync(fd, buffer, offset + total, length - total, position + total);
    if (n === 0) break;
    total += n;
  }
  return total;
}

/** A fresh buffer with up to `length` bytes read at `position`. */
export function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  return buffer.subarray(0, readFully(fd, buffer, 0, length, position));
}
