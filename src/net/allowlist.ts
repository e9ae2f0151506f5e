/**
 * Matching a request against a provider's allowlist (../shared/providers.md §0.1). Pure functions:
 * provider-http.ts calls `checkAllowed` before anything leaves the process.
 *
 * - Methods: GET, HEAD and POST only, and the entry's method exactly.
 * - Path: the entry's template, segment by segment; `{name}` matches text inside one segment (no `/`,
 *   not `.`/`..`, no encoded slash or backslash). A GET/HEAD may carry a query string, but never a
 *   parameter that selects an operation (`query`, `mutation`, `Action`, `_method`...). A POST carries
 *   none: some servers read the operation from the URL before the body (GraphQL `?query=`, AWS
 *   Query-API `?Action=`), which would get around the fixed-body check.
 * - Entries marked `exchange` (credential exchange, tier T3) match only when the caller allows it.
 * - Body: GET/HEAD carry none. POST carries exactly `entry.body`, or a body wholly matched by
 *   `entry.bodyPattern`, or none when the entry declares neither. Any POST body that names a GraphQL
 *   `mutation` or `subscription` (as a whole word, also inside JSON strings or URL-encoded) is refused,
 *   whatever the allowlist says.
 * - Origin: a request without `origin` uses the provider base URL; with `origin` it must match the
 *   entry's origin template (`{name}` = one DNS label) or equal the base URL.
 */
import type { AllowedRequest, HttpMethod } from "../types.js";

export const ALLOWED_METHODS: readonly HttpMethod[] = ["GET", "HEAD", "POST"];

export interface RequestShape {
  method: string;
  /** Path and optional query, starting with `/`. */
  path: string;
  body?: string;
  /** Origin the provider module asked for (multi-host providers); undefined = the base URL. */
  origin?: string;
}

export type AllowVerdict = { allowed: true; entry: AllowedRequest } | { allowed: false; reason: string };

const MAX_PATH_LENGTH = 4096;
const DNS_LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

/** Query parameters that pick an operation on some server: never sent, whatever the entry. */
const OPERATION_PARAMETER = /^(?:query|mutation|subscription|operationname|extensions|action|_method|method|x-http-method(?:-override)?)$/i;

export function checkAllowed(
  allow: readonly AllowedRequest[],
  request: RequestShape,
  baseUrl: string,
  options: { allowExchange?: boolean } = {},
): AllowVerdict {
  const method = request.method.toUpperCase();
  if (!ALLOWED_METHODS.includes(method as HttpMethod)) {
    return { allowed: false, reason: `method ${request.method} is never sent` };
  }
  const shapeProblem = pathProblem(request.path);
  if (shapeProblem) return { allowed: false, reason: shapeProblem };
  const bodyProblem = method === "POST" ? forbiddenGraphqlOperation(request.body ?? "") : undefined;
  if (bodyProblem) return { allowed: false, reason: bodyProblem };
  if (method !== "POST" && request.body !== undefined && request.body !== "") {
    return { allowed: false, reason: `${method} with a body is never sent` };
  }

  const [pathname = "", query] = splitQuery(request.path);
  if (query !== undefined) {
    if (method === "POST") return { allowed: false, reason: "a POST with a query string is never sent" };
    const operation = [...new URLSearchParams(query).keys()].find((key) => OPERATION_PARAMETER.test(key));
    if (operation !== undefined) return { allowed: false, reason: `query parameter "${operation}" is never sent` };
  }
  for (const entry of allow) {
    if (entry.method !== method) continue;
    if (entry.exchange === true && options.allowExchange !== true) continue;
    if (!pathMatches(entry.path, pathname)) continue;
    if (!originMatches(entry, request.origin, baseUrl)) continue;
    if (method === "POST" && !bodyMatches(entry, request.body ?? "")) continue;
    return { allowed: true, entry };
  }
  return { allowed: false, reason: `${method} ${pathname} is not on the allowlist` };
}

function splitQuery(path: string): [string, string | undefined] {
  const at = path.indexOf("?");
  return at === -1 ? [path, undefined] : [path.slice(0, at), path.slice(at + 1)];
}

function pathProblem(path: string): string | undefined {
  if (path.length > MAX_PATH_LENGTH) return "path too long";
  if (!path.startsWith("/") || path.startsWith("//")) return "path must start with a single /";
  // Control characters, spaces, fragments and backslashes have no place in a fixed API path.
  if (/[\u0000-\u0020\u007f#\\]/.test(path)) return "path holds characters that are never sent";
  return undefined;
}

function pathMatches(template: string, pathname: string): boolean {
  const wanted = template.split("/");
  const actual = pathname.split("/");
  if (wanted.length !== actual.length) return false;
  return wanted.every((segment, index) => segmentMatches(segment, actual[index] ?? ""));
}

function segmentMatches(template: string, actual: string): boolean {
  if (!template.includes("{")) return template === actual;
  let decoded: string;
  try {
    decoded = decodeURIComponent(actual);
  } catch {
    return false;
  }
  if (decoded === "" || decoded === "." || decoded === ".." || /[/\\]/.test(decoded)) return false;
  const pattern = new RegExp(`^${templateToRegex(template, "[^/]{1,2048}")}$`);
  return pattern.test(actual);
}

/** Escape a template's literal parts and replace each `{name}` with `placeholder`. */
function templateToRegex(template: string, placeholder: string): string {
  return template
    .split(/\{[A-Za-z0-9_]{1,64}\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join(placeholder);
}

const trimSlash = (url: string): string => url.replace(/\/{1,16}$/, "");

function originMatches(entry: AllowedRequest, origin: string | undefined, baseUrl: string): boolean {
  if (origin === undefined) return entry.origin === undefined;
  const asked = trimSlash(origin);
  if (entry.origin === undefined) return asked === trimSlash(baseUrl);
  const pattern = new RegExp(`^${templateToRegex(trimSlash(entry.origin), DNS_LABEL)}$`, "i");
  return pattern.test(asked);
}

function bodyMatches(entry: AllowedRequest, body: string): boolean {
  if (entry.body !== undefined) return body === entry.body;
  if (entry.bodyPattern !== undefined) {
    // A fresh, non-global copy: no lastIndex state, and the match must cover the whole body.
    const pattern = new RegExp(entry.bodyPattern.source, entry.bodyPattern.flags.replace(/[gy]/g, ""));
    const match = pattern.exec(body);
    return match !== null && match.index === 0 && match[0].length === body.length;
  }
  return body === "";
}

const OPERATION_WORD = /\b(?:mutation|subscription)\b/i;

/** A reason when the body names a GraphQL mutation or subscription anywhere, in any encoding we can undo. */
export function forbiddenGraphqlOperation(body: string): string | undefined {
  const views = [body];
  try {
    views.push(decodeURIComponent(body.replace(/\+/g, " ")));
  } catch {
    // not URL-encoded
  }
  try {
    collectStrings(JSON.parse(body) as unknown, views);
  } catch {
    // not JSON
  }
  const hit = views.map((view) => OPERATION_WORD.exec(view)).find((match) => match !== null);
  return hit ? `POST body names a GraphQL ${hit[0].toLowerCase()}: refused` : undefined;
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      collectStrings(item, into);
    }
  }
}
