/**
 * Small helpers for provider modules (detectors/<id>/api.ts): reading untrusted JSON answers
 * defensively, building the Bearer header, and wording results in the same words everywhere.
 */
import type { HttpResponse, Introspection, ProviderHttp } from "../types.js";

/** A JSON object (not null, not an array): the only shape whose fields may be read. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The value if it is a non-empty string, else undefined. */
export const nonEmptyString = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined);

/** The usual `Authorization: Bearer <token>` header. */
export const bearerAuthorization = (secret: string): { Authorization: string } => ({ Authorization: `Bearer ${secret}` });

/** Up to `limit` names, then how many more: "a, b, c, d, e and 3 more". */
export const listNames = (names: readonly string[], limit = 5): string =>
  names.length <= limit ? names.join(", ") : `${names.slice(0, limit).join(", ")} and ${names.length - limit} more`;

/** The text of a thrown value (ProviderHttp errors are already scrubbed of secrets). */
export const thrownMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A fact saying that a secondary read failed, and why: "<what> not readable (<reason>)". */
export const notReadable = (what: string, error: unknown): string => `${what} not readable (${thrownMessage(error)})`;

/** The answer's non-empty `message` field as " (<message>)", cut to 120 characters; "" without one. */
export const messageSuffix = (response: HttpResponse): string => {
  const message = isRecord(response.json) ? nonEmptyString(response.json["message"]) : undefined;
  return message === undefined ? "" : ` (${message.slice(0, 120)})`;
};

/**
 * GETs a JSON array and keeps its objects. A refusal, another shape or a failed request gives the
 * reason as a string instead ("HTTP 403", or the request error's message).
 */
export async function listRecords(http: ProviderHttp, path: string, headers: Record<string, string>): Promise<Record<string, unknown>[] | string> {
  try {
    const response = await http.request("GET", path, { headers });
    return response.status === 200 && Array.isArray(response.json) ? response.json.filter(isRecord) : `HTTP ${response.status}`;
  } catch (error) {
    return thrownMessage(error);
  }
}

/** Inactive: "<provider> answered <status> to <request>: <why>" (the provider refused the token). */
export const answeredInactive = (provider: string, status: number | string, request: string, why: string): Introspection => ({
  liveness: "inactive",
  reason: `${provider} answered ${status} to ${request}: ${why}`,
});

/** Unknown: "<provider> answered <status> to <request>" (an answer that settles nothing). */
export const answeredUnknown = (provider: string, status: number | string, request: string): Introspection => ({
  liveness: "unknown",
  reason: `${provider} answered ${status} to ${request}`,
});

/** Unknown: the answer was not in the documented shape (a proxy page, an API change). */
export const unexpectedShape = (request: string): Introspection => ({ liveness: "unknown", reason: `unexpected response shape from ${request}` });
