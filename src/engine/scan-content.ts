/**
 * Scans one piece of content (bytes with a path) for tokens. Knows nothing of where the bytes came
 * from: files, git blobs, tarball entries and stdin all come through here.
 *
 * One pass of the keyword automaton over the bytes finds every keyword hit (overlapping ones
 * included), the base64 forms of the distinctive keywords and the decode-layer cues. Each keyword
 * hit opens a window of the rule's reach on each side (its declared `maxLength`, or more when its
 * pattern can match or look further, see compile.ts); windows of one rule merge, and the rule's
 * regex runs only there, on a latin1 view (one char per byte, so offsets are byte offsets).
 * Encoded runs (decode-layers.ts) are decoded, scanned as one more piece of content, and their
 * matches reported at the encoded text's place with their `encoding`.
 */
import type { Encoding, RawMatch } from "../types.js";
import type { CompiledRule, CompiledRuleSet } from "./compile.js";
import { WINDOW_MARGIN } from "./compile.js";
import { dropReason } from "./filters.js";
import { findEncodedRuns, LAYER_CUES, outerSpan, type CueHits, type EncodedFormHit, type EncodedRun } from "./decode-layers.js";
import { HitList } from "./keyword-automaton.js";

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
  const encodedHits: EncodedFormHit[] = [];
  const cues: CueHits = LAYER_CUES.map(() => []);
  const spans = findSpans(bytes, path, set, encodedHits, cues);
  const kept: Span[] = [];
  const rejected: Span[] = [];
  const lines = new LineIndex(bytes);
  const lineNumber = (span: Span): number => lines.lineOf(span.start) + 1 + (options.lineOffset ?? 0);
  for (const span of spans) {
    if (options.minStart !== undefined && span.start < options.minStart) continue;
    const secret = bytes.toString("utf8", span.start, span.end);
    const reason = dropReason(span.compiled, secret);
    if (reason) {
      dropped.push({ ruleId: span.compiled.ruleId, line: lineNumber(span), reason });
      if (span.compiled.confidenceRank > LOW_CONFIDENCE) rejected.push(span);
      continue;
    }
    kept.push(span);
  }
  const matches = withoutRejectedText(resolveOverlaps(kept), rejected, (span, by) =>
    dropped.push({ ruleId: span.compiled.ruleId, line: lineNumber(span), reason: `${by.compiled.ruleId} rejected this text` }),
  )
    .sort((a, b) => a.start - b.start)
    .map((span) => toRawMatch(bytes, span, lines, options.lineOffset ?? 0));

  const depth = options.decodeDepth ?? 2;
  if (depth > 0) {
    const runs = findEncodedRuns(bytes, encodedHits, cues);
    if (runs.length > 0) {
      scanDecodedLayer(bytes, path, set, runs, depth - 1, lines, options, matches, dropped);
    }
  }
  matches.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { matches, dropped };
}

/** Separates decoded runs in the layer buffer: no token character, so no match spans two runs. */
const RUN_SEPARATOR = Buffer.from("\n\0\n", "latin1");

/**
 * Scans the decoded runs as one layer buffer (`label: decoded` per run) and reports what it finds
 * at the encoded text's place in the outer content. A plain match of the same rule over the same
 * text wins: the decoded one would only repeat it.
 */
function scanDecodedLayer(
  bytes: Buffer,
  path: string,
  set: CompiledRuleSet,
  runs: EncodedRun[],
  depth: number,
  lines: LineIndex,
  options: ScanContentOptions,
  matches: RawMatch[],
  dropped: DroppedMatch[],
): void {
  const parts: Buffer[] = [];
  const dataStarts: number[] = [];
  let length = 0;
  for (const run of runs) {
    if (run.label !== undefined) {
      const label = Buffer.from(`${run.label}: `, "latin1");
      parts.push(label);
      length += label.length;
    }
    dataStarts.push(length);
    parts.push(run.decoded, RUN_SEPARATOR);
    length += run.decoded.length + RUN_SEPARATOR.length;
  }
  const layer = Buffer.concat(parts, length);
  const inner = scanContent(layer, path, set, { decodeDepth: depth });
  const lineOffset = options.lineOffset ?? 0;
  const runAt = (offset: number): number => {
    let low = 0;
    let high = dataStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (dataStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  let plainCount = matches.length;
  for (const match of inner.matches) {
    const index = runAt(match.start);
    const run = runs[index]!;
    const from = match.start - dataStarts[index]!;
    const to = match.end - dataStarts[index]!;
    if (from < 0 || to > run.decoded.length) continue; // in a label, or across runs
    const { start, end } = outerSpan(run, from, to);
    if (options.minStart !== undefined && start < options.minStart) continue;
    const overlaps = (m: RawMatch): boolean => m.start < end && start < m.end;
    if (matches.some((m, k) => overlaps(m) && m.ruleId === match.ruleId && (k < plainCount || m.secret === match.secret))) continue;
    const compiled = set.byId.get(match.ruleId)!;
    // What the encoded text decodes to says more than a less confident rule that matched the
    // encoded text itself (a generic "high-entropy value" rule on the base64): the decoded one wins.
    for (let k = plainCount - 1; k >= 0; k--) {
      const plain = matches[k]!;
      if (overlaps(plain) && set.byId.get(plain.ruleId)!.confidenceRank < compiled.confidenceRank) {
        matches.splice(k, 1);
        plainCount--;
      }
    }
    const outer = toRawMatch(bytes, { compiled, start, end }, lines, lineOffset, match.encoding ?? run.encoding);
    matches.push({ ...outer, secret: match.secret, evidence: match.evidence });
  }
  for (const d of inner.dropped) {
    const run = runs[runAt(layerOffsetOfLine(layer, d.line))]!;
    dropped.push({ ...d, line: lines.lineOf(run.start) + 1 + lineOffset });
  }
}

/** Byte offset where the 1-based line `line` of `bytes` starts. */
function layerOffsetOfLine(bytes: Buffer, line: number): number {
  let offset = 0;
  for (let n = 1; n < line && offset !== -1; n++) {
    const next = bytes.indexOf(10, offset);
    offset = next === -1 ? bytes.length : next + 1;
  }
  return offset;
}

/** Per-thread scratch space of findSpans (scanContent is synchronous: one file at a time). */
const hitList = new HitList();

/** Hits of each decode-layer trigger kept per piece of content. */
const MAX_LAYER_TRIGGERS = 4096;

/** Files whose windows cover more than this share of their bytes are decoded to text once. */
const WHOLE_TEXT_SHARE = 0.25;

/**
 * Regex matches of every rule whose keywords occur, each secret span once per rule. Also hands
 * back the hits of encoded keyword forms and layer cues, for the decode layers.
 */
function findSpans(bytes: Buffer, path: string, set: CompiledRuleSet, encodedHits: EncodedFormHit[], cues: CueHits): Span[] {
  const hits = set.automaton.collect(bytes, hitList.reset());
  const { keywordCount, cueBase, keywordRules, keywordLengths } = set;
  // Windows per rule, as flat [from, to, from, to...] lists, merged as they come.
  const windows = new Map<CompiledRule, number[]>();
  let pathAllowed: Map<CompiledRule, boolean> | undefined;
  const allowed = (compiled: CompiledRule): boolean => {
    if (!compiled.pathMatcher) return true;
    pathAllowed ??= new Map();
    let ok = pathAllowed.get(compiled);
    if (ok === undefined) {
      ok = compiled.pathMatcher(path);
      pathAllowed.set(compiled, ok);
    }
    return ok;
  };
  const data = hits.data;
  for (let h = 0; h < hits.length; h += 2) {
    const id = data[h]!;
    const end = data[h + 1]!;
    if (id >= keywordCount) {
      // Decode-layer triggers, kept up to a budget: decoding is bounded work per file.
      if (id >= cueBase) {
        const list = cues[id - cueBase]!;
        if (list.length < MAX_LAYER_TRIGGERS) list.push(end - LAYER_CUES[id - cueBase]!.length);
      } else if (encodedHits.length < MAX_LAYER_TRIGGERS) {
        const form = set.encodedForms[id - keywordCount]!;
        encodedHits.push({ form, end, reach: set.keywordReach[form.keywordId]! });
      }
      continue;
    }
    const begin = end - keywordLengths[id]!;
    for (const compiled of keywordRules[id]!) {
      if (compiled.pathMatcher && !allowed(compiled)) continue;
      const from = begin > compiled.reach ? begin - compiled.reach : 0;
      const to = Math.min(bytes.length, end + compiled.reach);
      const list = windows.get(compiled);
      if (!list) {
        windows.set(compiled, [from, to]);
      } else if (from <= list[list.length - 1]!) {
        // Hits come in end order; a longer keyword may begin a little earlier than the last one.
        if (to > list[list.length - 1]!) list[list.length - 1] = to;
        if (from < list[list.length - 2]!) list[list.length - 2] = from;
      } else {
        list.push(from, to);
      }
    }
  }
  for (const compiled of set.pathOnlyRules) {
    if (allowed(compiled)) windows.set(compiled, [0, bytes.length]);
  }
  if (windows.size === 0) return [];

  // One latin1 decode of the whole file when windows cover much of it, else one per window.
  let covered = 0;
  for (const list of windows.values()) for (let i = 0; i < list.length; i += 2) covered += list[i + 1]! - list[i]!;
  const wholeText = covered > bytes.length * WHOLE_TEXT_SHARE ? bytes.toString("latin1") : undefined;

  const spans: Span[] = [];
  for (const [compiled, list] of windows) {
    const regex = compiled.regex;
    // Matches can repeat only across windows (a match found in one window is found whole).
    const starts = list.length > 2 ? new Set<number>() : undefined;
    for (let i = 0; i < list.length; i += 2) {
      const from = list[i]!;
      const to = list[i + 1]!;
      const text = wholeText !== undefined ? wholeText.slice(from, to) : bytes.toString("latin1", from, to);
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
        if (starts) {
          if (starts.has(start)) continue;
          starts.add(start);
        }
        spans.push({ compiled, start, end: from + secretIndices[1], evidence: m.groups?.["evidence"] });
      }
    }
  }
  return spans;
}

const LOW_CONFIDENCE = 1;

/**
 * A provider rule that recognised a value and rejected it (wrong checksum, documented example,
 * placeholder) knows better than a low-confidence generic rule: the generic rule may not report
 * that text again.
 */
function withoutRejectedText(kept: Span[], rejected: Span[], onDrop: (span: Span, by: Span) => void): Span[] {
  if (rejected.length === 0) return kept;
  const byStart = [...rejected].sort((a, b) => a.start - b.start);
  const longest = Math.max(...byStart.map((r) => r.end - r.start));
  return kept.filter((span) => {
    if (span.compiled.confidenceRank !== LOW_CONFIDENCE) return true;
    // Rejected spans starting before span.end, walked back while they could still reach span.start.
    let low = 0;
    let high = byStart.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byStart[mid]!.start < span.end) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0 && byStart[i]!.start + longest > span.start; i--) {
      const by = byStart[i]!;
      if (by.end > span.start && by.compiled.confidenceRank > span.compiled.confidenceRank) {
        onDrop(span, by);
        return false;
      }
    }
    return true;
  });
}

/** Where two rules claim overlapping text, the more confident (then longer, then earlier) wins. */
function resolveOverlaps(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const ranked = [...spans].sort(
    (a, b) =>
      b.compiled.confidenceRank - a.compiled.confidenceRank ||
      b.end - b.start - (a.end - a.start) ||
      a.compiled.order - b.compiled.order ||
      a.start - b.start,
  );
  // Kept spans never overlap, so sorted by start they are sorted by end too: binary search.
  const kept: Span[] = [];
  for (const span of ranked) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept[mid]!.end <= span.start) low = mid + 1;
      else high = mid;
    }
    if (low < kept.length && kept[low]!.start < span.end) continue;
    kept.splice(low, 0, span);
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
    column: lines.columnOf(startLine, span.start) + 1,
    endLine: endLine + 1 + lineOffset,
    endColumn: lines.columnOf(endLine, span.end) + 1,
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

  /** Last column computed: matches come in order, so the next one on the line continues from it. */
  private cursor = { line: -1, offset: 0, column: 0 };

  /**
   * Zero-based UTF-16 column of a byte offset on `line`. Counted from the last offset asked for
   * on the same line when that is not past it, so that many matches on one minified line cost one
   * pass over it, not one per match.
   */
  columnOf(line: number, offset: number): number {
    const cursor = this.cursor;
    if (cursor.line !== line || cursor.offset > offset) {
      cursor.line = line;
      cursor.offset = this.startOf(line);
      cursor.column = 0;
    }
    cursor.column += utf16Length(this.bytes, cursor.offset, offset);
    cursor.offset = offset;
    return cursor.column;
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
