/**
 * The placement policy of `.tokscan.yml`: which providers may appear under which paths, the
 * broadest capabilities and scopes allowed there, and which environments a token there may reach.
 *
 * policy:
 *   - paths: ["scripts/**"]
 *     providers: [railway]
 *     capabilities: [DELETE_INFRA]      # anything beyond is "overprivileged"
 *     scopes: [read:user]               # live scopes beyond these are "overprivileged"
 *     environments: [staging]           # reaching anything else (production) is a violation
 */
import picomatch from "picomatch";
import { isMap, isScalar, isSeq, type Document } from "yaml";
import { ConfigError } from "../errors.js";
import { detectors } from "../registry.js";
import { CAPABILITIES, type Capability } from "../types.js";

export interface PolicyRule {
  /** `file:line` of the rule, quoted in every violation. */
  where: string;
  paths: string[];
  matches: (path: string) => boolean;
  providers?: string[];
  capabilities?: Capability[];
  scopes?: string[];
  environments?: string[];
  /** The policy line of each limit, quoted in its violations: `.tokscan.yml:3: providers: [railway]`. */
  lines?: Partial<Record<LimitKey, string>>;
}

type LimitKey = "providers" | "capabilities" | "scopes" | "environments";
const LIMIT_KEYS: readonly LimitKey[] = ["providers", "capabilities", "scopes", "environments"];

export type ViolationKind = "token-in-unrelated-file" | "overprivileged-token" | "production-token-in-non-production-path";

export interface PolicyViolation {
  kind: ViolationKind;
  rule: PolicyRule;
  /** In words: "railway is not allowed under scripts/** (.tokscan.yml:4)". */
  message: string;
}

const KEYS = new Set(["paths", "providers", "capabilities", "scopes", "environments"]);

type At = (offset: number | undefined) => string;
/** The source line at an offset, trimmed. */
type LineAt = (offset: number) => string;

export function parsePolicy(doc: Document, at: At, lineAt?: LineAt): PolicyRule[] {
  const providerIds = new Set(detectors.map((d) => d.id));
  const node = doc.get("policy", true);
  if (!isSeq(node)) throw new ConfigError(`${at((node as { range?: number[] } | undefined)?.range?.[0])}: "policy" must be a list of rules`);
  return node.items.map((item, index) => {
    const where = at((item as { range?: number[] }).range?.[0]);
    if (!isMap(item)) throw new ConfigError(`${where}: each policy rule must be a mapping with "paths"`);
    const value = doc.getIn(["policy", index]) as { toJSON(): Record<string, unknown> };
    const record = value.toJSON();
    for (const key of Object.keys(record)) {
      if (!KEYS.has(key)) throw new ConfigError(`${where}: unknown key "${key}" in policy rule (expected ${[...KEYS].join(", ")})`);
    }
    const list = (key: string): string[] | undefined => {
      const v = record[key];
      if (v === undefined) return undefined;
      const items = typeof v === "string" ? [v] : v;
      if (!Array.isArray(items) || !items.every((s) => typeof s === "string" && s.length > 0)) {
        throw new ConfigError(`${where}: "${key}" must be a string or a list of strings`);
      }
      return items as string[];
    };
    const paths = list("paths");
    if (!paths || paths.length === 0) throw new ConfigError(`${where}: a policy rule needs "paths" (picomatch globs)`);
    const providers = list("providers");
    for (const provider of providers ?? []) {
      // A misspelt id would silently turn every token under these paths into a violation.
      if (!providerIds.has(provider)) {
        throw new ConfigError(`${where}: unknown provider "${provider}" in "providers" (expected provider ids such as railway, github, aws; all: ${[...providerIds].join(", ")})`);
      }
    }
    const lines: PolicyRule["lines"] = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (key && (LIMIT_KEYS as readonly string[]).includes(key) && offset !== undefined) {
        const text = lineAt?.(offset);
        lines[key as LimitKey] = text ? `${at(offset)}: ${text}` : at(offset);
      }
    }
    const capabilities = list("capabilities");
    for (const capability of capabilities ?? []) {
      if (!(CAPABILITIES as readonly string[]).includes(capability)) {
        throw new ConfigError(`${where}: unknown capability "${capability}" (expected one of ${CAPABILITIES.join(", ")})`);
      }
    }
    return {
      where,
      paths,
      matches: picomatch(paths, { dot: true }),
      providers,
      capabilities: capabilities as Capability[] | undefined,
      scopes: list("scopes"),
      environments: list("environments")?.map((e) => e.toLowerCase()),
      lines,
    };
  });
}

export interface PolicySubject {
  path: string;
  detectorId: string;
  provider: string;
  capabilities: readonly Capability[];
  /** Live scopes, when the provider told them. */
  scopes?: readonly string[];
  /** Environments the token reaches, when known (from introspection). */
  environments?: readonly string[];
}

const PRODUCTION = /\b(prod|production|live|main)\b/i;

/** " (.tokscan.yml:3: providers: [railway])": the policy line a violation breaks. */
function quoted(rule: PolicyRule, key: LimitKey): string {
  const line = rule.lines?.[key];
  return line ? ` (${line})` : "";
}

/** Every violation of the first policy rule whose paths match (later rules do not stack). */
export function evaluatePolicy(subject: PolicySubject, rules: readonly PolicyRule[]): PolicyViolation[] {
  const rule = rules.find((r) => r.matches(subject.path));
  if (!rule) return [];
  const violations: PolicyViolation[] = [];
  const under = `${rule.paths.join(", ")} (${rule.where})`;
  if (rule.providers && !rule.providers.includes(subject.detectorId)) {
    violations.push({
      kind: "token-in-unrelated-file",
      rule,
      message: `${subject.provider} tokens are not allowed under ${under}; allowed: ${rule.providers.join(", ") || "none"}${quoted(rule, "providers")}`,
    });
  }
  const extraCapabilities = rule.capabilities
    ? subject.capabilities.filter((c) => c !== "TEST_MODE" && !rule.capabilities!.includes(c))
    : [];
  const extraScopes = rule.scopes && subject.scopes ? subject.scopes.filter((s) => !rule.scopes!.includes(s)) : [];
  if (extraCapabilities.length > 0 || extraScopes.length > 0) {
    const parts = [
      extraCapabilities.length > 0 ? `capabilities ${extraCapabilities.join(", ")}` : "",
      extraScopes.length > 0 ? `scopes ${extraScopes.join(", ")}` : "",
    ].filter(Boolean);
    const broken = [extraCapabilities.length > 0 ? quoted(rule, "capabilities") : "", extraScopes.length > 0 ? quoted(rule, "scopes") : ""].join("");
    violations.push({ kind: "overprivileged-token", rule, message: `token has ${parts.join(" and ")} beyond what ${under} allows${broken}` });
  }
  if (rule.environments) {
    const reached = subject.environments ?? [];
    const outside = reached.filter((e) => !rule.environments!.includes(e.toLowerCase()));
    const reachesProduction = subject.capabilities.includes("PROD_REACH") && !rule.environments.some((e) => PRODUCTION.test(e));
    if (outside.length > 0 || reachesProduction) {
      const what = outside.length > 0 ? `environments ${outside.join(", ")}` : "production";
      violations.push({
        kind: "production-token-in-non-production-path",
        rule,
        message: `token reaches ${what}, but ${under} allows only ${rule.environments.join(", ")}${quoted(rule, "environments")}`,
      });
    }
  }
  return violations;
}
