/**
 * The contracts every part of tokscan shares: detectors, the scan engine, providers, scoring and
 * reporters. Detector modules import only from here and from src/detector-kit/.
 */

/** Blast-radius vocabulary (../shared/providers.md §0.2). */
export const CAPABILITIES = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "PROD_REACH",
  "IAM_WRITE",
  "SECRETS_READ",
  "CODE_WRITE",
  "SEND_AS_ORG",
  "SPEND",
  "READ_PII",
  "TEST_MODE",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Confidence = "high" | "medium" | "low";
export type Tier = "critical" | "high" | "medium" | "low";
/** live: the provider accepted it; inactive: a determinate 401/403; unknown: no determinate answer; unchecked: not asked. */
export type Liveness = "live" | "inactive" | "unknown" | "unchecked";
/** How readable the file is beyond this machine: tracked by git (pushed), untracked or ignored (local, but any agent here can read it). */
export type Exposure = "tracked" | "untracked" | "ignored" | "history" | "not-a-repo";
export type Lifetime = "long" | "short" | "unknown";
/** How the secret was hidden when found, if it was. */
export type Encoding = "base64" | "url" | "json-escape";

/** Result of checking a matched string beyond the regex (checksum, decoding, shape). */
export type Verdict = { ok: true } | { ok: false; reason: string };

/** What can be inferred from the token string (and its evidence) alone, with no network. */
export interface Inference {
  /** Finer class than the rule, e.g. "restricted live key", "service_role JWT". */
  tokenClass?: string;
  /** Worst case this token may hold, as far as the string tells. */
  capabilities: Capability[];
  lifetime?: Lifetime;
  /** ISO-8601, when the token carries its own expiry (JWT exp, macaroon caveat). */
  expiresAt?: string;
  /** Account, project or owner identifiers decodable from the token (AWS account id, Supabase ref). */
  account?: string;
  /** Short sentences for the report, e.g. "PyPI token scoped to the whole account". */
  notes: string[];
}

export interface TokenRule {
  /** Unique inside its detector, kebab-case; the full rule id is `${detector.id}/${id}`. */
  id: string;
  /** "GitHub classic personal access token" */
  title: string;
  /**
   * Lowercase literals for the keyword prefilter: every match contains at least one of them
   * (case-insensitively). Empty only for rules restricted by `paths`.
   */
  keywords: readonly string[];
  /**
   * Linear-time safe: bounded quantifiers only, no nested quantifiers, no backreferences.
   * The secret is the named group `secret` if present, else the whole match. An optional named
   * group `evidence` holds the provider evidence (a variable name) for formats with no prefix.
   * Flags other than `i`/`s`/`m`/`u` are ignored; the engine adds its own.
   */
  pattern: RegExp;
  /** Longest text the pattern can match; sizes the window scanned around each keyword hit. */
  maxLength: number;
  confidence: Confidence;
  /** Worst case the token type allows, before anything is asked of the provider. */
  capabilities: readonly Capability[];
  lifetime?: Lifetime;
  /**
   * Restrict the rule to files whose relative path matches one of these picomatch globs
   * (e.g. `**\/railway.toml`). A rule with `paths` and no keywords runs on the whole file.
   */
  paths?: readonly string[];
  /** Checksum, decoding, shape checks; false drops the candidate (kept in --debug output). */
  validate?(secret: string): Verdict;
  /** `validate` checks a checksum: a value that passes was made by the provider, so it is never taken for a placeholder. */
  checksummed?: boolean;
  /** Per-token offline inference (class, account, expiry); defaults to `capabilities`. */
  infer?(secret: string): Inference;
  /** Provider-documented example values that must never be reported as live secrets. */
  examples?: readonly string[];
  /** Test-mode or sandbox credential (Stripe sk_test_): reported at low severity. */
  testMode?: boolean;
  /** Skip the generic placeholder / low-variety filter (for formats whose bodies are legitimately repetitive). */
  skipPlaceholderCheck?: boolean;
}

/** Files and code in which a token of this provider has a reason to be. */
export interface Relatedness {
  /** picomatch globs on the relative path (deploy configs: `**\/railway.toml`, `**\/vercel.json`). */
  paths?: readonly string[];
  /** Content that shows the file uses this provider's SDK or API (`@octokit/`, `api.github.com`). */
  content?: RegExp;
}

export interface Remediation {
  /** Where the owner revokes this kind of token. */
  revoke: string;
  /** How to replace it with a narrower one. */
  narrower: string;
}

export interface Detector {
  /** Folder name in detectors/ and provider id for --endpoint (`github`, `google-cloud`). */
  id: string;
  /** Display name: "GitHub". */
  name: string;
  /** The provider's documentation of its token formats. */
  docsUrl: string;
  remediation: Remediation;
  rules: readonly TokenRule[];
  related: Relatedness;
  /** Read-only introspection; absent when the provider has none (or none is safe). */
  api?: ProviderApi;
  /**
   * Public identifiers a token is used with (a Twilio Account SID): gathered from the token's file
   * for its introspection only, never reported. Global flag; bounded quantifiers.
   */
  identifiers?: RegExp;
}

// ---------------------------------------------------------------- provider introspection

export type HttpMethod = "GET" | "HEAD" | "POST";

/** One request a provider module may send. Anything not matching an entry is refused. */
export interface AllowedRequest {
  method: HttpMethod;
  /**
   * Path template relative to the provider base URL, `{name}` matching one path segment,
   * e.g. `/repos/{owner}/{repo}/environments`. A query string is allowed after it.
   */
  path: string;
  /** For POST: the exact body (a GraphQL query fixed in code, a Query-API action). */
  body?: string;
  /** For POST bodies that embed a token-derived value: a matcher over the body instead of a fixed string. */
  bodyPattern?: RegExp;
  /**
   * Origin for this entry when it differs from the provider's `baseUrl` (AWS IAM vs STS), as a
   * template whose `{name}` matches one DNS label: `https://{ref}.supabase.co`. An endpoint
   * override replaces every origin of the provider with the one override.
   */
  origin?: string;
  /** A credential exchange (tier T3: GCP JWT bearer, Docker Hub login): sent only with --allow-exchange. */
  exchange?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  json: unknown;
}

/** The only network access a provider module gets: already bound to its base URL and allowlist. */
export interface ProviderHttp {
  request(
    method: HttpMethod,
    path: string,
    init?: { headers?: Record<string, string>; body?: string; origin?: string },
  ): Promise<HttpResponse>;
  /** The base URL in use (default API origin, or the --endpoint override). */
  readonly baseUrl: string;
}

/** What the provider said about one token. */
export interface Introspection {
  liveness: Liveness;
  /** Why liveness is unknown/inactive, or notes on what could not be read. Never holds the token. */
  reason?: string;
  /** Who the token acts as: login, account email, key name. */
  owner?: string;
  /** Account/workspace/organization the token belongs to. */
  account?: string;
  tokenClass?: string;
  /** Raw scopes or permissions as the provider names them. */
  scopes?: string[];
  /** Capabilities proven or implied by what was read; replaces the rule's ceiling when set. */
  capabilities?: Capability[];
  /** Resources reached, in words: "volume pg-data in environment production". */
  resources?: string[];
  expiresAt?: string;
  /** Reasons, in words, for the report. */
  facts?: string[];
}

export interface TokenInstance {
  ruleId: string;
  secret: string;
  /** Other secrets found in the same file, for two-part credentials (AWS id + secret). */
  companions: readonly { ruleId: string; secret: string }[];
  inference: Inference;
  /** Provider evidence matched with it (a variable name, or an identifier such as a Twilio Account SID). */
  evidence?: string;
  /** The provider's public identifiers found in the same file (`Detector.identifiers`). */
  identifiers?: readonly string[];
}

export interface ProviderApi {
  /** Official API origin, e.g. `https://api.github.com`. */
  baseUrl: string;
  allow: readonly AllowedRequest[];
  /** Most requests one token may cost (defaults to 25). */
  callBudget?: number;
  /** Rule ids (without the detector prefix) this API can introspect; default all. */
  rules?: readonly string[];
  /**
   * Ask the provider about one token. `http` resolves for 2xx/4xx answers and throws (with a
   * redacted message) on timeouts, network errors, 3xx, 429/5xx after retries, a refused request
   * or an exhausted budget; the caller turns a throw into liveness "unknown". Return "inactive" on a
   * determinate 401/403, "unknown" with a reason on an unexpected shape, never "live" without a 2xx.
   */
  introspect(token: TokenInstance, http: ProviderHttp, context: IntrospectContext): Promise<Introspection>;
}

export interface IntrospectContext {
  /** Tier T3 calls (GCP JWT exchange, Docker Hub login) only when true (`--allow-exchange`). */
  allowExchange: boolean;
  now: Date;
}

// ---------------------------------------------------------------- engine output

/** A regex match in one piece of content, before filtering. Holds the secret: never output it. */
export interface RawMatch {
  detectorId: string;
  /** Full rule id: `${detectorId}/${rule.id}` */
  ruleId: string;
  secret: string;
  /** Byte offsets of the secret in the content (of the decoded layer for encoded matches: then of the encoded run). */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Provider evidence for prefix-less formats (variable name, config file). */
  evidence?: string;
  encoding?: Encoding;
  /** The whole text of the line the match starts on, capped (for suppression comments and placeholders). */
  lineText: string;
  /** The text of the line above. */
  previousLineText: string;
}

export interface Placement {
  related: boolean;
  /** Why: "secrets file .env", "uses @octokit/rest", "custom-domains.sh has nothing to do with Railway". */
  reason: string;
}

export interface BlastRadius {
  /** 0.0 to 10.0, one decimal. */
  score: number;
  tier: Tier;
  reasons: string[];
}

export interface Suppression {
  by: "comment" | "config";
  reason?: string;
}

/** A reported finding. Holds no secret: only its redacted form and a fingerprint. */
export interface Finding {
  /** `${detectorId}/${rule.id}` */
  ruleId: string;
  detectorId: string;
  provider: string;
  tokenType: string;
  title: string;
  /** Relative POSIX path from the scan root (or `<root>/<path>` when several roots). */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  redacted: string;
  /** Stable content-keyed fingerprint: survives the line moving. */
  fingerprint: string;
  confidence: Confidence;
  encoding?: Encoding;
  evidence?: string;
  exposure: Exposure;
  placement: Placement;
  inference: Inference;
  liveness: Liveness;
  introspection?: Introspection;
  capabilities: Capability[];
  blastRadius: BlastRadius;
  suppressed?: Suppression;
  /** One line: why it matters. */
  summary: string;
}

// ---------------------------------------------------------------- sources and pipeline

/** Something the user should know about that did not stop the scan: one line each. */
export interface Notice {
  /** Path relative to the scan root (POSIX), or the setting/provider concerned. */
  path: string;
  kind:
    | "binary"
    | "too-large"
    | "truncated"
    | "unreadable"
    | "vanished"
    | "symlink"
    | "not-utf8"
    | "config"
    | "provider"
    | "other";
  message: string;
}

/** One file found by a walk of a scan root. */
export interface WalkEntry {
  /** Absolute path on disk. */
  absPath: string;
  /** Path relative to its scan root, POSIX separators. */
  relPath: string;
  /** The scan root it was found under (absolute). */
  root: string;
  size: number;
  exposure: Exposure;
}

/** What scanning one file produced. Matches hold secrets: they stay in-process. */
export interface FileScanResult {
  entry: WalkEntry;
  matches: RawMatch[];
  /** Candidates dropped by a filter, for --debug. */
  dropped: { ruleId: string; line: number; reason: string }[];
  notices: Notice[];
  /** Bytes actually scanned. */
  bytesScanned: number;
  /** Detector ids whose `related.content` pattern occurs in this file (tested only for detectors with matches). */
  relatedContent: string[];
  /** True when the file was skipped entirely (binary, unreadable...): see notices. */
  skipped: boolean;
  /** Per detector with matches here, its public identifiers found in the file (`Detector.identifiers`). */
  identifiers?: Record<string, string[]>;
}
