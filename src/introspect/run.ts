/**
 * Asks each provider about each distinct token, through createProviderHttp only.
 *
 * - `--offline`: every token "unchecked" ("offline (--offline)"); no request at all.
 * - A detector without `api`, or a rule outside `api.rules`: "unchecked" ("no read-only introspection
 *   for this token type").
 * - The same token (provider + secret + companions, by sha256) is asked about once per run.
 * - At most `concurrencyPerProvider` tokens (default 4) of one provider are in flight at once; each
 *   token may cost at most `api.callBudget ?? 25` requests.
 * - Base URL: the endpoint override for the provider (--endpoint / TOKSCAN_ENDPOINT_*, see
 *   endpoints.ts), else `api.baseUrl`.
 * - A thrown error becomes liveness "unknown" with the (scrubbed) message as reason; only a "live"
 *   returned by the provider module is ever "live".
 * - After a timeout or network error against an origin, later tokens for that origin are "unknown"
 *   at once, without a request (net/origin-health.ts): one timeout per unreachable origin.
 * - One notice per provider that gave trouble, not one per token.
 * - Every string of every result is scrubbed of the token and its companions before it is returned.
 */
import { createHash } from "node:crypto";
import { createProviderHttp, DEFAULT_CALL_BUDGET, ProviderRequestError } from "../net/provider-http.js";
import { OriginHealth } from "../net/origin-health.js";
import { scrub } from "../redact.js";
import type { Detector, Introspection, Liveness, Notice, TokenInstance } from "../types.js";

export interface IntrospectionRequest {
  /** Caller's key for the result map. */
  key: string;
  detector: Detector;
  token: TokenInstance;
}

export interface IntrospectOptions {
  offline: boolean;
  /** Provider id -> base URL, from resolveEndpoints (command line and environment) only. */
  endpoints: ReadonlyMap<string, string>;
  timeoutMs?: number;
  allowExchange?: boolean;
  concurrencyPerProvider?: number;
  fetchImpl?: typeof fetch;
  onNotice?(notice: Notice): void;
  /** Retries of 429/5xx per request (default 2). */
  maxRetries?: number;
  /** Backoff before the first retry when there is no Retry-After (default 500 ms, doubling). */
  retryBaseDelayMs?: number;
  /** Clock for the provider modules (expiry checks). */
  now?: Date;
}

export const OFFLINE_REASON = "offline (--offline)";
export const UNSUPPORTED_REASON = "no read-only introspection for this token type";
const DEFAULT_CONCURRENCY = 4;
const LIVENESS: readonly Liveness[] = ["live", "inactive", "unknown", "unchecked"];

export async function introspectAll(
  requests: readonly IntrospectionRequest[],
  options: IntrospectOptions,
): Promise<Map<string, Introspection>> {
  const results = new Map<string, Introspection>();
  const cache = new Map<string, Promise<Introspection>>();
  const limiters = new Map<string, Limiter>();
  const trouble = new Map<string, { detector: Detector; count: number; firstReason: string }>();
  const originHealth = new OriginHealth();
  const now = options.now ?? new Date();
  // A provider that keeps answering 429 is spending the owner's quota: stop asking it this run.
  const rateLimited = new Set<string>();

  const askOnce = (request: IntrospectionRequest): Promise<Introspection> => {
    const { detector, token } = request;
    const hash = tokenHash(detector.id, token);
    let pending = cache.get(hash);
    if (pending === undefined) {
      let limiter = limiters.get(detector.id);
      if (limiter === undefined) {
        limiter = createLimiter(options.concurrencyPerProvider ?? DEFAULT_CONCURRENCY);
        limiters.set(detector.id, limiter);
      }
      pending = limiter(async () => {
        if (rateLimited.has(detector.id)) {
          return { liveness: "unknown", reason: `${detector.name} kept answering 429 (rate limited): not asked again in this run` };
        }
        const { result, rateLimitHit } = await askProvider(detector, token, options, originHealth, now);
        if (rateLimitHit) rateLimited.add(detector.id);
        return result;
      });
      cache.set(hash, pending);
    }
    return pending;
  };

  await Promise.all(
    requests.map(async (request) => {
      const { detector, token } = request;
      if (options.offline) {
        results.set(request.key, { liveness: "unchecked", reason: OFFLINE_REASON });
        return;
      }
      if (!supports(detector, token)) {
        results.set(request.key, { liveness: "unchecked", reason: UNSUPPORTED_REASON });
        return;
      }
      const result = await askOnce(request);
      results.set(request.key, result);
      if (result.liveness === "unknown") {
        const seen = trouble.get(detector.id);
        if (seen) seen.count += 1;
        else trouble.set(detector.id, { detector, count: 1, firstReason: result.reason ?? "no answer" });
      }
    }),
  );

  for (const { detector, count, firstReason } of [...trouble.values()].sort((a, b) => a.detector.id.localeCompare(b.detector.id))) {
    options.onNotice?.({
      path: detector.id,
      kind: "provider",
      message: `${detector.name}: ${count} ${count === 1 ? "token" : "tokens"} left with liveness unknown: ${firstReason.replace(`${detector.id}: `, "")}`,
    });
  }
  return results;
}

/** Whether the detector's API can introspect this token's rule. */
export function supports(detector: Detector, token: TokenInstance): boolean {
  const api = detector.api;
  if (!api) return false;
  return api.rules === undefined || api.rules.includes(localRuleId(detector, token.ruleId));
}

const localRuleId = (detector: Detector, ruleId: string): string =>
  ruleId.startsWith(`${detector.id}/`) ? ruleId.slice(detector.id.length + 1) : ruleId;

/** sha256 of provider, secret and companions: the run-wide cache key (the secret itself is never a key). */
export function tokenHash(providerId: string, token: TokenInstance): string {
  const hash = createHash("sha256").update(providerId).update("\0").update(token.secret);
  for (const companion of [...token.companions].map((c) => `${c.ruleId}\0${c.secret}`).sort()) {
    hash.update("\0").update(companion);
  }
  return hash.digest("hex");
}

async function askProvider(
  detector: Detector,
  token: TokenInstance,
  options: IntrospectOptions,
  originHealth: OriginHealth,
  now: Date,
): Promise<{ result: Introspection; rateLimitHit: boolean }> {
  const api = detector.api;
  if (!api) return { result: { liveness: "unchecked", reason: UNSUPPORTED_REASON }, rateLimitHit: false };
  const secrets = [token.secret, ...token.companions.map((c) => c.secret)];
  const override = options.endpoints.get(detector.id);
  const http = createProviderHttp({
    providerId: detector.id,
    baseUrl: override ?? api.baseUrl,
    overridden: override !== undefined,
    allow: api.allow,
    secret: token.secret,
    companionSecrets: secrets.slice(1),
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs,
    budget: api.callBudget ?? DEFAULT_CALL_BUDGET,
    fetchImpl: options.fetchImpl,
    originHealth,
    allowExchange: options.allowExchange ?? false,
  });
  let result: Introspection;
  try {
    result = await api.introspect({ ...token, ruleId: localRuleId(detector, token.ruleId) }, http, {
      allowExchange: options.allowExchange ?? false,
      now,
    });
  } catch (error) {
    const reason =
      error instanceof ProviderRequestError
        ? error.message
        : `introspection failed: ${error instanceof Error ? error.message : String(error)}`;
    return { result: { liveness: "unknown", reason: scrub(reason, secrets) }, rateLimitHit: http.rateLimited };
  }
  return { result: sanitize(result, secrets), rateLimitHit: http.rateLimited };
}

/** A copy of the provider module's answer with a valid liveness and no secret in any string. */
function sanitize(result: Introspection, secrets: readonly string[]): Introspection {
  if (result === null || typeof result !== "object" || !LIVENESS.includes(result.liveness)) {
    return { liveness: "unknown", reason: "provider module returned no valid liveness" };
  }
  return scrubDeep(result, secrets) as Introspection;
}

function scrubDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return scrub(value, secrets);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secrets));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, secrets)]));
  }
  return value;
}

type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `limit` tasks at a time, in submission order. */
function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so `active` never overshoots.
    if (active >= Math.max(1, limit)) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
