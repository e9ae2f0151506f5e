/**
 * Reading AWS Query-API answers (STS, IAM): JSON when the service honours `Accept: application/json`,
 * XML otherwise. Only the few fields tokscan needs are extracted.
 */
import { isRecord } from "../../src/detector-kit/index.js";
import type { HttpResponse } from "../../src/detector-kit/index.js";

const XML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const unescapeXml = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);

/** Every value under `key`, anywhere in a JSON document, in document order. */
function jsonValues(value: unknown, key: string, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) jsonValues(item, key, into);
  else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) into.push(v);
      else jsonValues(v, key, into);
    }
  }
  return into;
}

/** String values of the leaf field `tag` (e.g. PolicyArn), in document order. */
export function fieldValues(response: HttpResponse, tag: string): string[] {
  if (response.json !== undefined) return jsonValues(response.json, tag).filter((v): v is string => typeof v === "string");
  const out: string[] = [];
  const pattern = new RegExp(`<${tag}>([^<]{0,2048})</${tag}>`, "g");
  for (let m = pattern.exec(response.text); m !== null; m = pattern.exec(response.text)) out.push(unescapeXml(m[1]!));
  return out;
}

/** Members of a list field of plain strings (e.g. PolicyNames). */
export function listMembers(response: HttpResponse, tag: string): string[] {
  if (response.json !== undefined) {
    return jsonValues(response.json, tag).flatMap((v) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []));
  }
  const block = new RegExp(`<${tag}>([\\s\\S]{0,65536}?)</${tag}>`).exec(response.text)?.[1] ?? "";
  return [...block.matchAll(/<member>([^<]{0,2048})<\/member>/g)].map((m) => unescapeXml(m[1]!));
}

/** The error code of an AWS error answer (`InvalidClientTokenId`, `AccessDenied`...). */
export function errorCode(response: HttpResponse): string | undefined {
  const fromJson = jsonValues(response.json, "Error").find(isRecord)?.["Code"];
  if (typeof fromJson === "string") return fromJson;
  if (isRecord(response.json) && typeof response.json["__type"] === "string") return response.json["__type"].split("#").pop();
  return /<Code>([A-Za-z.]{1,64})<\/Code>/.exec(response.text)?.[1];
}
