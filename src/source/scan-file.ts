/**
 * Reads one file from disk and scans it. Synchronous: it runs inside worker threads. Every problem
 * (vanished, unreadable, binary, too large) becomes a notice on the result, never an exception,
 * and never names more than the path, a size or an error code.
 */
import { closeSync, constants, fstatSync, openSync } from "node:fs";
import { scanContent, type CompiledRuleSet } from "../engine/index.js";
import type { FileScanResult, Notice, RawMatch } from "../types.js";
import { displayPath } from "../walk/names.js";
import type { DiskWalkEntry } from "../walk/walker.js";
import { scanInChunks, type ChunkSink } from "./chunked-scan.js";
import { formatSize } from "./format-size.js";
import { readAt } from "./read-fd.js";

/** Files above this are scanned in chunks of this size. */
export const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;
/** A NUL byte in this many first bytes makes a file binary (as git and ripgrep decide). */
export const BINARY_SNIFF_BYTES = 8000;
/** How much of a file `related.content` patterns are tested against. */
export const RELATED_CONTENT_LIMIT = 4 * 1024 * 1024;
const MIN_CHUNK_SIZE = 64;

// Never follow a symlink swapped in since the walk; never block opening a FIFO swapped in.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export interface ScanFileOptions {
  /** Larger files are skipped with a "too-large" notice. */
  maxFileSize: number;
  /** Files larger than this are read and scanned in chunks of this size (default 16 MiB). */
  chunkSize?: number;
}

export function scanFile(entry: DiskWalkEntry, ruleSet: CompiledRuleSet, options: ScanFileOptions): FileScanResult {
  const result: FileScanResult = { entry, matches: [], dropped: [], notices: [], bytesScanned: 0, relatedContent: [], skipped: false };
  const skip = (kind: Notice["kind"], message: string): FileScanResult => {
    result.notices.push({ path: displayPath(entry.relPath), kind, message });
    result.skipped = true;
    return result;
  };

  let fd: number;
  try {
    fd = openSync(pathOf(entry), OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return skip("vanished", "file disappeared before it could be read");
    if (code === "EACCES" || code === "EPERM") return skip("unreadable", "permission denied; not scanned");
    if (code === "ELOOP") return skip("symlink", "replaced by a symlink since the walk; not followed");
    return skip("unreadable", `cannot open (${code ?? "error"}); not scanned`);
  }

  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return skip("other", "not a regular file any more; skipped");
    const size = stats.size;
    const chunkSize = Math.max(MIN_CHUNK_SIZE, options.chunkSize ?? DEFAULT_CHUNK_SIZE);

    if (size <= chunkSize && size <= options.maxFileSize) {
      // UTF-16 text (Windows PowerShell's `>` writes it, BOM first) is full of NUL bytes: transcode it.
      const content = fromUtf16(readAt(fd, size, 0));
      if (isBinary(content)) return skip("binary", `binary file (NUL byte in the first ${BINARY_SNIFF_BYTES} bytes); skipped`);
      const scanned = scanContent(content, entry.relPath, ruleSet);
      result.matches = scanned.matches;
      result.dropped = scanned.dropped;
      result.bytesScanned = content.length;
      Object.assign(result, fileContext(result.matches, ruleSet, () => content.toString("utf8", 0, RELATED_CONTENT_LIMIT)));
      return result;
    }

    // Large: sniff the head first, so a 1 GB binary costs one small read.
    const head = readAt(fd, Math.min(size, BINARY_SNIFF_BYTES), 0);
    if (utf16Encoding(head) !== undefined) {
      return skip("not-utf8", `UTF-16 text above ${formatSize(chunkSize)} is not scanned; convert it to UTF-8`);
    }
    if (isBinary(head)) {
      return skip("binary", `binary file (NUL byte in the first ${BINARY_SNIFF_BYTES} bytes); skipped`);
    }
    if (size > options.maxFileSize) {
      return skip("too-large", `${formatSize(size)} is above the ${formatSize(options.maxFileSize)} limit; not scanned (raise it with --max-file-size)`);
    }
    const sink: ChunkSink = { matches: result.matches, dropped: result.dropped, bytesScanned: 0 };
    try {
      scanInChunks(fd, size, entry.relPath, ruleSet, chunkSize, sink);
    } finally {
      result.bytesScanned = sink.bytesScanned;
    }
    Object.assign(result, fileContext(result.matches, ruleSet, () => readAt(fd, Math.min(size, RELATED_CONTENT_LIMIT), 0).toString("utf8")));
    return result;
  } catch (error) {
    // A read error part-way (EIO, a file truncated under us...): keep what was found.
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    result.notices.push({
      path: displayPath(entry.relPath),
      kind: "unreadable",
      message: `read failed (${code}) after ${result.bytesScanned} bytes; the rest is not scanned`,
    });
    result.skipped = result.bytesScanned === 0;
    return result;
  } finally {
    closeSync(fd);
  }
}

function pathOf(entry: DiskWalkEntry): string | Buffer {
  const raw = entry.rawPath;
  return raw ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) : entry.absPath;
}

/** UTF-16 text: a byte-order mark, and the NUL bytes that make it look binary otherwise. */
function utf16Encoding(bytes: Buffer): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || !isBinary(bytes)) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** UTF-8 bytes of a UTF-16 file with a byte-order mark; other content unchanged. */
function fromUtf16(bytes: Buffer): Buffer {
  const encoding = utf16Encoding(bytes);
  if (!encoding) return bytes;
  return Buffer.from(new TextDecoder(encoding).decode(bytes.subarray(2)), "utf8");
}

function isBinary(head: Buffer): boolean {
  return head.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** Most identifiers kept per detector and file: enough to pair a token, bounded on hostile input. */
const MAX_IDENTIFIERS = 8;

/**
 * What the file's first 4 MiB tell each detector that has matches here: whether the file uses that
 * provider (`related.content`) and the provider's public identifiers in it. The text is read once,
 * and only when some detector asks.
 */
function fileContext(
  matches: readonly RawMatch[],
  ruleSet: CompiledRuleSet,
  text: () => string,
): Pick<FileScanResult, "relatedContent" | "identifiers"> {
  const relatedContent: string[] = [];
  let identifiers: Record<string, string[]> | undefined;
  let content: string | undefined;
  for (const detectorId of [...new Set(matches.map((m) => m.detectorId))].sort()) {
    const detector = ruleSet.rules.find((r) => r.detector.id === detectorId)?.detector;
    const { content: related } = detector?.related ?? {};
    if (related) {
      content ??= text();
      // A copy without g/y: `search` must look at the whole text whatever state the pattern carries.
      if (content.search(new RegExp(related.source, related.flags.replace(/[gy]/g, ""))) !== -1) relatedContent.push(detectorId);
    }
    const pattern = detector?.identifiers;
    if (pattern) {
      content ??= text();
      const seen = new Set<string>();
      for (const m of content.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`))) {
        seen.add(m[0]);
        if (seen.size >= MAX_IDENTIFIERS) break;
      }
      if (seen.size > 0) (identifiers ??= {})[detectorId] = [...seen];
    }
  }
  return { relatedContent, identifiers };
}
