/**
 * Loads `.tokscan.yml` (or the file given with --config). It may hold exclusions, content-keyed
 * allow entries and the placement policy. It can never hold provider endpoints: a pull request
 * that edits it must not be able to send the tokens it finds to a server of its choosing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseDocument, isMap, isSeq, type Document } from "yaml";
import { ConfigError } from "../errors.js";
import { redact } from "../redact.js";
import { parsePolicy, type PolicyRule } from "../policy/policy.js";

export interface AllowEntry {
  fingerprint: string;
  reason?: string;
}

export interface TokscanConfig {
  /** Where it came from (for messages); undefined when no file was found. */
  file?: string;
  /** Extra gitignore-style exclusions. */
  exclude: string[];
  allow: AllowEntry[];
  policy: PolicyRule[];
}

export const CONFIG_NAMES = [".tokscan.yml", ".tokscan.yaml"] as const;
const KNOWN_KEYS = new Set(["exclude", "allow", "policy"]);
const FORBIDDEN_KEYS = /^(endpoints?|baseUrl|base_url|api|providers)$/i;

export const emptyConfig = (): TokscanConfig => ({ exclude: [], allow: [], policy: [] });

/** The explicit file, else the first config file found in the first root; none is fine. */
export function loadConfig(explicitFile: string | undefined, firstRoot: string): TokscanConfig {
  let file = explicitFile;
  if (!file) {
    file = CONFIG_NAMES.map((name) => join(firstRoot, name)).find((candidate) => existsSync(candidate));
    if (!file) return emptyConfig();
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseConfig(text, displayName(file));
}

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/** Parses config text; every problem is a ConfigError naming `file:line`. */
export function parseConfig(text: string, file: string): TokscanConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return file;
    const { line } = lineCounter.linePos(offset);
    return `${file}:${line}`;
  };
  const sourceLines = text.split(/\r?\n/);
  const lineAt = (offset: number): string => (sourceLines[lineCounter.linePos(offset).line - 1] ?? "").trim();
  const firstError = doc.errors[0];
  if (firstError) {
    throw new ConfigError(`${at(firstError.pos[0])}: invalid YAML: ${firstError.message.split("\n")[0]}`);
  }
  const config = emptyConfig();
  config.file = file;
  if (doc.contents === null || doc.contents === undefined) return config;
  if (!isMap(doc.contents)) throw new ConfigError(`${at(doc.contents.range?.[0])}: the config must be a mapping of keys (exclude, allow, policy)`);

  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const keyOffset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
    if (FORBIDDEN_KEYS.test(key)) {
      throw new ConfigError(
        `${at(keyOffset)}: "${key}" cannot be set in a config file; provider endpoints come only from --endpoint or TOKSCAN_ENDPOINT_<PROVIDER>, so a scanned repository cannot redirect its tokens`,
      );
    }
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`${at(keyOffset)}: unknown key "${key}" (expected exclude, allow or policy)`);
  }

  config.exclude = stringList(doc, "exclude", at);
  config.allow = allowList(doc, at);
  const policyNode = doc.get("policy", true) as { range?: [number, number, number] } | undefined;
  if (policyNode !== undefined) config.policy = parsePolicy(doc, at, lineAt);
  return config;
}

type At = (offset: number | undefined) => string;

function nodeOffset(doc: Document, path: (string | number)[]): number | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0];
}

function stringList(doc: Document, key: string, at: At): string[] {
  const node = doc.get(key, true);
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) throw new ConfigError(`${at(nodeOffset(doc, [key]))}: "${key}" must be a list of strings`);
  return node.items.map((_, index) => {
    const value = doc.getIn([key, index]);
    if (typeof value !== "string" || value.length === 0) {
      throw new ConfigError(`${at(nodeOffset(doc, [key, index]))}: "${key}" entries must be non-empty strings`);
    }
    return value;
  });
}

function allowList(doc: Document, at: At): AllowEntry[] {
  const node = doc.get("allow", true);
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) throw new ConfigError(`${at(nodeOffset(doc, ["allow"]))}: "allow" must be a list of { fingerprint, reason }`);
  return node.items.map((_, index) => {
    const where = at(nodeOffset(doc, ["allow", index]));
    const entry = doc.getIn(["allow", index]) as unknown;
    const value = entry && typeof entry === "object" && "toJSON" in entry ? (entry as { toJSON(): unknown }).toJSON() : entry;
    if (typeof value === "string") return { fingerprint: checkFingerprint(value, where) };
    if (!value || typeof value !== "object") throw new ConfigError(`${where}: allow entries must be { fingerprint, reason }`);
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      if (k !== "fingerprint" && k !== "reason") throw new ConfigError(`${where}: unknown key "${k}" in allow entry (expected fingerprint, reason)`);
    }
    if (typeof record["fingerprint"] !== "string") throw new ConfigError(`${where}: allow entry needs a "fingerprint" string`);
    const reason = record["reason"];
    if (reason !== undefined && typeof reason !== "string") throw new ConfigError(`${where}: "reason" must be a string`);
    return { fingerprint: checkFingerprint(record["fingerprint"], where), reason };
  });
}

function checkFingerprint(value: string, where: string): string {
  if (!/^[0-9a-f]{16,64}$/.test(value)) {
    // Someone may paste the token itself here: never echo it whole.
    const shown = value.length > 16 ? redact(value) : value;
    throw new ConfigError(`${where}: "${shown}" is not a tokscan fingerprint (16 to 64 lowercase hex characters; copy it from the JSON or SARIF output)`);
  }
  return value;
}
