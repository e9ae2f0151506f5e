/**
 * The terminal report: findings ranked by score, two lines each (the facts, then why it matters),
 * and a summary line. Colours only when asked (the CLI asks on a TTY with NO_COLOR unset).
 * Every piece of text is made printable first: file names and provider answers can hold control
 * characters or escape sequences, and a report must not let them drive the terminal.
 */
import type { Finding, Tier } from "../types.js";
import { countByTier, plural, shownSecret, sortedCounts, sortFindings, TIERS } from "./common.js";
import type { ReportContext } from "./context.js";

const ESC = "\u001b[";
const RESET = `${ESC}0m`;
const TIER_STYLE: Record<Tier, string> = {
  critical: `${ESC}1;31m`,
  high: `${ESC}31m`,
  medium: `${ESC}33m`,
  low: `${ESC}36m`,
};
const DIM = `${ESC}2m`;
const BOLD = `${ESC}1m`;

// C0/C1 controls and the bidi overrides/isolates that can make a line read differently than it is.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Text safe to print: control characters shown as escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Zero-width marks: combining accents, variation selectors, joiners. */
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/u;
/** East Asian wide and fullwidth characters, and emoji: two terminal columns. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Columns a string takes in a terminal (an approximation good enough to align a table). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

interface Row {
  tier: Tier;
  cells: string[];
  why: string;
}

const HEADER = ["TIER", "SCORE", "SECRET", "LOCATION", "PROVIDER", "TOKEN", "LIVENESS"];

function rowOf(f: Finding): Row {
  return {
    tier: f.blastRadius.tier,
    cells: [
      f.blastRadius.tier.toUpperCase(),
      f.blastRadius.score.toFixed(1),
      printable(shownSecret(f)),
      printable(`${f.path}:${f.line}`),
      printable(f.provider),
      printable(f.title),
      f.liveness,
    ],
    why: printable(f.summary),
  };
}

export function renderTable(findings: readonly Finding[], context: ReportContext): string {
  const color = context.color === true;
  const paint = (style: string, text: string): string => (color ? `${style}${text}${RESET}` : text);
  const sorted = sortFindings(findings);
  const reported = sorted.filter((f) => !f.suppressed);
  const lines: string[] = [];

  if (reported.length > 0) {
    const rows = reported.map(rowOf);
    const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => displayWidth(r.cells[i]!))));
    const pad = (cells: string[]): string[] => cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!)));
    lines.push(paint(BOLD, pad(HEADER).join("  ")));
    const indent = " ".repeat(widths[0]! + 2 + widths[1]! + 2);
    for (const row of rows) {
      const cells = pad(row.cells);
      // Colour the word, not its padding.
      cells[0] = paint(TIER_STYLE[row.tier], row.cells[0]!) + cells[0]!.slice(row.cells[0]!.length);
      lines.push(cells.join("  "));
      lines.push(paint(DIM, `${indent}${row.why}`));
    }
    lines.push("");
  }
  lines.push(summaryText(sorted, context));
  return `${lines.join("\n")}\n`;
}

function summaryText(sorted: readonly Finding[], context: ReportContext): string {
  const reported = sorted.filter((f) => !f.suppressed);
  const suppressed = sorted.length - reported.length;
  const byTier = countByTier(reported);
  const parts: string[] = [];
  parts.push(
    reported.length === 0
      ? "No findings"
      : `${plural(reported.length, "finding")}: ${TIERS.map((t: Tier) => `${byTier[t]} ${t}`).join(", ")}`,
  );
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  const skipped = sortedCounts(context.summary.skipped);
  const skippedTotal = skipped.reduce((sum, [, n]) => sum + n, 0);
  if (skippedTotal > 0) {
    parts.push(`${plural(skippedTotal, "file")} skipped (${skipped.map(([reason, n]) => `${n} ${printable(reason)}`).join(", ")})`);
  }
  const { filesScanned, bytesScanned, durationMs = 0 } = context.summary;
  parts.push(`${plural(filesScanned, "file")} (${formatBytes(bytesScanned)}) scanned in ${(durationMs / 1000).toFixed(1)} s`);
  if (context.offline) parts.push("offline: providers not asked");
  return parts.join(" · ");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
