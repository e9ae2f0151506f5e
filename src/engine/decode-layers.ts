/**
 * Finds encoded runs (base64, URL-encoding, JSON escapes) worth decoding and scanning again.
 *
 * Nothing is decoded wholesale: the corpus of a real repository is full of base64 (data URIs,
 * source maps, lockfile hashes). A run is decoded only on a cheap trigger:
 * - base64: a verified hit of a keyword's base64 form (found by the keyword automaton in its one
 *   pass, see encoded-keywords.ts) opens a small window around it; Kubernetes Secret `data:`
 *   values, `.dockerconfigjson` / `.dockercfg` values and docker config `"auth"` values are
 *   decoded whole, labelled with their key name so rules that need a variable name see one;
 * - URL-encoding: a `%XX` that stands for a character tokens and URLs with credentials are made of;
 * - JSON escapes: a `\uXXXX` for an ASCII token character, or `\/`.
 */
import type { Encoding } from "../types.js";
import type { EncodedKeywordForm } from "./encoded-keywords.js";

export interface EncodedRun {
  encoding: Encoding;
  /** Byte offsets of the encoded text in the outer content. */
  start: number;
  end: number;
  decoded: Buffer;
  /** The key the value was assigned to: scanned as `label: decoded` so that evidence rules see a name. */
  label?: string;
  /**
   * Outer offset of each decoded byte, and one more for the end (URL and JSON runs). Base64 runs
   * map arithmetically: `start` is aligned on a 4-character group.
   */
  offsets?: Int32Array;
}

/** A keyword automaton hit on an encoded keyword form: the form and the end offset of the hit. */
export interface EncodedFormHit {
  form: EncodedKeywordForm;
  end: number;
  /** Longest reach of the rules the keyword routes to. */
  reach: number;
}

/**
 * Literals whose hits (the keyword automaton finds them in its one pass) trigger the URL,
 * JSON-escape and manifest layers. The automaton folds case: hits are checked again here.
 */
export const LAYER_CUES = ["%", "\\/", "\\u00", "secret", '"auth"', ".dockerc"] as const;
const CUE = { percent: 0, escapedSlash: 1, unicodeEscape: 2, secret: 3, auth: 4, docker: 5 } as const;

/** Start offsets of each cue's occurrences, indexed like LAYER_CUES (in increasing order). */
export type CueHits = number[][];

/** The cue hits of `bytes` found without the automaton (for callers that scan content directly). */
export function findCues(bytes: Buffer): CueHits {
  return LAYER_CUES.map((cue) => {
    const found: number[] = [];
    const needle = Buffer.from(cue, "latin1");
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) found.push(at);
    return found;
  });
}

/** Bounds that keep one file's decoding work small whatever its content. */
const MAX_RUNS = 256;
const MAX_WHOLE_VALUE = 64 * 1024;
const MAX_ESCAPED_RUN = 4096;
/** URL and JSON runs shorter than this (decoded) hide no token worth the work. */
const MIN_ESCAPED_RUN = 16;
/** A decoded window reaches this far past the rule reach, for the keyword's own bytes. */
const WINDOW_SLACK = 8;

const BASE64_CHAR = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_") BASE64_CHAR[c.charCodeAt(0)] = 1;
/** Characters of an URL or token run (without the escapes themselves). */
const RUN_CHAR = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+/=:@?&;,!$*-") RUN_CHAR[c.charCodeAt(0)] = 1;
/** Characters whose escaping hides a token or a URL's credentials (escaping them is not needed). */
const HIDING_CHAR = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.:@") HIDING_CHAR[c.charCodeAt(0)] = 1;
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX["0123456789abcdef".charCodeAt(i)] = i;
  HEX["0123456789ABCDEF".charCodeAt(i)] = i;
}

export function findEncodedRuns(
  bytes: Buffer,
  hits: readonly EncodedFormHit[] = [],
  cues: CueHits = findCues(bytes),
): EncodedRun[] {
  const runs: EncodedRun[] = wholeValueRuns(bytes, cues);
  const add = (more: EncodedRun[]): void => {
    for (const run of more) if (runs.length < MAX_RUNS) runs.push(run);
  };
  if (hits.length > 0) add(keywordWindowRuns(bytes, hits, runs));
  if (cues[CUE.percent]!.length > 0) add(urlRuns(bytes, cues[CUE.percent]!));
  if (cues[CUE.escapedSlash]!.length + cues[CUE.unicodeEscape]!.length > 0) {
    const escapes = [...cues[CUE.escapedSlash]!, ...cues[CUE.unicodeEscape]!].sort((a, b) => a - b);
    add(jsonEscapeRuns(bytes, escapes));
  }
  return runs.length > MAX_RUNS ? runs.slice(0, MAX_RUNS) : runs;
}

/** Outer span of decoded bytes [from, to) of a run (relative to the run's decoded bytes). */
export function outerSpan(run: EncodedRun, from: number, to: number): { start: number; end: number } {
  if (run.offsets) {
    return { start: run.offsets[from]!, end: run.offsets[Math.max(from, to - 1)]! + (to > from ? endWidth(run, to - 1) : 0) };
  }
  const start = run.start + Math.floor((from * 8) / 6);
  const end = run.start + Math.floor((to * 8 - 1) / 6) + 1;
  return { start: Math.min(start, run.end), end: Math.min(end, run.end) };
}

/** Width in the outer text of the escape that produced decoded byte `index`. */
function endWidth(run: EncodedRun, index: number): number {
  const offsets = run.offsets!;
  let next = index + 1;
  // Several decoded bytes (a multi-byte \u escape) share one outer offset.
  while (next < offsets.length - 1 && offsets[next] === offsets[index]) next++;
  return offsets[next]! - offsets[index]!;
}

// ------------------------------------------------------------------------------------ base64

/** Windows around verified hits of encoded keyword forms, merged when they share a run and alignment. */
function keywordWindowRuns(bytes: Buffer, hits: readonly EncodedFormHit[], wholeRuns: readonly EncodedRun[]): EncodedRun[] {
  const windows: { start: number; end: number }[] = [];
  for (const { form, end: hitEnd, reach } of hits) {
    if (windows.length >= MAX_RUNS) break;
    const formStart = hitEnd - form.text.length;
    if (!bytes.subarray(formStart, hitEnd).equals(form.text)) continue; // the automaton folds case
    if (wholeRuns.some((r) => r.start <= formStart && hitEnd <= r.end)) continue;
    const groupStart = formStart - form.groupOffset;
    const previous = windows[windows.length - 1];
    // Inside the last window, on the same 4-character grid: decoded there already.
    if (previous && hitEnd <= previous.end && (((groupStart - previous.start) % 4) + 4) % 4 === 0) continue;
    const reachChars = 4 * Math.ceil((reach + WINDOW_SLACK) / 3);
    let start = formStart;
    const leftLimit = Math.max(0, groupStart - reachChars);
    while (start > leftLimit && BASE64_CHAR[bytes[start - 1]!] === 1) start--;
    start += (((groupStart - start) % 4) + 4) % 4; // back on the hit's 4-character grid
    let end = hitEnd;
    const rightLimit = Math.min(bytes.length, groupStart + 4 * Math.ceil((form.keywordLength + 2) / 3) + reachChars);
    while (end < rightLimit && BASE64_CHAR[bytes[end]!] === 1) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end && (start - last.start) % 4 === 0) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows.map(({ start, end }) => ({
    encoding: "base64" as const,
    start,
    end,
    decoded: Buffer.from(bytes.toString("latin1", start, end), "base64"),
  }));
}

const SECRET_KIND = /\bkind["']?[ \t]*:[ \t]*["']?Secret\b/;
const DOCKER_KEYS = [".dockerconfigjson", ".dockercfg"];
/** `key: value` (YAML) or `"key": "value"` (JSON) where the value is all base64. */
const KEY_VALUE =
  /(?:^|[\s{,])["']?(?<key>[A-Za-z0-9_.-]{1,128})["']?[ \t]*:[ \t]*["']?(?<value>[A-Za-z0-9+/]{4,65536}={0,2})["']?[ \t]*(?=[,}\r\n]|$)/dgm;
const DOCKER_AUTH = /"auth"[ \t]*:[ \t]*"(?<value>[A-Za-z0-9+/]{4,65536}={0,2})"/dy;

/** Values decoded whole: Kubernetes Secret data, docker config JSON, docker `"auth"` values. */
function wholeValueRuns(bytes: Buffer, cues: CueHits): EncodedRun[] {
  const runs: EncodedRun[] = [];
  const secretManifest = cues[CUE.secret]!.some((at) => isSecretKind(bytes, at));
  const dockerConfig = cues[CUE.docker]!.some((at) => {
    const text = bytes.toString("latin1", at, at + 17);
    return DOCKER_KEYS.some((key) => text.startsWith(key));
  });
  if (secretManifest || dockerConfig) {
    const text = bytes.toString("latin1");
    for (const m of text.matchAll(KEY_VALUE)) {
      const key = m.groups!["key"]!;
      if (!secretManifest && !DOCKER_KEYS.includes(key)) continue;
      const value = m.groups!["value"]!;
      if (value.length < 8 || value.length > MAX_WHOLE_VALUE) continue;
      const start = m.indices!.groups!["value"]![0];
      const run = decodedValue(key, value, start);
      if (run) runs.push(run);
      if (runs.length >= MAX_RUNS) return runs;
    }
  }
  for (const at of cues[CUE.auth]!) {
    if (runs.length >= MAX_RUNS) break;
    const window = bytes.toString("latin1", at, Math.min(bytes.length, at + MAX_WHOLE_VALUE + 16));
    DOCKER_AUTH.lastIndex = 0;
    const m = DOCKER_AUTH.exec(window);
    if (m) {
      const value = m.groups!["value"]!;
      const start = at + m.indices!.groups!["value"]![0];
      if (runs.some((r) => r.start === start)) continue;
      const run = decodedValue("auth", value, start);
      if (run) runs.push(run);
    }
  }
  return runs;
}

function isSecretKind(bytes: Buffer, at: number): boolean {
  return bytes[at] === 0x53 && SECRET_KIND.test(bytes.toString("latin1", Math.max(0, at - 24), at + 7));
}

/** A base64 value decoded, kept only when it decodes to text (a token or a config, not a blob). */
function decodedValue(label: string, value: string, start: number): EncodedRun | undefined {
  const decoded = Buffer.from(value, "base64");
  if (decoded.length === 0 || !mostlyText(decoded)) return undefined;
  return { encoding: "base64", start, end: start + value.replace(/=+$/, "").length, decoded, label };
}

function mostlyText(decoded: Buffer): boolean {
  let text = 0;
  for (const byte of decoded) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x80) text++;
  }
  return text >= decoded.length * 0.95;
}

// ------------------------------------------------------------------------ URL and JSON escapes

/** Runs of URL or token characters holding `%XX` escapes of characters that did not need escaping. */
function urlRuns(bytes: Buffer, percents: readonly number[]): EncodedRun[] {
  const runs: EncodedRun[] = [];
  let searchFrom = 0;
  for (const at of percents) {
    if (at < searchFrom || runs.length >= MAX_RUNS) continue;
    const hi = HEX[bytes[at + 1] ?? 0]!;
    const lo = HEX[bytes[at + 2] ?? 0]!;
    if (hi < 0 || lo < 0 || HIDING_CHAR[hi * 16 + lo] !== 1) continue;
    const { start, end } = escapedRunBounds(bytes, at, isUrlEscape);
    searchFrom = end;
    if (end - start < MIN_ESCAPED_RUN) continue;
    const decodedBytes: number[] = [];
    const offsets: number[] = [];
    for (let i = start; i < end; ) {
      offsets.push(i);
      if (isUrlEscape(bytes, i)) {
        decodedBytes.push(HEX[bytes[i + 1]!]! * 16 + HEX[bytes[i + 2]!]!);
        i += 3;
      } else {
        decodedBytes.push(bytes[i]!);
        i++;
      }
    }
    offsets.push(end);
    runs.push({ encoding: "url", start, end, decoded: Buffer.from(decodedBytes), offsets: Int32Array.from(offsets) });
  }
  return runs;
}

function isUrlEscape(bytes: Buffer, i: number): number {
  return bytes[i] === 0x25 && HEX[bytes[i + 1] ?? 0]! >= 0 && HEX[bytes[i + 2] ?? 0]! >= 0 ? 3 : 0;
}

/** Runs holding `\uXXXX` escapes of ASCII token characters, or `\/`. */
function jsonEscapeRuns(bytes: Buffer, escapes: readonly number[]): EncodedRun[] {
  const runs: EncodedRun[] = [];
  let searchFrom = 0;
  for (const at of escapes) {
    if (at < searchFrom || runs.length >= MAX_RUNS) continue;
    if (at > 0 && bytes[at - 1] === 0x5c) continue; // `\\/` is an escaped backslash, then a slash
    const width = jsonEscapeWidth(bytes, at);
    if (width === 0) continue;
    if (width === 6 && HIDING_CHAR[unicodeEscapeValue(bytes, at)] !== 1) continue;
    const { start, end } = escapedRunBounds(bytes, at, jsonEscapeWidth);
    searchFrom = end;
    if (end - start < MIN_ESCAPED_RUN) continue;
    const parts: Buffer[] = [];
    const offsets: number[] = [];
    for (let i = start; i < end; ) {
      const w = jsonEscapeWidth(bytes, i);
      if (w === 0) {
        parts.push(bytes.subarray(i, i + 1));
        offsets.push(i);
        i++;
        continue;
      }
      const decoded = w === 2 ? Buffer.from("/") : Buffer.from(String.fromCharCode(unicodeEscapeValue(bytes, i)), "utf8");
      parts.push(decoded);
      for (let k = 0; k < decoded.length; k++) offsets.push(i);
      i += w;
    }
    offsets.push(end);
    runs.push({ encoding: "json-escape", start, end, decoded: Buffer.concat(parts), offsets: Int32Array.from(offsets) });
  }
  return runs;
}

/** 6 for `\uXXXX`, 2 for `\/`, 0 otherwise. */
function jsonEscapeWidth(bytes: Buffer, i: number): number {
  if (bytes[i] !== 0x5c) return 0;
  const next = bytes[i + 1];
  if (next === 0x2f) return 2;
  if (next !== 0x75) return 0;
  for (let k = 2; k < 6; k++) if (HEX[bytes[i + k] ?? 0]! < 0) return 0;
  return 6;
}

function unicodeEscapeValue(bytes: Buffer, i: number): number {
  return (HEX[bytes[i + 2]!]! << 12) | (HEX[bytes[i + 3]!]! << 8) | (HEX[bytes[i + 4]!]! << 4) | HEX[bytes[i + 5]!]!;
}

/** The run of token characters and escapes around the escape at `at`, bounded on each side. */
function escapedRunBounds(
  bytes: Buffer,
  at: number,
  escapeWidth: (bytes: Buffer, i: number) => number,
): { start: number; end: number } {
  let start = at;
  const leftLimit = Math.max(0, at - MAX_ESCAPED_RUN);
  while (start > leftLimit && RUN_CHAR[bytes[start - 1]!] === 1) start--;
  let end = at;
  const rightLimit = Math.min(bytes.length, at + MAX_ESCAPED_RUN);
  while (end < rightLimit) {
    const width = escapeWidth(bytes, end);
    if (width > 0) end += width;
    else if (RUN_CHAR[bytes[end]!] === 1) end++;
    else break;
  }
  return { start, end: Math.min(end, bytes.length) };
}
