/**
 * Scans one piece of content (bytes with a path) for tokens. Knows nothing of where the bytes came
 * from: files, git blobs, tarball entries and stdin all come through here.
 *
 * Keyword hits from the automaton open windows of `rule.maxLength` on each side; the rule's regex
 * runs only there, on a latin1 view (one char per byte, so offsets are byte offsets).
 */
import type { Encoding, RawMatch } from "../types.js";
import type { CompiledRule, CompiledRuleSet } from "./compile.js";
import { WINDOW_MARGIN } from "./compile.js";
import { dropReason } from "./filters.js";
import { findEncodedRuns } from "./decode-layers.js";

export interface DroppedMatch {
  ruleId: string;
  line: number;
  reason: string;
}

export interface ContentScanResult {
  matches: RawMatch[];
  /** Candidates a filter rejected (checksum, placeholder...), for --debug. */
  dropped: DroppedMatch[];
}

export interface ScanContentOptions {
  /** Added to every reported line number (for chunks of a streamed file). */
  lineOffset?: number;
  /** Matches whose secret starts before this byte are ignored (the overlap with the previous chunk). */
  minStart?: number;
  /** How many encoding layers (base64, URL, JSON escapes) to look through. */
  decodeDepth?: number;
}

interface Span {
  compiled: CompiledRule;
  start: number;
  end: number;
  evidence?: string;
}

const MAX_LINE_CONTEXT = 400;

export function scanContent(
  bytes: Buffer,
  path: string,
  set: CompiledRuleSet,
  options: ScanContentOptions = {},
): ContentScanResult {
  const dropped: DroppedMatch[] = [];
  const spans = findSpans(bytes, path, set);
  const kept: Span[] = [];
  const lines = new LineIndex(bytes);
  for (const span of spans) {
    if (options.minStart !== undefined && span.start < options.minStart) continue;
    const secret = bytes.toString("utf8", span.start, span.end);
    const reason = dropReason(span.compiled, secret);
    if (reason) {
      dropped.push({ ruleId: span.compiled.ruleId, line: lines.lineOf(span.start) + (options.lineOffset ?? 0), reason });
      continue;
    }
    kept.push(span);
  }
  const matches = resolveOverlaps(kept).map((span) => toRawMatch(bytes, span, lines, options.lineOffset ?? 0));

  const depth = options.decodeDepth ?? 2;
  if (depth > 0) {
    for (const run of findEncodedRuns(bytes)) {
      const inner = scanContent(run.decoded, path, set, { decodeDepth: depth - 1 });
      for (const match of inner.matches) {
        if (matches.some((m) => m.start < run.end && run.start < m.end && m.secret === match.secret)) continue;
        const outer = toRawMatch(bytes, { compiled: set.byId.get(match.ruleId)!, start: run.start, end: run.end }, lines, options.lineOffset ?? 0);
        matches.push({ ...outer, secret: match.secret, evidence: match.evidence, encoding: match.encoding ?? run.encoding });
      }
      dropped.push(...inner.dropped.map((d) => ({ ...d, line: lines.lineOf(run.start) + 1 + (options.lineOffset ?? 0) })));
    }
  }
  matches.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { matches, dropped };
}

/** Regex matches of every rule whose keywords occur, each secret span once per rule. */
function findSpans(bytes: Buffer, path: string, set: CompiledRuleSet): Span[] {
  const windows = new Map<CompiledRule, number[]>();
  const pathAllowed = new Map<CompiledRule, boolean>();
  const allowed = (compiled: CompiledRule): boolean => {
    if (!compiled.pathMatcher) return true;
    let ok = pathAllowed.get(compiled);
    if (ok === undefined) {
      ok = compiled.pathMatcher(path);
      pathAllowed.set(compiled, ok);
    }
    return ok;
  };
  const keywordLengths = set.automaton.keywords.map((k) => k.length);
  set.automaton.scan(bytes, (keywordId, end) => {
    const begin = end - keywordLengths[keywordId]!;
    for (const compiled of set.keywordRules[keywordId]!) {
      if (!allowed(compiled)) continue;
      const from = Math.max(0, begin - compiled.reach);
      const to = Math.min(bytes.length, end + compiled.reach);
      const list = windows.get(compiled);
      if (!list) windows.set(compiled, [from, to]);
      else if (from <= list[list.length - 1]!) list[list.length - 1] = to;
      else list.push(from, to);
    }
  });
  for (const compiled of set.pathOnlyRules) {
    if (allowed(compiled)) windows.set(compiled, [0, bytes.length]);
  }

  const spans: Span[] = [];
  for (const [compiled, list] of windows) {
    const seen = new Set<number>();
    for (let i = 0; i < list.length; i += 2) {
      const from = list[i]!;
      const to = list[i + 1]!;
      const text = bytes.toString("latin1", from, to);
      const regex = compiled.regex;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const matchStart = m.index;
        const matchEnd = m.index + m[0].length;
        // A match touching a window edge may be cut short by it; its own keyword hit has a full window.
        if ((from > 0 && matchStart < WINDOW_MARGIN) || (to < bytes.length && matchEnd > text.length - WINDOW_MARGIN)) continue;
        const secretIndices = m.indices?.groups?.["secret"] ?? m.indices?.[0];
        if (!secretIndices) continue;
        const start = from + secretIndices[0];
        if (seen.has(start)) continue;
        seen.add(start);
        const evidence = m.groups?.["evidence"];
        spans.push({ compiled, start, end: from + secretIndices[1], evidence });
      }
    }
  }
  return spans;
}

/** Where two rules claim overlapping text, the more confident (then longer, then earlier) wins. */
function resolveOverlaps(spans: Span[]): Span[] {
  const ranked = [...spans].sort(
    (a, b) =>
      b.compiled.confidenceRank - a.compiled.confidenceRank ||
      b.end - b.start - (a.end - a.start) ||
      a.compiled.order - b.compiled.order ||
      a.start - b.start,
  );
  const kept: Span[] = [];
  for (const span of ranked) {
    if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span);
  }
  return kept;
}

function toRawMatch(bytes: Buffer, span: Span, lines: LineIndex, lineOffset: number, encoding?: Encoding): RawMatch {
  const startLine = lines.lineOf(span.start);
  const endLine = lines.lineOf(Math.max(span.start, span.end - 1));
  const startOfLine = lines.startOf(startLine);
  const lineEnd = lines.endOf(startLine);
  const previousStart = startLine > 0 ? lines.startOf(startLine - 1) : startOfLine;
  return {
    detectorId: span.compiled.detector.id,
    ruleId: span.compiled.ruleId,
    secret: bytes.toString("utf8", span.start, span.end),
    start: span.start,
    end: span.end,
    line: startLine + 1 + lineOffset,
    column: utf16Length(bytes, startOfLine, span.start) + 1,
    endLine: endLine + 1 + lineOffset,
    endColumn: utf16Length(bytes, lines.startOf(endLine), span.end) + 1,
    evidence: span.evidence,
    encoding,
    lineText: clip(bytes, startOfLine, lineEnd, span.start, span.end),
    previousLineText: startLine > 0 ? clip(bytes, previousStart, startOfLine - 1, startOfLine - 1, startOfLine - 1) : "",
  };
}

function utf16Length(bytes: Buffer, from: number, to: number): number {
  return bytes.toString("utf8", from, to).length;
}

/** The line's text, cut to a bounded piece around [start, end) for minified files. */
function clip(bytes: Buffer, lineStart: number, lineEnd: number, start: number, end: number): string {
  const from = Math.max(lineStart, start - MAX_LINE_CONTEXT);
  const to = Math.min(lineEnd, end + MAX_LINE_CONTEXT);
  return bytes.toString("utf8", from, to).replace(/\r$/, "");
}

/** Line numbers from byte offsets, built on first use. */
class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly bytes: Buffer) {}

  private get lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.bytes.indexOf(10); i !== -1; i = this.bytes.indexOf(10, i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** Zero-based line of a byte offset. */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  startOf(line: number): number {
    return this.lineStarts[line] ?? this.bytes.length;
  }

  /** Offset of the newline ending the line (or the end of content). */
  endOf(line: number): number {
    const next = this.lineStarts[line + 1];
    return next === undefined ? this.bytes.length : next - 1;
  }
}
