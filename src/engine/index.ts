export { compileRules, type CompiledRule, type CompiledRuleSet } from "./compile.js";
export { scanContent, type ContentScanResult, type DroppedMatch, type ScanContentOptions } from "./scan-content.js";
