/**
 * The one HTTP layer every provider call passes through. A provider module gets a ProviderHttp bound to
 * its base URL, its allowlist and the token it is asking about; nothing else in tokscan talks to a provider.
 *
 * Semantics, in the order they apply to one `request(method, path, init)`:
 * 1. Allowlist (allowlist.ts). (method, origin, path, body) must match an entry: methods GET/HEAD/POST
 *    only; path template `{x}` = text inside one segment, query string allowed; POST only with the
 *    entry's exact body or a body wholly matched by its bodyPattern; no POST body naming a GraphQL
 *    mutation or subscription. Otherwise ProviderRequestError kind "refused"; nothing is sent.
 * 2. Destination. Without an override the request goes to `init.origin` (matched against the entry's
 *    origin template) or the base URL, and must be https. With an override (`overridden: true`) every
 *    request, whatever its origin, goes to the override base with the path appended
 *    (`http://127.0.0.1:5000/api/v3` + `/user`).
 * 3. Budget. Every attempt that leaves the process (retries included) costs one call; when `budget`
 *    calls were made, the next throws kind "budget" without being sent.
 * 4. Origin health (optional, shared per run): after a timeout or network error against an origin, later
 *    requests to it throw kind "network" at once ("network unreachable: ...; not retried for other tokens").
 * 5. Sending. `User-Agent: tokscan/<version> (read-only secret audit)` (callers cannot replace it);
 *    redirect "manual": any 3xx throws kind "redirect" and is never followed. The timeout (default 10 s)
 *    covers connecting and reading the body: kind "timeout". Connection failures: kind "network".
 *    Bodies larger than 8 MiB: kind "http".
 * 6. Status. 2xx and 4xx resolve as HttpResponse (`json` parsed when the body parses as JSON, else
 *    undefined). 429 and 5xx are retried up to `maxRetries` times with exponential backoff, honouring
 *    Retry-After (seconds or HTTP date) capped at `maxRetryDelayMs`; then kind "http" with the status.
 *    Other statuses (1xx, >599) throw kind "http".
 * Every error message is scrubbed of the secret (and its companions): redact.ts.
 */
import { scrub } from "../redact.js";
import type { AllowedRequest, HttpMethod, HttpResponse, ProviderHttp } from "../types.js";
import { checkAllowed } from "./allowlist.js";
import { OriginDownError, type OriginHealth, type OriginProbe } from "./origin-health.js";
import { userAgent } from "./user-agent.js";

export type ProviderRequestErrorKind = "refused" | "redirect" | "timeout" | "network" | "http" | "budget";

export class ProviderRequestError extends Error {
  readonly kind: ProviderRequestErrorKind;
  readonly status?: number;
  /** Origin the request was (or would have been) sent to. */
  readonly origin?: string;

  constructor(kind: ProviderRequestErrorKind, message: string, extra: { status?: number; origin?: string } = {}) {
    super(message);
    this.name = "ProviderRequestError";
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.origin !== undefined) this.origin = extra.origin;
  }
}

export interface ProviderHttpOptions {
  providerId: string;
  /** Provider API origin (may carry a path, e.g. GHES `https://host/api/v3`), or the override. */
  baseUrl: string;
  /** True when baseUrl came from --endpoint / TOKSCAN_ENDPOINT_*: every request goes there. */
  overridden: boolean;
  allow: readonly AllowedRequest[];
  /** The token being asked about: scrubbed from every error message. */
  secret: string;
  /** Other secrets sent along (two-part credentials): scrubbed too. */
  companionSecrets?: readonly string[];
  timeoutMs?: number;
  maxRetries?: number;
  /** First retry waits this long, doubling each time (when no Retry-After). */
  retryBaseDelayMs?: number;
  /** Upper bound of any wait between retries, Retry-After included. */
  maxRetryDelayMs?: number;
  /** Most attempts this ProviderHttp may send. */
  budget?: number;
  fetchImpl?: typeof fetch;
  /** Shared per run so an unreachable origin costs one timeout. */
  originHealth?: OriginHealth;
  /** Allowlist entries marked `exchange` (tier T3) are usable only when true (`--allow-exchange`). */
  allowExchange?: boolean;
}

export interface ProviderHttpClient extends ProviderHttp {
  /** Attempts sent so far. */
  readonly calls: number;
  /** True once the provider kept answering 429 past the retries: the owner's quota is spent. */
  readonly rateLimited: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_CALL_BUDGET = 25;
const DEFAULT_RETRY_BASE_DELAY_MS = 500;
const DEFAULT_MAX_RETRY_DELAY_MS = 5_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Headers some servers read as the real method (X-HTTP-Method-Override: DELETE): never sent. */
const METHOD_OVERRIDE_HEADER = /^x-(?:http-)?method(?:-override)?$/i;

/** A path for a refusal message: long segments (where tokens hide) elided. */
function pathForMessages(path: string): string {
  const pathname = path.split("?", 1)[0] ?? "";
  return pathname
    .split("/")
    .map((segment) => (segment.length > 24 ? "{…}" : segment))
    .join("/");
}

export function createProviderHttp(options: ProviderHttpOptions): ProviderHttpClient {
  const secrets = [options.secret, ...(options.companionSecrets ?? [])];
  const clean = (text: string): string => scrub(text, secrets);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const budget = options.budget ?? DEFAULT_CALL_BUDGET;
  const baseDelay = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const maxDelay = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const baseUrl = options.baseUrl.replace(/\/{1,16}$/, "");
  let calls = 0;
  let rateLimited = false;

  const fail = (kind: ProviderRequestErrorKind, message: string, extra?: { status?: number; origin?: string }) =>
    new ProviderRequestError(kind, clean(message), extra);

  async function request(
    method: HttpMethod,
    path: string,
    init: { headers?: Record<string, string>; body?: string; origin?: string } = {},
  ): Promise<HttpResponse> {
    const verdict = checkAllowed(options.allow, { method, path, body: init.body, origin: init.origin }, baseUrl, {
      allowExchange: options.allowExchange,
    });
    if (!verdict.allowed) throw fail("refused", `${options.providerId}: ${method} ${pathForMessages(path)} refused: ${verdict.reason}`);
    // Messages name the allowlist's template, never the concrete path: a path may carry a token
    // (Telegram /bot<token>/, Discord webhooks) in a form the scrubber cannot know.
    const label = `${method} ${verdict.entry.path}`;

    const destinationBase = options.overridden ? baseUrl : (init.origin?.replace(/\/{1,16}$/, "") ?? baseUrl);
    let url: URL;
    try {
      url = new URL(destinationBase + path);
    } catch {
      throw fail("refused", `${options.providerId}: ${label} refused: not a valid URL`);
    }
    if (url.origin !== new URL(destinationBase).origin) {
      throw fail("refused", `${options.providerId}: ${label} refused: path leaves the origin`);
    }
    if (!options.overridden && url.protocol !== "https:") {
      throw fail("refused", `${options.providerId}: ${label} refused: provider origins must be https`);
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      if (METHOD_OVERRIDE_HEADER.test(name)) {
        throw fail("refused", `${options.providerId}: ${label} refused: header ${name} could turn it into another method`);
      }
      if (name.toLowerCase() !== "user-agent") headers[name] = value;
    }
    headers["User-Agent"] = userAgent();

    for (let attempt = 0; ; attempt++) {
      if (calls >= budget) {
        throw fail("budget", `${options.providerId}: ${label}: call budget of ${budget} requests exhausted`, {
          origin: url.origin,
        });
      }
      let probe: OriginProbe | undefined;
      try {
        probe = await options.originHealth?.enter(url.origin);
      } catch (error) {
        if (error instanceof OriginDownError) {
          throw fail("network", `${options.providerId}: ${error.message}`, { origin: url.origin });
        }
        throw error;
      }
      calls += 1;
      const sent = await sendOnce(url, label, method, headers, init.body, probe);
      if ("error" in sent) throw sent.error;
      const { response } = sent;
      const retryable = response.status === 429 || (response.status >= 500 && response.status <= 599);
      if (retryable && attempt < maxRetries && calls < budget) {
        await sleep(retryDelay(response.headers.get("retry-after"), attempt, baseDelay, maxDelay));
        continue;
      }
      if (retryable) {
        const tries = attempt + 1;
        if (response.status === 429) rateLimited = true;
        throw fail("http", `${options.providerId}: ${label}: HTTP ${response.status} after ${tries} ${tries === 1 ? "try" : "tries"}`, {
          status: response.status,
          origin: url.origin,
        });
      }
      if (response.status < 200 || response.status > 599) {
        throw fail("http", `${options.providerId}: ${label}: unexpected HTTP ${response.status}`, {
          status: response.status,
          origin: url.origin,
        });
      }
      return response;
    }
  }

  /** One attempt; resolves with the response or the error to throw, and settles the origin probe. */
  async function sendOnce(
    url: URL,
    label: string,
    method: HttpMethod,
    headers: Record<string, string>,
    body: string | undefined,
    probe: OriginProbe | undefined,
  ): Promise<{ response: HttpResponse } | { error: ProviderRequestError }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const res = await fetchImpl(url, {
        method,
        headers,
        body: method === "POST" ? (body ?? "") : undefined,
        redirect: "manual",
        signal: controller.signal,
      });
      probe?.settle("reachable");
      if (res.status >= 300 && res.status <= 399) {
        await res.body?.cancel().catch(() => undefined);
        const where = redirectTarget(res.headers.get("location"), url);
        return { error: fail("redirect", `${options.providerId}: ${label}: redirect ${res.status} ${where} not followed`, { status: res.status, origin: url.origin }) };
      }
      const text = await readCapped(res, MAX_BODY_BYTES);
      if (text === undefined) {
        return { error: fail("http", `${options.providerId}: ${label}: response body larger than ${MAX_BODY_BYTES} bytes`, { status: res.status, origin: url.origin }) };
      }
      return { response: { status: res.status, headers: res.headers, text, json: parseJson(text) } };
    } catch (error) {
      if (timedOut) {
        const reason = `timeout after ${timeoutMs} ms`;
        probe?.settle({ down: `${url.origin}: ${reason}` });
        return { error: fail("timeout", `${options.providerId}: ${label}: ${reason}`, { origin: url.origin }) };
      }
      const reason = networkReason(error);
      probe?.settle({ down: `${url.origin}: ${reason}` });
      return { error: fail("network", `${options.providerId}: ${label}: network error: ${reason}`, { origin: url.origin }) };
    } finally {
      clearTimeout(timer);
      probe?.settle("undecided");
    }
  }

  return {
    request,
    get baseUrl() {
      return baseUrl;
    },
    get calls() {
      return calls;
    },
    get rateLimited() {
      return rateLimited;
    },
  };
}

function redirectTarget(location: string | null, from: URL): string {
  if (location === null) return "without a location";
  try {
    const target = new URL(location, from);
    return target.origin === from.origin ? "within the origin" : `to another origin (${target.origin})`;
  } catch {
    return "to an invalid location";
  }
}

/** Reads the body as UTF-8; undefined when it exceeds `limit` bytes (the rest is not read). */
async function readCapped(res: Response, limit: number): Promise<string | undefined> {
  if (res.body === null) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Short cause of a fetch failure: the system error code when there is one. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Milliseconds to wait before the next attempt. */
export function retryDelay(retryAfter: string | null, attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const backoff = Math.min(baseDelayMs * 2 ** attempt, maxDelayMs);
  if (retryAfter === null) return backoff;
  const value = retryAfter.trim();
  if (/^\d{1,10}$/.test(value)) return Math.min(Number(value) * 1000, maxDelayMs);
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.min(Math.max(date - Date.now(), 0), maxDelayMs);
  return backoff;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
