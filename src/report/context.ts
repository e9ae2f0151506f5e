/** What every reporter needs besides the findings: who produced them and what the scan covered. */
import type { Detector, Notice } from "../types.js";

export type ReportFormat = "table" | "json" | "sarif";

export interface ReportTool {
  /** @default "tokscan" */
  name?: string;
  /** Semantic version of tokscan, e.g. "0.1.0". */
  version: string;
  /** Where users learn about the tool (SARIF `informationUri`). @default TOOL_INFORMATION_URI */
  informationUri?: string;
}

export interface ScanSummary {
  filesScanned: number;
  bytesScanned: number;
  /** Files skipped entirely, counted by reason (a Notice kind: "binary", "too-large", "unreadable"...). */
  skipped: Readonly<Record<string, number>>;
  /**
   * Wall-clock duration of the scan in milliseconds. Left out of SARIF when absent: the CLI leaves
   * it out there, so that the same input gives byte-identical SARIF.
   */
  durationMs?: number;
}

export interface ReportContext {
  tool: ReportTool;
  /** The scan roots as the user gave them. */
  roots: readonly string[];
  summary: ScanSummary;
  /** Things the user should know that did not stop the scan, one line each. */
  notices: readonly Notice[];
  /** True when provider queries were turned off (`--offline`): liveness is "unchecked". */
  offline: boolean;
  /** Table only: ANSI colours. The CLI decides (TTY and NO_COLOR unset). @default false */
  color?: boolean;
  /**
   * SARIF only: leave suppressed findings out. GitHub code scanning accepts SARIF `suppressions`
   * but does not dismiss the alerts (github/codeql-action#1230), so a suppressed finding would show
   * as an open alert unless a step such as advanced-security/dismiss-alerts runs after the upload.
   * @default false
   */
  omitSuppressedFromSarif?: boolean;
  /** Detectors for rule help (revocation, narrower replacement, docs). @default the registry */
  detectors?: readonly Detector[];
}

/** The project page, used as SARIF `tool.driver.informationUri`. */
export const TOOL_INFORMATION_URI = "https://www.npmjs.com/package/tokscan";
