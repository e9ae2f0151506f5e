/**
 * What each scanning thread holds: the compiled rule set and the function that scans one file.
 * Shared by the worker threads and the in-process mode so that both behave the same.
 */
import type { FileScanResult, WalkEntry } from "../types.js";
import type { CompiledRuleSet } from "../engine/compile.js";

export interface FileScanOptions {
  /** Larger files are skipped with a notice. */
  maxFileSize: number;
  /** Larger files are scanned in chunks of this size (default: scan-file's own). */
  chunkSize?: number;
}

export type ScanFileFunction = (entry: WalkEntry, ruleSet: CompiledRuleSet, options: FileScanOptions) => FileScanResult;

/** Plain data (it crosses into worker threads). */
export interface ScannerSettings {
  fileOptions: FileScanOptions;
  /** Detector ids to run; all registered detectors when absent. */
  detectorIds?: string[];
  /** URL of a module exporting `scanFile`; defaults to src/source/scan-file.js. */
  scanModule?: string;
}

export interface Scanner {
  ruleSet: CompiledRuleSet;
  scanFile: ScanFileFunction;
  fileOptions: FileScanOptions;
}

export const DEFAULT_SCAN_MODULE = new URL("../source/scan-file.js", import.meta.url).href;

export async function loadScanner(settings: ScannerSettings): Promise<Scanner> {
  // Imported at run time: the scan-file module is chosen by settings (tests use their own).
  const [{ detectors }, { compileRules }, module] = await Promise.all([
    import("../registry.js"),
    import("../engine/compile.js"),
    import(settings.scanModule ?? DEFAULT_SCAN_MODULE) as Promise<{ scanFile?: ScanFileFunction }>,
  ]);
  if (typeof module.scanFile !== "function") throw new Error("the scan module exports no scanFile function");
  const wanted = settings.detectorIds ? new Set(settings.detectorIds) : undefined;
  const ruleSet = compileRules(wanted ? detectors.filter((d) => wanted.has(d.id)) : detectors);
  return { ruleSet, scanFile: module.scanFile, fileOptions: settings.fileOptions };
}

/** Scans one file; an exception becomes a notice on that file instead of ending the scan. */
export function scanOne(scanner: Scanner, entry: WalkEntry): FileScanResult {
  try {
    return scanner.scanFile(entry, scanner.ruleSet, scanner.fileOptions);
  } catch (error) {
    return failedResult(entry, `scanner error: ${describeError(error)}`);
  }
}

export function failedResult(entry: WalkEntry, message: string): FileScanResult {
  return {
    entry,
    matches: [],
    dropped: [],
    notices: [{ path: entry.relPath, kind: "other", message }],
    bytesScanned: 0,
    relatedContent: [],
    skipped: true,
  };
}

/** An error's class and first line, never its stack (which could quote file content). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split("\n")[0]!.slice(0, 200)}`;
  return String(error).slice(0, 200);
}
