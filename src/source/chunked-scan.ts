/**
 * Scans a large file in fixed-size chunks so memory stays flat, with the same matches (offsets,
 * lines, columns, line context) as one scan of the whole file.
 *
 * Each chunk "owns" the matches whose secret starts in [owned, ownedEnd). The buffer scanned holds
 * `overlap` bytes more on each side: before, so a match starting in the owned range has its
 * keyword window, look-behind and line context; after, so a match starting near the end is never
 * cut short. Line numbers come from the engine's `lineOffset`; columns and the "line above" of a
 * match on the first lines of a chunk are fixed up here, since that line began before the buffer.
 */
import { scanContent, type CompiledRuleSet, type DroppedMatch } from "../engine/index.js";
import type { RawMatch } from "../types.js";
import { readAt, readFully } from "./read-fd.js";

/** The engine keeps this many bytes of line context around a match (scan-content.ts MAX_LINE_CONTEXT). */
const ENGINE_LINE_CONTEXT = 400;
/** Extra overlap beyond the longest rule reach, covering that context. */
const CONTEXT_MARGIN = 512;
const NEWLINE = 0x0a;

/** Where a chunked scan puts what it finds (kept by the caller even if a read fails half-way). */
export interface ChunkSink {
  matches: RawMatch[];
  dropped: DroppedMatch[];
  /** Highest file offset read so far. */
  bytesScanned: number;
}

export function scanInChunks(fd: number, size: number, path: string, ruleSet: CompiledRuleSet, chunkSize: number, sink: ChunkSink): void {
  const overlap = ruleSet.maxReach + CONTEXT_MARGIN;
  const buffer = Buffer.allocUnsafe(chunkSize + 2 * overlap + 4);

  let owned = 0; // first file offset this chunk owns
  let start = 0; // file offset of buffer[0]
  let lineOffset = 0; // newlines before `start`
  let columnBase = 0; // UTF-16 units from the start of its line to `start`
  let lastNewline = -1; // file offset of the last newline before `start`
  let carried: RawMatch[] = []; // previous chunk's matches that reach into this chunk's owned range
  let previousDropped = new Set<string>();

  for (;;) {
    const ownedEnd = Math.min(size, owned + chunkSize);
    const end = Math.min(size, ownedEnd + overlap);
    const length = readFully(fd, buffer, 0, end - start, start);
    const bytes = buffer.subarray(0, length);
    sink.bytesScanned = Math.max(sink.bytesScanned, start + length);
    // A file that shrank since fstat ends here.
    const last = ownedEnd >= size || length < end - start;

    const result = scanContent(bytes, path, ruleSet, { lineOffset, minStart: owned - start });
    const firstLinePartial = start > 0 && lastNewline !== start - 1;
    const kept: RawMatch[] = [];
    for (const match of result.matches) {
      const fileStart = match.start + start;
      if (fileStart < owned || (!last && fileStart >= ownedEnd)) continue;
      const fixed: RawMatch = { ...match, start: fileStart, end: match.end + start };
      if (match.line === lineOffset + 1) {
        fixed.column += columnBase;
        if (start > 0) fixed.previousLineText = lineEndingAt(fd, lastNewline);
      } else if (match.line === lineOffset + 2 && firstLinePartial) {
        fixed.previousLineText = lineEndingAt(fd, start + bytes.indexOf(NEWLINE));
      }
      if (match.endLine === lineOffset + 1) fixed.endColumn += columnBase;
      kept.push(fixed);
    }
    mergeAcrossBoundary(sink.matches, carried, kept, ruleSet);
    carried = kept.filter((m) => m.end > ownedEnd);

    const droppedKeys = new Set<string>();
    for (const drop of result.dropped) {
      const key = `${drop.ruleId}\u0000${drop.line}\u0000${drop.reason}`;
      droppedKeys.add(key);
      // The same candidate in the overlap is seen by two chunks.
      if (!previousDropped.has(key)) sink.dropped.push(drop);
    }
    previousDropped = droppedKeys;

    if (last) return;

    // The next buffer starts `overlap` before the next owned range, on a UTF-8 character start.
    let nextStart = ownedEnd - overlap;
    for (let back = 0; back < 3 && nextStart > start && (bytes[nextStart - start]! & 0xc0) === 0x80; back++) nextStart--;
    const advance = nextStart - start;
    if (advance > 0) {
      const newline = bytes.lastIndexOf(NEWLINE, advance - 1);
      lineOffset += countNewlines(bytes, advance);
      if (newline !== -1) {
        lastNewline = start + newline;
        columnBase = bytes.toString("utf8", newline + 1, advance).length;
      } else {
        columnBase += bytes.toString("utf8", 0, advance).length;
      }
    }
    start = nextStart;
    owned = ownedEnd;
  }
}

/**
 * Adds this chunk's matches, resolving overlaps with the previous chunk's matches the way the
 * engine does inside one buffer: more confident, then longer, then earlier rule wins.
 */
function mergeAcrossBoundary(all: RawMatch[], carried: readonly RawMatch[], kept: readonly RawMatch[], ruleSet: CompiledRuleSet): void {
  const rank = (m: RawMatch): number[] => {
    const compiled = ruleSet.byId.get(m.ruleId);
    return [compiled?.confidenceRank ?? 0, m.end - m.start, -(compiled?.order ?? 0), -m.start];
  };
  const better = (a: RawMatch, b: RawMatch): boolean => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! > rb[i]!;
    return false;
  };
  const removed = new Set<RawMatch>();
  for (const match of kept) {
    const rival = carried.find((c) => !removed.has(c) && c.start < match.end && match.start < c.end);
    if (!rival) {
      all.push(match);
    } else if (better(match, rival)) {
      removed.add(rival);
      all.push(match);
    }
  }
  if (removed.size > 0) {
    for (let i = all.length - 1; i >= 0; i--) if (removed.has(all[i]!)) all.splice(i, 1);
  }
}

/** The text of the line that ends with the newline at `newline` (its last bytes, as the engine keeps them). */
function lineEndingAt(fd: number, newline: number): string {
  if (newline < 0) return "";
  const from = Math.max(0, newline - ENGINE_LINE_CONTEXT);
  const tail = readAt(fd, newline - from, from);
  const previousNewline = tail.lastIndexOf(NEWLINE);
  return tail.toString("utf8", previousNewline + 1).replace(/\r$/, "");
}

function countNewlines(bytes: Buffer, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}
