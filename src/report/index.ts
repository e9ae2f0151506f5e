/** One entry point for every output format. Reporters are pure: findings and context in, text out. */
import type { Finding } from "../types.js";
import type { ReportContext, ReportFormat } from "./context.js";
import { renderJson } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderTable } from "./table.js";

export { TOOL_INFORMATION_URI, type ReportContext, type ReportFormat, type ReportTool, type ScanSummary } from "./context.js";
export { compareFindings, sortFindings } from "./common.js";
export { buildJsonReport, renderJson, type JsonFinding, type JsonReport, type JsonSummary } from "./json.js";
export { MAX_SARIF_RESULTS, pathToUri, renderSarif, sarifRuleId, TIER_LEVEL, TIER_SECURITY_SEVERITY } from "./sarif.js";
export { printable, renderTable } from "./table.js";

export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "json", "sarif"];

export function renderReport(format: ReportFormat, findings: readonly Finding[], context: ReportContext): string {
  switch (format) {
    case "table":
      return renderTable(findings, context);
    case "json":
      return renderJson(findings, context);
    case "sarif":
      return renderSarif(findings, context);
  }
}
