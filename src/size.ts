import { UsageError } from "./errors.js";

const UNITS: Record<string, number> = {
  "": 1, b: 1, k: 1024, kb: 1000, kib: 1024, m: 1024 ** 2, mb: 1e6, mib: 1024 ** 2, g: 1024 ** 3, gb: 1e9, gib: 1024 ** 3,
};

/** "512KiB", "10MB", "1g", "4096" -> bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d{1,15}(?:\.\d{1,6})?)\s*([a-z]{0,3})\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`--max-file-size: cannot read "${text}" as a size (examples: 4096, 512KiB, 10MB, 1GiB)`);
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes <= 0) throw new UsageError(`--max-file-size must be positive, got "${text}"`);
  return bytes;
}
